import { describeValue } from '../manifest/_describe';

/** One wrong prop: the prop as the user wrote it (`jobManager.memory`) and what is wrong with it. */
export interface PropProblem {
  readonly prop: string;
  /** e.g. `must be a Size (e.g. Size.mebibytes(2048)), got "2048m"` */
  readonly detail: string;
}

/**
 * Wrong props, found by the checks of `_checks.ts`. Inside a construct the
 * problems are recorded (`PropErrors` of `_prop-errors.ts`) and reported at synth beside the hook
 * pipeline's errors; a static factory, which has no construct, throws it.
 */
export class PropError extends Error {
  constructor(public readonly problems: readonly PropProblem[]) {
    super(problems.map((p) => `'${p.prop}' ${p.detail}`).join('; '));
    this.name = 'PropError';
  }
}

/** Throws a prop error: `'<prop>' <detail>` (`[path] <prop>: <detail>` at synth). */
export function reject(prop: string, detail: string): never {
  throw new PropError([{ prop, detail }]);
}

/** Throws the prop error `'<prop>' must be <what>, got <value>`. */
export function fail(prop: string, what: string, value: unknown): never {
  reject(prop, `must be ${what}, got ${describeValue(value)}`);
}

/**
 * The problems `check` finds (none when it passes); for a value object whose
 * factory has no construct to report to: the construct that uses it reports
 * them (`PropError.under`).
 */
export function problemsOf(check: () => void): PropProblem[] {
  try {
    check();
    return [];
  } catch (e) {
    if (!(e instanceof PropError)) {
      throw e;
    }
    return [...e.problems];
  }
}

/** Throws the problems (if any) as the props below `prefix` (`job.source` + `jarUri`). */
export function rejectUnder(prefix: string, problems: readonly PropProblem[]): void {
  if (problems.length > 0) {
    throw new PropError(problems.map((p) => ({ prop: `${prefix}.${p.prop}`, detail: p.detail })));
  }
}

/**
 * Runs every check, even after one failed, and throws one `PropError` with
 * every problem found. Any other error (a bug) is thrown as it is.
 */
export function checkAll(...checks: Array<() => unknown>): void {
  const problems: PropProblem[] = [];
  for (const check of checks) {
    try {
      check();
    } catch (e) {
      if (!(e instanceof PropError)) {
        throw e;
      }
      problems.push(...e.problems);
    }
  }
  if (problems.length > 0) {
    throw new PropError(problems);
  }
}

/**
 * Computes every part, even after one failed, and returns them all, or
 * throws one `PropError` with every problem found.
 */
export function checkedParts<T extends object>(parts: { [K in keyof T]: () => T[K] }): T {
  const result: Partial<T> = {};
  checkAll(...(Object.keys(parts) as Array<keyof T>).map((key) => () => {
    result[key] = parts[key]();
  }));
  return result as T;
}

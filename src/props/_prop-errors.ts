import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { describeValue, oneLine } from '../manifest/_describe';

/** One wrong prop: the prop as the user wrote it (`jobManager.memory`) and what is wrong with it. */
export interface PropProblem {
  readonly prop: string;
  /** e.g. `must be a Size (e.g. Size.mebibytes(2048)), got "2048m"` */
  readonly detail: string;
}

/**
 * Wrong props, found by the checks of `_checks.ts`. Inside a construct the
 * problems are recorded (`PropErrors`) and reported at synth beside the hook
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

const RECORDS = new WeakMap<IConstruct, PropErrors>();

/**
 * The prop errors of one construct: recorded instead of thrown, reported as
 * the construct's validation errors (`[construct/path] prop: detail`), so
 * that `app.synth()` lists every problem of every construct at once and
 * writes nothing. A construct whose props are too wrong to build renders
 * nothing (`renderNothing`).
 */
export class PropErrors {
  /** The record of a construct, created (and hooked into its validation) on first use. */
  public static of(construct: IConstruct): PropErrors {
    let record = RECORDS.get(construct);
    if (!record) {
      record = new PropErrors(construct);
      RECORDS.set(construct, record);
    }
    return record;
  }

  /** The problems recorded on a construct, as validation lines (none if it has no record). */
  public static linesOf(construct: IConstruct): string[] {
    return RECORDS.get(construct)?.lines ?? [];
  }

  private readonly problems: PropProblem[] = [];

  private constructor(private readonly construct: IConstruct) {
    construct.node.addValidation({ validate: () => this.lines });
  }

  /** `<prop>: <detail>` per problem, each once, in the order found. */
  public get lines(): string[] {
    return [...new Set(this.problems.map((p) => oneLine(`${p.prop}: ${p.detail}`)))];
  }

  /** Whether no problem was recorded. */
  public get empty(): boolean {
    return this.problems.length === 0;
  }

  /**
   * Runs `fn`; the prop errors it throws are recorded and `undefined` is
   * returned. Any other error (a bug of the library) is thrown.
   */
  public run<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof PropError)) {
        throw e;
      }
      this.problems.push(...e.problems);
      return undefined;
    }
  }

  /**
   * Runs every check (`checkAll`) and records the problems; returns whether
   * there were none.
   */
  public check(...checks: Array<() => unknown>): boolean {
    return this.run(() => {
      checkAll(...checks);
      return true;
    }) ?? false;
  }

  /**
   * Stands in for the objects of a construct that could not be built:
   * `app.synth()` stops at the validation errors before rendering, and a
   * direct render (`Testing.synth(chart)`) fails with the same list.
   */
  public renderNothing(): void {
    new Unrenderable(this.construct, () => this.lines);
  }
}

/** The `Resource` child of a construct that could not be built: rendering it fails with the prop errors. */
class Unrenderable extends ApiObject {
  constructor(scope: IConstruct, private readonly lines: () => string[]) {
    super(scope as any, 'Resource', { apiVersion: 'v1', kind: 'Unrenderable' });
  }

  public toJson(): any {
    const path = this.node.scope?.node.path ?? this.node.path;
    throw new Error(`Validation failed with the following errors:\n  ${this.lines().map((l) => `[${path}] ${l}`).join('\n  ')}`);
  }
}

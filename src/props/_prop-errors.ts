import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { checkAll, PropError, PropProblem } from './_prop-error';
import { oneLine } from '../manifest/_describe';

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

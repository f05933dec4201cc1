/**
 * The results of an app's Flink resources: each resource's manifest is
 * built and passes the hook pipeline once, and every object of the
 * resource renders from that one result, until the app changes.
 */
import { IConstruct } from 'constructs';

/** The current pass of each app (by its root). */
const PASSES = new WeakMap<IConstruct, SynthPass>();
/** How many changes each app (by its root) has seen. */
const CHANGES = new WeakMap<IConstruct, number>();

/**
 * The results of an app as it is now. cdk8s validates the whole app at
 * every synth and again before it renders each chart (`chart.toJson()`),
 * so a pass is not tied to one validation: it lasts until something that
 * can change a result changes (`SynthPass.changed()`: a Flink resource is
 * created or changed, hooks are registered, the operator's configuration
 * changes), and the next synth starts a new one.
 */
export class SynthPass {
  /** The current pass of the app `scope` belongs to. */
  public static of(scope: IConstruct): SynthPass {
    const root = scope.node.root;
    const changes = CHANGES.get(root) ?? 0;
    let pass = PASSES.get(root);
    if (pass === undefined || pass.changes !== changes) {
      pass = new SynthPass(changes);
      PASSES.set(root, pass);
    }
    return pass;
  }

  /** Records a change of the app `scope` belongs to: the next result is computed anew. */
  public static changed(scope: IConstruct): void {
    const root = scope.node.root;
    CHANGES.set(root, (CHANGES.get(root) ?? 0) + 1);
  }

  private readonly results = new Map<object, unknown>();

  private constructor(private readonly changes: number) {}

  /**
   * What `compute` gives for `key` in this pass: computed on the first
   * call, the same value after.
   */
  public once<T>(key: object, compute: () => T): T {
    if (this.results.has(key)) {
      return this.results.get(key) as T;
    }
    const value = compute();
    this.results.set(key, value);
    return value;
  }
}

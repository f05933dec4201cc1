/**
 * One synth of an app: each Flink resource's manifest is built and passes
 * the hook pipeline once, and every object of the resource renders from
 * that one result.
 */
import { IConstruct } from 'constructs';

const PASSES = new WeakMap<IConstruct, SynthPass>();

/**
 * The results of one synth of an app. cdk8s validates the whole app before
 * it renders anything (`App.synth()`, `Testing.synth()`, `synthYaml()`),
 * the root first: the root's validation starts a new pass, so each synth
 * sees the app as it is then, and its rendering reads what its validation
 * computed.
 */
export class SynthPass {
  /**
   * The current pass of the app `scope` belongs to (the first one starts
   * when it is first asked for, and registers the root's validation that
   * starts every later one).
   */
  public static of(scope: IConstruct): SynthPass {
    const root = scope.node.root;
    const current = PASSES.get(root);
    if (current) {
      return current;
    }
    const pass = new SynthPass();
    PASSES.set(root, pass);
    root.node.addValidation({
      validate: () => {
        PASSES.set(root, new SynthPass());
        return [];
      },
    });
    return pass;
  }

  private readonly results = new Map<object, unknown>();

  private constructor() {}

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

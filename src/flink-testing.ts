import { App, Chart, Testing, Yaml } from 'cdk8s';
import { IConstruct } from 'constructs';
import { PlanEntry } from './flink-plan';
import { FlinkHooks } from './hooks/flink-hooks';

/**
 * Helpers for users' tests of charts with Flink resources. They work with
 * any test runner: failures are thrown as errors.
 *
 * @example
 * const chart = new PaymentsChart(Testing.app(), 'payments');
 * expect(FlinkTesting.synthYaml(chart)).toMatchSnapshot();
 * FlinkTesting.assertInvalid(broken, ['Job parallelism must be larger than 0']);
 */
export class FlinkTesting {
  /**
   * The chart's objects as one multi-document YAML string, in emission
   * order, exactly as `cdk8s synth` writes them: readable snapshots.
   * Throws when the app does not validate.
   *
   * @param chart the chart to render
   */
  public static synthYaml(chart: Chart): string {
    return Yaml.stringify(...Testing.synth(chart));
  }

  /**
   * Every validation error of the app the construct belongs to, as
   * `[construct/path] message` lines (what `cdk8s synth` would report); an
   * empty list when the app is valid.
   *
   * @param scope any construct of the app
   */
  public static validationErrors(scope: IConstruct): string[] {
    const app = App.of(scope);
    return app.node.findAll().flatMap((c) => c.node.validate().map((e) => `[${c.node.path}] ${e}`));
  }

  /**
   * Throws, listing every error, unless the app validates.
   *
   * @param scope any construct of the app
   */
  public static assertValid(scope: IConstruct): void {
    const errors = FlinkTesting.validationErrors(scope);
    if (errors.length > 0) {
      throw new Error(`expected a valid app, got ${errors.length} error(s):\n  ${errors.join('\n  ')}`);
    }
  }

  /**
   * Throws unless the app fails validation with every one of the expected
   * messages (each must be contained in one error line; other errors are
   * allowed).
   *
   * @param scope any construct of the app
   * @param expected messages (or parts of them) that must be reported
   */
  public static assertInvalid(scope: IConstruct, expected: string[]): void {
    const errors = FlinkTesting.validationErrors(scope);
    if (errors.length === 0) {
      throw new Error(`expected validation errors [${expected.join(', ')}], but the app is valid`);
    }
    const missing = expected.filter((m) => !errors.some((e) => e.includes(m)));
    if (missing.length > 0) {
      throw new Error(`missing validation error(s): ${missing.join('; ')}\nreported:\n  ${errors.join('\n  ')}`);
    }
  }

  /**
   * What the Flink Kubernetes Operator would do if the objects of `before`
   * were replaced by those of `after` (what `cdk8s-flink plan` reports):
   * for every object whether it is created, deleted, changed or unchanged,
   * and for Flink resources the operator's diff type, the fields that
   * decide it and the consequence for the job's state, by the rules of the
   * operator release `after` targets. Both charts are
   * synthesized (and validated); usually they come from two apps built with
   * different props.
   *
   * @example
   * const entries = FlinkTesting.plan(buildChart(Testing.app(), 4), buildChart(Testing.app(), 8));
   * expect(entries.find((e) => e.name === 'orders')?.diffType).toEqual(SpecDiffType.SCALE);
   *
   * @param before the chart as it is deployed
   * @param after the chart as changed
   */
  public static plan(before: Chart, after: Chart): PlanEntry[] {
    const operatorVersion = FlinkHooks._resolve(after).operatorVersion;
    // The spec diff is loaded when a test asks for a plan: apps never need it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { plan } = require('./plan/_plan') as typeof import('./plan/_plan');
    return plan(Testing.synth(before), Testing.synth(after), { operatorVersion }).map((c) => c.entry);
  }

  private constructor() {}
}

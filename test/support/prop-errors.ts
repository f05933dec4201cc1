import { Chart, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { FlinkTesting } from '../../src';

/** Every validation error of the app of `scope`, one per line, as `app.synth()` lists them. */
export function synthErrors(scope: IConstruct): string {
  return FlinkTesting.validationErrors(scope).join('\n');
}

/**
 * Builds constructs in a fresh chart (`test`) — construction must not throw,
 * whatever the props — and returns the synth errors of its app.
 */
export function buildErrors(build: (chart: Chart) => unknown): string {
  const chart = Testing.chart();
  build(chart);
  return synthErrors(chart);
}

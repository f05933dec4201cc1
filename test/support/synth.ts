import { Chart, Testing } from 'cdk8s';

/** The validation error message of a chart that must not synthesize (fails the test if it does). */
export function synthFailure(chart: Chart): string {
  try {
    Testing.synth(chart);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a validation error');
}

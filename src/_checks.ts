/**
 * Eager checks of construct props: invariants no mutator could repair.
 */
import { FlinkJobOptions } from './flink-job';

/**
 * Eager checks of job options that no mutator could repair.
 */
export function checkJob(job: FlinkJobOptions): void {
  checkInteger('job.parallelism', job.parallelism, 1);
  for (const nonce of ['savepointTriggerNonce', 'checkpointTriggerNonce', 'savepointRedeployNonce', 'autoscalerResetNonce'] as const) {
    checkInteger(`job.${nonce}`, job[nonce], Number.MIN_SAFE_INTEGER);
  }
}

/**
 * Throws unless the value is undefined or a whole number of at least `min`.
 */
export function checkInteger(field: string, value: number | undefined, min: number): void {
  if (value === undefined) {
    return;
  }
  if (!Number.isInteger(value) || value < min) {
    const bound = min === Number.MIN_SAFE_INTEGER ? 'a whole number' : `a whole number >= ${min}`;
    throw new Error(`'${field}' must be ${bound}, got ${value}`);
  }
}

/**
 * The checks of a Flink resource's `job` props: the shared vocabulary of
 * prop checks applied to `FlinkJobOptions`.
 */
import { checkAll, checkBoolean, checkEnum, checkInteger, checkString, checkStringList, fail, isObject } from './_checks';
import { FlinkJob, FlinkJobOptions, JobState, UpgradeMode } from '../flink-job';

/**
 * Eager checks of job options that no mutator could repair.
 */
export function checkJob(job: FlinkJobOptions, field = 'job'): void {
  if (!isObject(job as unknown)) {
    fail(field, 'a map of job options', job);
  }
  const source = job.source;
  checkAll(
    () => {
      if (source !== undefined && !(source instanceof FlinkJob)) {
        fail(`${field}.source`, 'a FlinkJob (FlinkJob.jar(...) or FlinkJob.python(...))', source);
      }
      source?._check(`${field}.source`);
    },
    ...(['jarUri', 'entryClass', 'args'] as const).map((shorthand) => () => {
      if (source instanceof FlinkJob && job[shorthand] !== undefined) {
        fail(`${field}.${shorthand}`, `unset when '${field}.source' is given (pass it to FlinkJob.${source.isPython ? 'python' : 'jar'}(...))`, job[shorthand]);
      }
    }),
    () => checkString(`${field}.jarUri`, job.jarUri),
    () => checkString(`${field}.entryClass`, job.entryClass),
    () => checkString(`${field}.initialSavepointPath`, job.initialSavepointPath),
    () => checkStringList(`${field}.args`, job.args),
    () => checkBoolean(`${field}.allowNonRestoredState`, job.allowNonRestoredState),
    () => checkEnum(`${field}.upgradeMode`, job.upgradeMode, UpgradeMode),
    () => checkEnum(`${field}.state`, job.state, JobState),
    () => checkInteger(`${field}.parallelism`, job.parallelism, 1),
    ...(['savepointTriggerNonce', 'checkpointTriggerNonce', 'savepointRedeployNonce', 'autoscalerResetNonce'] as const)
      .map((nonce) => () => checkInteger(`${field}.${nonce}`, job[nonce], Number.MIN_SAFE_INTEGER)),
  );
}

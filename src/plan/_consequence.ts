/**
 * What the operator does with a classified change, in words, and how risky
 * it is. Upstream: `AbstractFlinkResourceReconciler.reconcile` (IGNORE does
 * nothing, SCALE tries `FlinkService.scale` first, anything else
 * `reconcileSpecChange`), `AbstractJobReconciler` (suspend / restore by
 * upgradeMode, `redeployWithSavepoint`), `NativeFlinkService.scale`
 * (Flink 1.18+, adaptive scheduler, parallelism overrides) and
 * `StandaloneFlinkService.scale` (reactive mode or a session cluster).
 */
import { DeploymentModeName, DiffTypeName } from './_spec-schema';

/** How bad a change can be: the plan sorts and `--fail-on` decides by it. */
export enum Risk {
  NONE = 0,
  SCALE = 1,
  RESTART = 2,
  STATE_LOSS = 3,
}

/** A consequence and its risk. */
export interface Consequence {
  readonly text: string;
  readonly risk: Risk;
}

/** The job side of a spec: what decides how an upgrade treats its state. */
export interface JobFacts {
  readonly upgradeMode: string;
  readonly initialSavepointPath?: string;
}

/** What a redeploy of a running job does with its state, per upgradeMode. */
export function upgradeConsequence(job: JobFacts): Consequence {
  switch (job.upgradeMode) {
    case 'savepoint':
      return { text: 'the job is stopped with a savepoint and restarted from it', risk: Risk.RESTART };
    case 'last-state':
      return { text: 'the job restarts from its latest checkpoint (HA metadata); no savepoint is taken', risk: Risk.RESTART };
    default:
      return { text: 'the job restarts from empty state', risk: Risk.STATE_LOSS };
  }
}

/** A suspension (job.state running → suspended), per upgradeMode. */
export function suspendConsequence(job: JobFacts): Consequence {
  switch (job.upgradeMode) {
    case 'savepoint':
      return { text: 'the job is suspended: stopped with a savepoint, from which it resumes', risk: Risk.RESTART };
    case 'last-state':
      return { text: 'the job is suspended: its cluster is deleted, the HA metadata keeps its latest checkpoint', risk: Risk.RESTART };
    default:
      return { text: 'the job is suspended: cancelled without a savepoint, so it will resume from empty state', risk: Risk.STATE_LOSS };
  }
}

/** A resumption (suspended → running): the job restores as it was suspended. */
export function resumeConsequence(job: JobFacts): Consequence {
  switch (job.upgradeMode) {
    case 'savepoint':
      return { text: 'the job resumes from the savepoint taken when it was suspended', risk: Risk.RESTART };
    case 'last-state':
      return { text: 'the job resumes from its latest checkpoint', risk: Risk.RESTART };
    default:
      return { text: 'the job resumes from empty state', risk: Risk.STATE_LOSS };
  }
}

/** Facts that decide whether a SCALE change can rescale in place. */
export interface ScaleFacts {
  readonly mode: DeploymentModeName;
  readonly flinkVersion?: string;
  readonly configuration: Record<string, string>;
  readonly hasJob: boolean;
}

/**
 * A SCALE change: in place when the cluster allows it, otherwise handled as
 * an upgrade (the returned risk is the worse of both when it cannot be told).
 */
export function scaleConsequence(facts: ScaleFacts, job: JobFacts | undefined): Consequence {
  const fallback = job ? upgradeConsequence(job) : { text: 'the session cluster is redeployed', risk: Risk.RESTART };
  const upgrade = (why: string) => ({ text: `SCALE: ${why}, so it is upgraded with upgradeMode ${job?.upgradeMode ?? '-'}: ${fallback.text}`, risk: fallback.risk });
  if (facts.mode === 'standalone') {
    if (!facts.hasJob || facts.configuration['scheduler-mode'] === 'reactive') {
      return { text: 'SCALE: the TaskManager Deployment is rescaled in place (standalone, ' + (facts.hasJob ? 'reactive mode)' : 'session cluster)'), risk: Risk.SCALE };
    }
    return upgrade('standalone clusters rescale in place only in reactive mode (scheduler-mode: reactive)');
  }
  const version = /^v(\d+)_(\d+)$/.exec(facts.flinkVersion ?? '');
  if (version && (Number(version[1]) < 1 || (Number(version[1]) === 1 && Number(version[2]) < 18))) {
    return upgrade('Flink before 1.18 cannot rescale in place');
  }
  const scheduler = facts.configuration['jobmanager.scheduler'];
  if (scheduler !== undefined && scheduler.toLowerCase() !== 'adaptive') {
    return upgrade(`in-place rescaling needs the adaptive scheduler (jobmanager.scheduler is ${scheduler})`);
  }
  if (facts.configuration['kubernetes.operator.job.upgrade.inplace-scaling.enabled'] === 'false') {
    return upgrade('in-place scaling is disabled (kubernetes.operator.job.upgrade.inplace-scaling.enabled)');
  }
  if (scheduler !== undefined) {
    return { text: 'SCALE: rescaled in place (adaptive scheduler, parallelism overrides)', risk: Risk.SCALE };
  }
  return {
    text: `SCALE: rescaled in place where the Flink version and scheduler allow it (Flink 1.18+, jobmanager.scheduler: adaptive), otherwise upgraded with upgradeMode ${job?.upgradeMode ?? '-'}: ${fallback.text}`,
    risk: Math.max(Risk.SCALE, fallback.risk),
  };
}

/** Notes on IGNORE-type fields: what the operator does with them instead of a redeploy. */
export function ignoredFieldNote(field: string): string | undefined {
  if (field === 'job.savepointTriggerNonce') {
    return 'a new savepointTriggerNonce triggers a savepoint';
  }
  if (field === 'job.checkpointTriggerNonce') {
    return 'a new checkpointTriggerNonce triggers a checkpoint';
  }
  if (field === 'job.upgradeMode') {
    return 'the new upgradeMode applies from the next upgrade';
  }
  if (field === 'job.initialSavepointPath') {
    return 'initialSavepointPath is used only by a first deployment or a savepoint redeploy';
  }
  if (field === 'job.allowNonRestoredState') {
    return 'allowNonRestoredState applies from the next restore';
  }
  if (field === 'job.autoscalerResetNonce') {
    return 'a new autoscalerResetNonce resets the autoscaler';
  }
  if (field.startsWith('flinkConfiguration.job.autoscaler')) {
    return 'the autoscaler picks up its settings';
  }
  if (field.startsWith('flinkConfiguration.kubernetes.operator')) {
    return 'the operator applies its settings without a redeploy';
  }
  if (field.startsWith('flinkConfiguration.parallelism.default')) {
    return 'parallelism.default is ignored for running jobs';
  }
  return undefined;
}

/** The consequence words of a diff type that needs no job (session clusters). */
export function sessionClusterConsequence(type: DiffTypeName, fields: readonly string[]): Consequence {
  const notes = [...new Set(fields.map(ignoredFieldNote).filter((n): n is string => n !== undefined))];
  return type === 'IGNORE'
    ? { text: `IGNORE: the operator does not redeploy the session cluster${notes.length > 0 ? `; ${notes.join('; ')}` : ''}`, risk: Risk.NONE }
    : { text: `${type}: the session cluster is deleted and redeployed; jobs running on it are interrupted`, risk: Risk.RESTART };
}

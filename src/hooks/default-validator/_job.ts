import { FlinkConfig } from '../../jvm/_flink-config';
import { CLUSTER_OPTIONS, OPERATOR_OPTIONS } from '../../jvm/_flink-options';
import { isNullOrWhitespaceOnly } from '../../jvm/_java-text';
import { at } from '../../manifest/_fields';

/**
 * Checks on a job against the configuration it runs with: state directories
 * the upgrade mode and savepoint features need, and a positive parallelism
 * (or TaskManager replica count).
 */

/** Stateful upgrade modes need a checkpoint directory. */
export function checkpointDirectoryErrors(job: unknown, conf: FlinkConfig): string[] {
  if (job === undefined || (at(job, 'upgradeMode') ?? 'stateless') === 'stateless'
    || !isNullOrWhitespaceOnly(conf.string(CLUSTER_OPTIONS.checkpointsDirectory))) {
    return [];
  }
  return [`Checkpoint directory[${CLUSTER_OPTIONS.checkpointsDirectory.key}] must be defined for last-state and savepoint upgrade modes`];
}

/** Savepoint upgrades, manual and periodic savepoints and the checkpoint max age need a savepoint directory. */
export function savepointDirectoryErrors(job: unknown, conf: FlinkConfig): string[] {
  if (job === undefined || !isNullOrWhitespaceOnly(conf.string(CLUSTER_OPTIONS.savepointDirectory))) {
    return [];
  }
  const key = CLUSTER_OPTIONS.savepointDirectory.key;
  if (at(job, 'upgradeMode') === 'savepoint') {
    return [`Job could not be upgraded with savepoint while config key[${key}] is not set`];
  }
  if (at(job, 'savepointTriggerNonce') !== undefined) {
    return [`Savepoint could not be manually triggered for the running job while config key[${key}] is not set`];
  }
  if (conf.contains(OPERATOR_OPTIONS.periodicSavepointInterval)) {
    return [`Periodic savepoints cannot be enabled when config key[${key}] is not set`];
  }
  if (conf.hasDuration(OPERATOR_OPTIONS.lastStateMaxCheckpointAge)) {
    return [`In order to use max-checkpoint age functionality config key[${key}] must be set to allow triggering savepoint upgrades.`];
  }
  return [];
}

/** TaskManager replicas, when set, must be positive; otherwise the job parallelism must be. */
export function parallelismErrors(job: unknown, taskManager: unknown): string[] {
  if (job === undefined) {
    return [];
  }
  const replicas = at(taskManager, 'replicas');
  if (replicas !== undefined) {
    return replicas < 1 ? ['TaskManager replicas must be larger than 0'] : [];
  }
  return (at(job, 'parallelism') ?? 0) < 1 ? ['Job parallelism must be larger than 0'] : [];
}

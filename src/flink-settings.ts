import { CheckpointingOptions, SavepointsOptions } from './checkpointing';
import { HighAvailability } from './high-availability';
import { RestartStrategy } from './restart-strategy';
import { StateBackend } from './state-backend';

/**
 * Typed Flink settings of a job. They render into `flinkConfiguration` with
 * the keys and value formats the Flink version reads (Flink 1.20 and 2.x
 * renamed many of them), so the hooks, the validators and every backend see
 * them as configuration. Setting the same thing in `flinkConfiguration` too,
 * under any of its keys, is a synth error.
 */
export interface FlinkJobSettings {
  /**
   * Checkpointing.
   *
   * @default - Flink's defaults (no periodic checkpoints)
   */
  readonly checkpointing?: CheckpointingOptions;

  /**
   * Savepoints.
   *
   * @default - Flink's defaults (no default savepoint directory)
   */
  readonly savepoints?: SavepointsOptions;

  /**
   * Where the job keeps its working state.
   *
   * @default - Flink's default, StateBackend.hashMap()
   */
  readonly stateBackend?: StateBackend;

  /**
   * How a failed job is restarted.
   *
   * @default - Flink's default (exponential delay with checkpointing, none without)
   */
  readonly restartStrategy?: RestartStrategy;
}

/**
 * Typed Flink settings of a cluster: those of its job plus high
 * availability.
 */
export interface FlinkClusterSettings extends FlinkJobSettings {
  /**
   * High availability of the JobManager.
   *
   * @default - no high availability
   */
  readonly highAvailability?: HighAvailability;
}

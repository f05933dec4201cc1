import { Duration } from 'cdk8s';

/**
 * The guarantee of checkpoints (`execution.checkpointing.mode`).
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/config/#execution-checkpointing-mode
 */
export enum CheckpointingMode {
  /** Every record affects the state exactly once after a recovery (barrier alignment). */
  EXACTLY_ONCE = 'EXACTLY_ONCE',
  /** Records may affect the state more than once after a recovery; lower latency. */
  AT_LEAST_ONCE = 'AT_LEAST_ONCE',
}

/**
 * Checkpointing of a job, rendered into `flinkConfiguration` with the keys
 * of the deployment's Flink version (`state.checkpoints.dir` for Flink 1.19,
 * `execution.checkpointing.dir` from 1.20 on, ...).
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/datastream/fault-tolerance/checkpointing/
 */
export interface CheckpointingOptions {
  /**
   * How often a checkpoint is triggered (`execution.checkpointing.interval`).
   *
   * @default - no periodic checkpoints (Flink's default)
   */
  readonly interval?: Duration;

  /**
   * The guarantee of the checkpoints (`execution.checkpointing.mode`).
   *
   * @default - Flink's default, CheckpointingMode.EXACTLY_ONCE
   */
  readonly mode?: CheckpointingMode;

  /**
   * How long a checkpoint may take before it is discarded
   * (`execution.checkpointing.timeout`).
   *
   * @default - Flink's default, 10 minutes
   */
  readonly timeout?: Duration;

  /**
   * The least time between the end of one checkpoint and the start of the
   * next (`execution.checkpointing.min-pause`).
   *
   * @default - Flink's default, no pause
   */
  readonly minPause?: Duration;

  /**
   * How many checkpoints may be in progress at once
   * (`execution.checkpointing.max-concurrent-checkpoints`).
   *
   * @default - Flink's default, 1
   */
  readonly maxConcurrent?: number;

  /**
   * How many completed checkpoints are kept (`state.checkpoints.num-retained`
   * for Flink 1.19, `execution.checkpointing.num-retained` from 1.20 on).
   *
   * @default - Flink's default, 1
   */
  readonly retained?: number;

  /**
   * Whether checkpoints are unaligned, so barriers overtake in-flight data
   * under backpressure (`execution.checkpointing.unaligned.enabled`).
   *
   * @default - Flink's default, aligned checkpoints
   */
  readonly unaligned?: boolean;

  /**
   * Where checkpoints are written, a file system URI such as
   * `s3://bucket/checkpoints` (`state.checkpoints.dir` for Flink 1.19,
   * `execution.checkpointing.dir` from 1.20 on).
   *
   * @default - no checkpoint directory (checkpoints stay in the JobManager's memory)
   */
  readonly dir?: string;
}

/**
 * Savepoints of a job, rendered into `flinkConfiguration` with the keys of
 * the deployment's Flink version.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/ops/state/savepoints/
 */
export interface SavepointsOptions {
  /**
   * The default directory of savepoints, a file system URI such as
   * `s3://bucket/savepoints` (`state.savepoints.dir` for Flink 1.19,
   * `execution.checkpointing.savepoint-dir` from 1.20 on). The operator
   * needs it for savepoint upgrades and periodic savepoints.
   *
   * @default - no default savepoint directory
   */
  readonly dir?: string;
}

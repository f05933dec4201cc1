/**
 * How the operator upgrades a running job when its spec changes.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/job-management/#stateful-and-stateless-application-upgrades
 */
export enum UpgradeMode {
  /** Take a savepoint, stop the job, start the new spec from the savepoint. */
  SAVEPOINT = 'savepoint',
  /** Restart from the latest checkpoint, also when the job is unhealthy; needs HA. */
  LAST_STATE = 'last-state',
  /** Start the new spec with empty state. */
  STATELESS = 'stateless',
}

/**
 * The state the job should be in.
 */
export enum JobState {
  /** The job runs. */
  RUNNING = 'running',
  /** The job is stopped according to its upgrade mode. */
  SUSPENDED = 'suspended',
}

/**
 * The job a FlinkDeployment (application mode) or a FlinkSessionJob runs.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/reference/#jobspec
 */
export interface FlinkJobOptions {
  /**
   * URI of the job jar: `local:///opt/flink/usrlib/job.jar` for a jar in the
   * image, or a remote URI (`https://`, `s3://`, ...) for session jobs.
   *
   * @default - none; session jobs and application deployments need a jar
   *   unless the image's classpath holds the job (the validator says so)
   */
  readonly jarUri?: string;

  /**
   * Fully qualified name of the job's main class.
   *
   * @default - the `Main-Class` of the jar's manifest
   */
  readonly entryClass?: string;

  /**
   * Arguments passed to the job's main method, in order.
   *
   * @default - no arguments
   */
  readonly args?: string[];

  /**
   * Parallelism of the job. The operator rejects a job without one
   * ("Job parallelism must be larger than 0") unless `taskManager.replicas`
   * is set, in which case Flink derives it from the slots.
   *
   * @default - none; required unless the TaskManager replicas are set
   */
  readonly parallelism?: number;

  /**
   * How the operator upgrades the job when its spec changes.
   *
   * @default - the operator's default, `UpgradeMode.STATELESS`
   */
  readonly upgradeMode?: UpgradeMode;

  /**
   * The state the job should be in.
   *
   * @default - the operator's default, `JobState.RUNNING`
   */
  readonly state?: JobState;

  /**
   * Savepoint to start the job from on its first deployment.
   *
   * @default - the job starts with empty state
   */
  readonly initialSavepointPath?: string;

  /**
   * Allow restoring from a savepoint that has state for operators the job
   * no longer has.
   *
   * @default - the operator's default (false)
   */
  readonly allowNonRestoredState?: boolean;

  /**
   * Changing this number triggers a manual savepoint.
   * Never derive it from a clock: it is part of the committed YAML.
   *
   * @default - no manual savepoint
   */
  readonly savepointTriggerNonce?: number;

  /**
   * Changing this number triggers a manual checkpoint.
   *
   * @default - no manual checkpoint
   */
  readonly checkpointTriggerNonce?: number;

  /**
   * Changing this number redeploys the job from `initialSavepointPath`.
   *
   * @default - no redeploy
   */
  readonly savepointRedeployNonce?: number;

  /**
   * Changing this number resets the autoscaler's parallelism overrides.
   *
   * @default - no reset
   */
  readonly autoscalerResetNonce?: number;
}

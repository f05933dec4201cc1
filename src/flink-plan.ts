/**
 * What `cdk8s-flink plan` and `FlinkTesting.plan` report for one object of
 * a change: how it changes and, for Flink resources, what the Flink
 * Kubernetes Operator will do about it.
 */

/** How an object changes between the base and the new manifests. */
export enum PlanChange {
  /** Only in the new manifests. */
  CREATE = 'create',
  /** Only in the base manifests. */
  DELETE = 'delete',
  /** In both, with a difference. */
  UPDATE = 'update',
  /** In both, identical. */
  NONE = 'none',
}

/**
 * The operator's classification of a spec change (`DiffType`), from the
 * `@SpecDiff` annotations of its spec classes.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-stable/docs/custom-resource/job-management/
 */
export enum SpecDiffType {
  /** Nothing the operator redeploys for (nonces, upgradeMode, operator and autoscaler settings). */
  IGNORE = 'IGNORE',
  /** A rescale, in place where the cluster allows it, otherwise an upgrade. */
  SCALE = 'SCALE',
  /** The job or cluster is redeployed with the new spec, its state carried over per upgradeMode. */
  UPGRADE = 'UPGRADE',
  /** The job is redeployed from `job.initialSavepointPath` (a new `savepointRedeployNonce`). */
  SAVEPOINT_REDEPLOY = 'SAVEPOINT_REDEPLOY',
}

/** One object of a plan. */
export interface PlanEntry {
  /** The object's kind (`FlinkDeployment`, `ConfigMap`, ...). */
  readonly kind: string;
  /** `metadata.name`. */
  readonly name: string;
  /**
   * `metadata.namespace`.
   *
   * @default - none given
   */
  readonly namespace?: string;
  /** Created, deleted, changed or unchanged. */
  readonly change: PlanChange;
  /**
   * The operator's diff type of a changed Flink resource (for the standalone
   * backend's workloads, the equivalent).
   *
   * @default - not a spec change the operator classifies
   */
  readonly diffType?: SpecDiffType;
  /** The fields that decide the diff type, named as the operator names them (`job.parallelism`). */
  readonly fields: string[];
  /** What happens, in words (empty for objects other than Flink resources). */
  readonly consequence: string;
  /** What the change risks or what the operator will reject. */
  readonly warnings: string[];
}

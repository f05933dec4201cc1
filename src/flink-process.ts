import { Size } from 'cdk8s';
import { Cpu, k8s } from 'cdk8s-plus-27';

/**
 * Amounts of compute resources of a Flink pod, for `resources.requests` or
 * `resources.limits`.
 */
export interface FlinkResourceQuantities {
  /**
   * CPU cores (`Cpu.units(0.5)`, `Cpu.millis(500)`), rendered as the
   * Kubernetes quantity (`"0.5"`, `"500m"`).
   *
   * @default - not set
   */
  readonly cpu?: Cpu;

  /**
   * Memory, rendered the way the operator reads it, in Flink units
   * (`Size.mebibytes(2048)` becomes `2048m`, as in the upstream examples).
   *
   * @default - not set
   */
  readonly memory?: Size;

  /**
   * Ephemeral storage, rendered as a Kubernetes quantity (`2Gi`) under
   * `ephemeral-storage`; the operator puts it on the main container.
   *
   * @default - not set
   */
  readonly ephemeralStorage?: Size;

  /**
   * Other resources by their Kubernetes name and quantity, e.g.
   * `{ 'nvidia.com/gpu': '1' }`; the operator puts them on the main container.
   *
   * @default - none
   */
  readonly other?: { [resource: string]: string };
}

/**
 * Kubernetes resource requirements of a Flink process (operator 1.16 and
 * newer). The operator turns cpu and memory into the Flink configuration
 * (a limit above the request becomes the limit factor) and puts the other
 * resources on the main container. A request without a limit is the
 * usual form; Kubernetes defaults a missing request to its limit.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.16/docs/custom-resource/reference/#jobmanagerspec
 */
export interface FlinkProcessResources {
  /**
   * What each pod requests.
   *
   * @default - nothing requested
   */
  readonly requests?: FlinkResourceQuantities;

  /**
   * The most each pod may use.
   *
   * @default - no limits
   */
  readonly limits?: FlinkResourceQuantities;
}

/**
 * Resources and pod template of a Flink process (JobManager or TaskManager).
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/reference/#jobmanagerspec
 */
export interface FlinkProcessOptions {
  /**
   * Resource requests and limits of each pod, typed Kubernetes style
   * (`spec.<process>.resources`). Needs operator 1.16 or newer; use it
   * instead of `cpu`, `memory` and `ephemeralStorage`, which the operator
   * ignores when `resources` is set.
   *
   * @default - the resources come from `cpu`, `memory` and `ephemeralStorage`
   */
  readonly resources?: FlinkProcessResources;

  /**
   * CPU cores of each pod (fractions allowed). With operator 1.16, prefer `resources`.
   *
   * @default - from the Flink configuration (`kubernetes.jobmanager.cpu` / `kubernetes.taskmanager.cpu`)
   */
  readonly cpu?: number;

  /**
   * Total process memory of each pod, rendered the way Flink reads it
   * (`Size.mebibytes(2048)` becomes `2048m`).
   *
   * @default - from the Flink configuration (`jobmanager.memory.process.size` / `taskmanager.memory.process.size`)
   */
  readonly memory?: Size;

  /**
   * Ephemeral storage of each pod, rendered as a Kubernetes quantity (`2Gi`).
   *
   * @default - no ephemeral storage request
   */
  readonly ephemeralStorage?: Size;

  /**
   * Number of pods.
   *
   * @default - JobManager: 1; TaskManager: derived by Flink from the parallelism and task slots
   */
  readonly replicas?: number;

  /**
   * Pod template for this process only, merged by the operator over the
   * deployment's `podTemplate`. The main container is named `flink-main-container`.
   *
   * @default - only the deployment's pod template applies
   */
  readonly podTemplate?: k8s.PodTemplateSpec;
}

/**
 * Options of the JobManager.
 */
export interface JobManagerOptions extends FlinkProcessOptions {}

/**
 * Options of the TaskManagers.
 */
export interface TaskManagerOptions extends FlinkProcessOptions {}

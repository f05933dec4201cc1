import { Size } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';

/**
 * Resources and pod template of a Flink process (JobManager or TaskManager).
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/reference/#jobmanagerspec
 */
export interface FlinkProcessOptions {
  /**
   * CPU cores of each pod (fractions allowed).
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

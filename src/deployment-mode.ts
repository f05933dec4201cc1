/**
 * How the operator deploys the Flink cluster.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/overview/#flink-deployment-modes
 */
export enum DeploymentMode {
  /** Flink's native Kubernetes integration: the JobManager creates TaskManager pods itself. */
  NATIVE = 'native',
  /** Standalone Kubernetes: the operator creates fixed TaskManager deployments. */
  STANDALONE = 'standalone',
}

/**
 * What a `FlinkDeployment` (and the session jobs on it) renders to. The
 * validators and mutators see the same manifest, a
 * `flink.apache.org/v1beta1` custom resource, whatever the backend; only the
 * rendered objects differ.
 */
export enum FlinkBackend {
  /**
   * The Flink Kubernetes Operator's custom resources (`FlinkDeployment`,
   * `FlinkSessionJob`), which the operator turns into a running cluster.
   */
  APACHE_OPERATOR = 'apache-operator',
  /**
   * Plain Kubernetes objects, no operator needed (Flink's "standalone
   * Kubernetes" deployment): a ConfigMap with the Flink configuration,
   * JobManager and TaskManager Deployments, Services, RBAC for Kubernetes HA,
   * and a submitter Job per session job.
   *
   * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/resource-providers/standalone/kubernetes/
   */
  KUBERNETES = 'kubernetes',
  /**
   * The `flinkoperator.k8s.io/v1beta1` `FlinkCluster` of the
   * spotify/flink-on-k8s-operator.
   *
   * @see https://github.com/spotify/flink-on-k8s-operator
   */
  SPOTIFY_OPERATOR = 'spotify-operator',
}

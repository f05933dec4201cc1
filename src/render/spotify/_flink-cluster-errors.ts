/**
 * Everything the Kubernetes API server and the spotify operator's webhooks
 * would reject a new `FlinkCluster` for: the CRD schema's errors, then the
 * validating webhook's create rules on the defaulted object. Loads no
 * construct code (the `cdk8s-flink validate` CLI uses it).
 */
import { flinkClusterSchemaErrors } from './_schema';
import { defaultFlinkCluster } from './_webhook-default';
import { flinkClusterCreateErrors } from './_webhook-validate';

/**
 * The errors of a FlinkCluster document (an empty list when it would be
 * admitted). Never throws.
 *
 * @param cluster the FlinkCluster as written
 */
export function flinkClusterErrors(cluster: any): string[] {
  return [...flinkClusterSchemaErrors(cluster), ...flinkClusterCreateErrors(defaultFlinkCluster(cluster))];
}

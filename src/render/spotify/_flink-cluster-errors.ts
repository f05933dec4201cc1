/**
 * Everything the Kubernetes API server and the spotify operator's webhooks
 * would reject a new `FlinkCluster` for: the CRD schema's errors, then the
 * validating webhook's create rules, both on the defaulted object (the API
 * server validates the schema after the mutating webhook, whose Go encoding
 * fills missing required fields, see `fillGoZeroValues`). Loads no
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
  // The API server checks the schema after the mutating webhook: on the defaulted object.
  const defaulted = defaultFlinkCluster(cluster);
  return [...flinkClusterSchemaErrors(defaulted), ...flinkClusterCreateErrors(defaulted)];
}

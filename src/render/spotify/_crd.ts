/**
 * The vendored `FlinkCluster` CustomResourceDefinition of the
 * spotify/flink-on-k8s-operator, read on first use: apps and CLI runs that
 * never meet a FlinkCluster do not pay for reading it.
 */
import { vendoredCrds } from '../../manifest/_vendored-crds';

/** The folder of `imports/` with the CRD. */
const CRD_FOLDER = 'spotify-flink-on-k8s-operator';

/** The API group, version and kind of the spotify operator's custom resource. */
export const FLINK_CLUSTER_GVK = { apiVersion: 'flinkoperator.k8s.io/v1beta1', kind: 'FlinkCluster' } as const;

let schema: any;

/**
 * The `openAPIV3Schema` of the CRD's `v1beta1` version, parsed once per
 * process. Shared: callers must not change it.
 */
export function flinkClusterSchema(): any {
  if (schema === undefined) {
    const crd = vendoredCrds(CRD_FOLDER)[0];
    schema = crd.spec.versions.find((v: any) => v.name === 'v1beta1').schema.openAPIV3Schema;
  }
  return schema;
}

/** Whether a document is a spotify operator `FlinkCluster` (`flinkoperator.k8s.io/v1beta1`). */
export function isFlinkCluster(document: unknown): boolean {
  const value = document as any;
  return typeof value === 'object' && value !== null
    && value.apiVersion === FLINK_CLUSTER_GVK.apiVersion && value.kind === FLINK_CLUSTER_GVK.kind;
}

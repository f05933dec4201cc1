/**
 * A `flink.apache.org/v1beta1` manifest of any kind, as plain JSON: the
 * skeleton every hand-written test resource shares.
 */
export function flinkManifest(kind: string, metadata: { name: string; namespace: string; labels?: Record<string, string> }, spec: any): any {
  return { apiVersion: 'flink.apache.org/v1beta1', kind, metadata, spec };
}

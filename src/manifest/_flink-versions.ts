/**
 * The operator's Java `FlinkVersion` enum (the same in 1.15.0 and 1.16):
 * every value the operator can read, in release order, and the support
 * rule: versions older than `v1_15` are rejected, while the deprecated
 * `v1_15`–`v1_18` are still accepted. What a resource may name is the
 * target's CRD enum (checked in the pipeline), which 1.15.0 shipped
 * without `v2_3` and `v2_4`.
 */
export const FLINK_VERSIONS = [
  'v1_13', 'v1_14', 'v1_15', 'v1_16', 'v1_17', 'v1_18', 'v1_19', 'v1_20',
  'v2_0', 'v2_1', 'v2_2', 'v2_3', 'v2_4',
] as const;

/** The oldest version the operator still accepts. */
const OLDEST_SUPPORTED = 'v1_15';

/** Whether `name` is one of the operator's `FlinkVersion` values. */
export function isKnownFlinkVersion(name: unknown): name is string {
  return typeof name === 'string' && (FLINK_VERSIONS as readonly string[]).includes(name);
}

/** `FlinkVersion.isEqualOrNewer`: compares two known versions by release order. */
export function isEqualOrNewer(version: string, other: string): boolean {
  return FLINK_VERSIONS.indexOf(version as any) >= FLINK_VERSIONS.indexOf(other as any);
}

/** `FlinkVersion.isSupported`: known and not older than `v1_15`. */
export function isSupportedFlinkVersion(name: unknown): boolean {
  return isKnownFlinkVersion(name) && isEqualOrNewer(name, OLDEST_SUPPORTED);
}

/** `FlinkVersion.fromMajorMinor`: the version named `v<major>_<minor>`, if it exists. */
export function flinkVersionFromMajorMinor(major: number, minor: number): string | undefined {
  const name = `v${major}_${minor}`;
  return isKnownFlinkVersion(name) ? name : undefined;
}

import { Size, SizeRoundingBehavior } from 'cdk8s';

/**
 * Renders a memory size the way Flink reads it: whole mebibytes as `2048m`,
 * otherwise kibibytes as `1536k` (Flink's units are binary).
 */
export function flinkMemory(size: Size): string {
  const kib = size.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
  if (!Number.isInteger(kib) || kib <= 0) {
    throw new Error(`memory must be a positive whole number of kibibytes, got ${kib} KiB`);
  }
  return kib % 1024 === 0 ? `${kib / 1024}m` : `${kib}k`;
}

/**
 * Renders a size as a Kubernetes quantity: `2Gi` when whole gibibytes,
 * otherwise `Mi` or `Ki`.
 */
export function kubernetesQuantity(size: Size): string {
  const kib = size.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
  if (!Number.isInteger(kib) || kib <= 0) {
    throw new Error(`size must be a positive whole number of kibibytes, got ${kib} KiB`);
  }
  if (kib % (1024 * 1024) === 0) {
    return `${kib / (1024 * 1024)}Gi`;
  }
  return kib % 1024 === 0 ? `${kib / 1024}Mi` : `${kib}Ki`;
}

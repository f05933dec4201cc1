/**
 * Container resources of a Flink process from the operator's
 * `resource` (`cpu`, `memory` in Flink's notation, `ephemeralStorage`):
 * requests equal limits, as the operator renders them.
 */
import { parseMemorySize } from '../../hooks/_checks-memory-size';

const MEBIBYTE = BigInt(1024 * 1024);

const QUANTITY_UNITS: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/**
 * The bytes of a memory size as the operator reads `resource.memory`: a
 * Flink memory size (`2048m`, `2g`, `1073741824`; binary units) or a
 * Kubernetes quantity (`2Gi`, `1.5G`).
 */
export function memoryBytes(memory: string): bigint {
  const quantity = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)$/.exec(memory.trim());
  return quantity ? BigInt(Math.floor(Number(quantity[1]) * QUANTITY_UNITS[quantity[2]])) : parseMemorySize(memory);
}

/** A memory size as a Kubernetes quantity: whole mebibytes as `Mi`, else bytes. */
export function memoryQuantity(memory: string): string {
  const bytes = memoryBytes(memory);
  return bytes % MEBIBYTE === BigInt(0) ? `${bytes / MEBIBYTE}Mi` : `${bytes}`;
}

/** A memory size in Flink's notation: whole mebibytes as `m`, else bytes. */
export function flinkMemorySize(memory: string): string {
  const bytes = memoryBytes(memory);
  return bytes % MEBIBYTE === BigInt(0) ? `${bytes / MEBIBYTE}m` : `${bytes}b`;
}

/**
 * `resources` of the container, or `undefined` when the resource sets nothing.
 */
export function containerResources(resource: any): Record<string, any> | undefined {
  const quantities: Record<string, string | number> = {};
  if (resource?.cpu !== undefined) {
    quantities.cpu = resource.cpu;
  }
  if (typeof resource?.memory === 'string') {
    quantities.memory = memoryQuantity(resource.memory);
  }
  if (typeof resource?.ephemeralStorage === 'string') {
    quantities['ephemeral-storage'] = resource.ephemeralStorage;
  }
  return Object.keys(quantities).length > 0 ? { requests: { ...quantities }, limits: { ...quantities } } : undefined;
}

/**
 * Memory sizes as the Flink Kubernetes Operator reads `resource.memory`: a
 * Flink size first (`2048m`, `2g`, `1073741824`; binary units), else a
 * Kubernetes quantity (`2Gi`, `1.5G`). Every backend converts it the same way.
 */
import { parseMemorySize } from '../jvm/_memory-size';

const KIBIBYTE = BigInt(1024);
const MEBIBYTE = BigInt(1024 * 1024);

/** A Kubernetes quantity, as the API server accepts it. */
const KUBERNETES_QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?(\d+(\.\d*)?|\.\d+))?$/;

/** Multipliers of the Kubernetes suffixes a Flink size cannot have. */
const QUANTITY_UNITS: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/**
 * The bytes of a memory size, or `undefined` when it is neither a Flink size
 * nor a whole-number Kubernetes quantity (the validator reports it).
 */
export function memoryBytes(memory: string): bigint | undefined {
  try {
    return parseMemorySize(memory);
  } catch {
    const quantity = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/.exec(memory.trim());
    const bytes = quantity ? Number(quantity[1]) * (quantity[2] ? QUANTITY_UNITS[quantity[2]] : 1) : NaN;
    return Number.isSafeInteger(Math.floor(bytes)) ? BigInt(Math.floor(bytes)) : undefined;
  }
}

/**
 * A memory size as a Kubernetes quantity (`2048Mi`, `512Ki`, bytes); a
 * quantity that is no Flink size passes through; `undefined` when it is neither.
 */
export function memoryQuantity(memory: string): string | undefined {
  let bytes: bigint;
  try {
    bytes = parseMemorySize(memory);
  } catch {
    const quantity = memory.trim();
    return KUBERNETES_QUANTITY.test(quantity) ? quantity : undefined;
  }
  if (bytes % MEBIBYTE === BigInt(0)) {
    return `${bytes / MEBIBYTE}Mi`;
  }
  return bytes % KIBIBYTE === BigInt(0) ? `${bytes / KIBIBYTE}Ki` : `${bytes}`;
}

/** A memory size in Flink's notation (`2048m`, else bytes `b`); `undefined` when it is not one. */
export function flinkMemorySize(memory: string): string | undefined {
  const bytes = memoryBytes(memory);
  if (bytes === undefined) {
    return undefined;
  }
  return bytes % MEBIBYTE === BigInt(0) ? `${bytes / MEBIBYTE}m` : `${bytes}b`;
}

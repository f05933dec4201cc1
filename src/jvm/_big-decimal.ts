import { isJavaDigit, javaDigit } from './_java-numbers';

/**
 * The part of `java.math.BigDecimal` the Kubernetes quantity parser and
 * Flink's `MemorySize.multiply` use: `new BigDecimal(String)` with its
 * exception messages, exact multiplication, `pow(n, MathContext.DECIMAL64)`
 * and `toString()`.
 *
 * No npm decimal library keeps a Java scale (`1.0` and `1.00` are different
 * BigDecimals with different `toString()`s) or throws Java's messages, so
 * this is written here and checked against the JDK by the conformance run
 * (`conformance/apache-operator/behaviours.ts`).
 */

/** A decimal `unscaled × 10^-scale`, as `BigDecimal` holds it. */
export interface JavaDecimal {
  readonly unscaled: bigint;
  readonly scale: number;
}

/** A `NumberFormatException`; `javaMessage` is what `getMessage()` returns (possibly `"null"`). */
export class JavaNumberFormatError extends Error {
  constructor(readonly javaMessage: string) {
    super(javaMessage);
  }
}

/** An `ArithmeticException`. */
export class JavaArithmeticError extends Error {}

const DECIMAL64_PRECISION = 16;

function fail(message: string | null): never {
  throw new JavaNumberFormatError(message ?? 'null');
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
/** A `long` holds every 18-digit decimal: the JDK's fast path for short texts. */
const MAX_COMPACT_LENGTH = 18;
/** More exponent digits than this (after leading zeros) cannot be an `int`. */
const MAX_EXPONENT_DIGITS = 10;

/**
 * `text[index]`, or the JDK's `NumberFormatException` without a message when
 * the index is past the end (its parser reads the char array unchecked and
 * turns the `ArrayIndexOutOfBoundsException` into one).
 */
function charAt(text: string, index: number): string {
  if (index >= text.length) {
    fail(null);
  }
  return text[index];
}

/**
 * The exponent after the `e` at `offset`, as `BigDecimal.parseExp` reads it:
 * an optional sign, then at most ten digits after leading zeros. `length`
 * counts the chars from the `e` to the end.
 */
function parseExponent(text: string, offset: number, length: number): number {
  let c = charAt(text, ++offset);
  length--;
  const negative = c === '-';
  if (negative || c === '+') {
    c = charAt(text, ++offset);
    length--;
  }
  while (length > MAX_EXPONENT_DIGITS && javaDigit(c, 10) === 0) {
    c = text[++offset];
    length--;
  }
  if (length > MAX_EXPONENT_DIGITS) {
    fail('Too many nonzero exponent digits.');
  }
  let exponent = 0;
  for (; ; length--) {
    const digit = javaDigit(c, 10);
    if (digit < 0) {
      fail('Not a digit.');
    }
    exponent = exponent * 10 + digit;
    if (length === 1) {
      break;
    }
    c = text[++offset];
  }
  exponent = negative ? -exponent : exponent;
  if (exponent < INT_MIN || exponent > INT_MAX) {
    fail('Exponent overflow.');
  }
  return exponent;
}

/**
 * `new BigDecimal(text)`: an optional sign, digits (any Unicode decimal
 * digits) with at most one `.`, and an optional exponent (`e` or `E`, an
 * optional sign, digits). Throws {@link JavaNumberFormatError} with the
 * JDK's message; which message depends, as in the JDK, on whether the text
 * after the sign is short (at most 18 chars) or long.
 */
export function parseJavaBigDecimal(text: string): JavaDecimal {
  let offset = 0;
  let length = text.length;
  const first = charAt(text, 0);
  if (first === '-' || first === '+') {
    offset++;
    length--;
  }
  const compact = length <= MAX_COMPACT_LENGTH;
  let digits = '';
  let scale = 0;
  let dot = false;
  let exponent = 0;
  for (; length > 0; offset++, length--) {
    const c = text[offset];
    if (isJavaDigit(c)) {
      digits += String(javaDigit(c, 10));
      scale += dot ? 1 : 0;
    } else if (c === '.') {
      if (dot) {
        fail('Character array contains more than one decimal point.');
      }
      dot = true;
    } else if (c === 'e' || c === 'E') {
      exponent = parseExponent(text, offset, length);
      break;
    } else if (compact) {
      fail(`Character ${c} is neither a decimal digit number, decimal point, nor "e" notation exponential mark.`);
    } else {
      fail('Character array is missing "e" notation exponential mark.');
    }
  }
  if (digits.length === 0) {
    fail('No digits found.');
  }
  scale -= exponent;
  if (scale < INT_MIN || scale > INT_MAX) {
    fail('Scale out of range.');
  }
  const unscaled = BigInt(digits);
  return { unscaled: first === '-' ? -unscaled : unscaled, scale };
}

/** `a.multiply(b)`: exact. */
export function multiplyDecimal(a: JavaDecimal, b: JavaDecimal): JavaDecimal {
  return { unscaled: a.unscaled * b.unscaled, scale: a.scale + b.scale };
}

function digitCount(value: bigint): number {
  return (value < 0n ? -value : value).toString().length;
}

/** Rounds to `precision` digits, half-even, as `BigDecimal.round(MathContext)` does. */
function round(value: JavaDecimal, precision: number): JavaDecimal {
  let { unscaled, scale } = value;
  while (digitCount(unscaled) > precision) {
    const drop = digitCount(unscaled) - precision;
    const divisor = 10n ** BigInt(drop);
    let quotient = unscaled / divisor;
    const twiceRemainder = 2n * (unscaled % divisor < 0n ? -(unscaled % divisor) : unscaled % divisor);
    if (twiceRemainder > divisor || (twiceRemainder === divisor && quotient % 2n !== 0n)) {
      quotient += unscaled < 0n ? -1n : 1n;
    }
    unscaled = quotient;
    scale -= drop;
  }
  return { unscaled, scale };
}

/**
 * `base.pow(n, MathContext.DECIMAL64)` for a base of 2 or 10, following the
 * JDK's square-and-multiply with a widened working precision. Negative
 * powers are only supported for base 10 (exactly `1E-n`).
 */
export function powDecimal64(base: 2n | 10n, n: number): JavaDecimal {
  if (n < -999999999 || n > 999999999) {
    throw new JavaArithmeticError('Invalid operation');
  }
  if (n === 0) {
    return { unscaled: 1n, scale: 0 };
  }
  const magnitude = Math.abs(n);
  if (n < 0) {
    if (base !== 10n) {
      throw new JavaArithmeticError('Unsupported negative power');
    }
    return { unscaled: 1n, scale: magnitude };
  }
  const work = DECIMAL64_PRECISION + String(magnitude).length + 1;
  const lhs: JavaDecimal = { unscaled: base, scale: 0 };
  let acc: JavaDecimal = { unscaled: 1n, scale: 0 };
  let seenBit = false;
  const bits = magnitude.toString(2).padStart(31, '0');
  for (let i = 0; i < bits.length; i++) {
    if (bits[i] === '1') {
      seenBit = true;
      acc = round(multiplyDecimal(acc, lhs), work);
    }
    if (seenBit && i < bits.length - 1) {
      acc = round(multiplyDecimal(acc, acc), work);
    }
  }
  return round(acc, DECIMAL64_PRECISION);
}

/** `BigDecimal.toString()`: plain notation, or scientific when the scale is negative or the value tiny. */
export function decimalToString(value: JavaDecimal): string {
  const { unscaled, scale } = value;
  if (scale === 0) {
    return unscaled.toString();
  }
  const sign = unscaled < 0n ? '-' : '';
  const coefficient = (unscaled < 0n ? -unscaled : unscaled).toString();
  const adjusted = -scale + (coefficient.length - 1);
  if (scale >= 0 && adjusted >= -6) {
    const pad = scale - coefficient.length;
    if (pad >= 0) {
      return `${sign}0.${'0'.repeat(pad)}${coefficient}`;
    }
    const point = coefficient.length - scale;
    return `${sign}${coefficient.substring(0, point)}.${coefficient.substring(point)}`;
  }
  let text = coefficient[0];
  if (coefficient.length > 1) {
    text += `.${coefficient.substring(1)}`;
  }
  if (adjusted !== 0) {
    text += `E${adjusted > 0 ? '+' : ''}${adjusted}`;
  }
  return `${sign}${text}`;
}

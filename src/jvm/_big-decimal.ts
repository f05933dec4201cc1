import { isJavaDigit, javaDigit } from './_java-numbers';

/**
 * The part of `java.math.BigDecimal` the Kubernetes quantity parser uses:
 * `new BigDecimal(String)` with its exception messages, exact
 * multiplication, `pow(n, MathContext.DECIMAL64)` and `toString()`.
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

/**
 * `new BigDecimal(text)` for text without an exponent (a quantity's number
 * never has one: the parser splits it off at the `e`); throws
 * {@link JavaNumberFormatError} with the JDK's message.
 */
export function parseJavaBigDecimal(text: string): JavaDecimal {
  if (text.length === 0) {
    fail(null);
  }
  let offset = 0;
  let negative = false;
  if (text[0] === '-' || text[0] === '+') {
    negative = text[0] === '-';
    offset++;
  }
  const compact = text.length - offset <= 18;
  let digits = '';
  let scale = 0;
  let dot = false;
  for (; offset < text.length; offset++) {
    const c = text[offset];
    if (isJavaDigit(c)) {
      digits += String(javaDigit(c, 10));
      scale += dot ? 1 : 0;
    } else if (c === '.') {
      if (dot) {
        fail('Character array contains more than one decimal point.');
      }
      dot = true;
    } else if (compact) {
      fail(`Character ${c} is neither a decimal digit number, decimal point, nor "e" notation exponential mark.`);
    } else {
      fail('Character array is missing "e" notation exponential mark.');
    }
  }
  if (digits.length === 0) {
    fail('No digits found.');
  }
  const unscaled = BigInt(digits);
  return { unscaled: negative ? -unscaled : unscaled, scale };
}

/**
 * `new BigDecimal(Double.toString(value))` (what `BigDecimal.valueOf(double)`
 * does) for a finite double: `Double.toString` writes small and large
 * values as `1.0E-4`, whose exponent moves the scale.
 */
export function javaDecimalOfDoubleText(text: string): JavaDecimal {
  const [mantissa, exponent] = text.split('E');
  const decimal = parseJavaBigDecimal(mantissa);
  return exponent === undefined ? decimal : { unscaled: decimal.unscaled, scale: decimal.scale - Number(exponent) };
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

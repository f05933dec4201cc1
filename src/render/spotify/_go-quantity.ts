/**
 * Kubernetes resource quantities as the spotify operator's Go code reads
 * them (`k8s.io/apimachinery` `resource.Quantity`): `IsZero()` and
 * `Value()`, the amount rounded up to a whole number of units.
 */

/** A quantity string, as the CRD schema's `pattern` and `ParseQuantity` accept it. */
const QUANTITY = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** An exact quantity: `numerator / denominator`, denominator positive. */
interface Rational {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** Parses a quantity (a JSON number or string); `undefined` when it is not one. */
function parseQuantity(value: unknown): Rational | undefined {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string') {
    return undefined;
  }
  const match = QUANTITY.exec(text);
  if (match === null || (match[2] ?? '') + (match[3] ?? '') === '') {
    return undefined;
  }
  const [, sign, whole, fraction = '', suffix = ''] = match;
  let numerator = BigInt(`${whole}${fraction}` || '0') * (sign === '-' ? -1n : 1n);
  let denominator = 10n ** BigInt(fraction.length);
  let exponent10 = 0;
  if (Object.prototype.hasOwnProperty.call(BINARY, suffix)) {
    numerator *= 2n ** BigInt(BINARY[suffix]);
  } else if (Object.prototype.hasOwnProperty.call(DECIMAL, suffix)) {
    exponent10 = DECIMAL[suffix];
  } else if (suffix !== '') {
    exponent10 = Number(suffix.substring(1));
    if (!Number.isSafeInteger(exponent10) || Math.abs(exponent10) > 1000) {
      return undefined;
    }
  }
  if (exponent10 >= 0) {
    numerator *= 10n ** BigInt(exponent10);
  } else {
    denominator *= 10n ** BigInt(-exponent10);
  }
  return { numerator, denominator };
}

/** `q.IsZero()` of a quantity; `undefined` when the value is not a quantity. An absent quantity is zero. */
export function quantityIsZero(value: unknown): boolean | undefined {
  if (value === undefined || value === null) {
    return true;
  }
  const quantity = parseQuantity(value);
  return quantity === undefined ? undefined : quantity.numerator === 0n;
}

/** `q.Value()`: the quantity rounded up to a whole number; 0 when absent, `undefined` when not a quantity. */
export function quantityValue(value: unknown): bigint | undefined {
  if (value === undefined || value === null) {
    return 0n;
  }
  const quantity = parseQuantity(value);
  if (quantity === undefined) {
    return undefined;
  }
  const { numerator, denominator } = quantity;
  const quotient = numerator / denominator;
  return numerator % denominator > 0n ? quotient + 1n : quotient;
}

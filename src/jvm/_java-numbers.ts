import { javaTrim } from './_java-text';

/**
 * Java number parsing and formatting: `Integer.parseInt`, `Long.parseLong`,
 * `Double.parseDouble`, `Float.parseFloat` and `Double.toString`, with the
 * messages of their `NumberFormatException`s.
 */

/** The outcome of a Java parse: the value, or the exception message. */
export type JavaParse<T> = { readonly value: T } | { readonly error: string };

const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

/** `Character.isDigit(char)` for one UTF-16 code unit. */
export function isJavaDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && DECIMAL_DIGIT.test(ch);
}

/** `Character.digit(char, radix)` for radix 10 or 16; -1 when not a digit. */
export function javaDigit(ch: string | undefined, radix: 10 | 16): number {
  if (ch === undefined || ch.length !== 1) {
    return -1;
  }
  const ascii = ch.charCodeAt(0) - 0x30;
  if (ascii >= 0 && ascii <= 9) {
    return ascii;
  }
  if (isJavaDigit(ch)) {
    let value = 0;
    while (value < 9 && DECIMAL_DIGIT.test(String.fromCharCode(ch.charCodeAt(0) - value - 1))) {
      value++;
    }
    return value;
  }
  if (radix === 16) {
    const code = ch.charCodeAt(0);
    for (const base of [0x41, 0x61, 0xff21, 0xff41]) {
      if (code >= base && code < base + 6) {
        return code - base + 10;
      }
    }
  }
  return -1;
}

function forInputString(text: string): string {
  return `For input string: "${text}"`;
}

/** Accumulates Java digits of `text[begin, end)`; the index of the first bad char, or the value. */
function accumulate(text: string, begin: number, end: number, max: bigint): { value: bigint } | { badIndex: number } {
  let i = begin;
  let negative = false;
  if (i < end && text.charCodeAt(i) < 0x30) {
    if (text[i] === '-') {
      negative = true;
    } else if (text[i] !== '+') {
      return { badIndex: i };
    }
    i++;
    if (i === end) {
      return { badIndex: i };
    }
  }
  let value = 0n;
  const limit = negative ? max + 1n : max;
  for (; i < end; i++) {
    const digit = javaDigit(text[i], 10);
    if (digit < 0) {
      return { badIndex: i };
    }
    value = value * 10n + BigInt(digit);
    if (value > limit) {
      return { badIndex: i };
    }
  }
  return { value: negative ? -value : value };
}

/** `Integer.parseInt(String)`. */
export function parseJavaInt(text: string): JavaParse<number> {
  if (text.length === 0) {
    return { error: forInputString(text) };
  }
  const result = accumulate(text, 0, text.length, BigInt(INT_MAX));
  return 'value' in result ? { value: Number(result.value) } : { error: forInputString(text) };
}

/** `Long.parseLong(String)`. */
export function parseJavaLong(text: string): JavaParse<bigint> {
  if (text.length === 0) {
    return { error: forInputString(text) };
  }
  const result = accumulate(text, 0, text.length, LONG_MAX);
  return 'value' in result ? { value: result.value } : { error: forInputString(text) };
}

/** `Integer.parseInt(CharSequence, begin, end, 10)`, as used by the URL and URI parsers. */
export function parseJavaIntRange(text: string, begin: number, end: number): JavaParse<number> {
  if (begin === end) {
    return { error: forInputString('') };
  }
  const result = accumulate(text, begin, end, BigInt(INT_MAX));
  if ('value' in result) {
    return { value: Number(result.value) };
  }
  return { error: `Error at index ${result.badIndex - begin} in: "${text.substring(begin, end)}"` };
}

const JAVA_DECIMAL_FLOAT = /^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)$/;
const JAVA_HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)[fFdD]?$/;

/** `Double.parseDouble(String)`; `undefined` where Java throws. */
export function parseJavaDouble(text: string): number | undefined {
  const trimmed = javaTrim(text);
  if (JAVA_DECIMAL_FLOAT.test(trimmed)) {
    return Number(trimmed.replace(/[fFdD]$/, ''));
  }
  const hex = JAVA_HEX_FLOAT.exec(trimmed);
  if (hex && (hex[2].length > 0 || (hex[3] ?? '').length > 0)) {
    const fraction = hex[3] ?? '';
    const mantissa = parseInt(`${hex[2]}${fraction}` || '0', 16);
    const value = mantissa * 2 ** (Number(hex[4]) - 4 * fraction.length);
    return hex[1] === '-' ? -value : value;
  }
  return undefined;
}

/** `Float.parseFloat(String)` widened to `double`, as Flink reads float options. */
export function parseJavaFloat(text: string): number | undefined {
  const value = parseJavaDouble(text);
  return value === undefined ? undefined : Math.fround(value);
}

/** `Double.toString(double)`. */
export function javaDoubleToString(value: number): string {
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? 'Infinity' : '-Infinity';
  }
  if (value === 0) {
    return Object.is(value, -0) ? '-0.0' : '0.0';
  }
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const plain = String(value);
    return plain.includes('.') ? plain : `${plain}.0`;
  }
  const [mantissa, exponent] = value.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** `Long.MAX_VALUE` / `Long.MIN_VALUE`, for overflow checks. */
export const JAVA_LONG = { MIN: LONG_MIN, MAX: LONG_MAX } as const;

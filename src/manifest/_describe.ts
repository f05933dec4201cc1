/**
 * A short, single-line rendering of any value for error messages: strings
 * quoted with escapes (a newline shows as `\n`), numbers and booleans as
 * they are, objects as compact JSON (cycles and null-prototype objects
 * included), everything cut to a readable length. Never throws.
 */
export function describeValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    text = JSON.stringify(value);
  } else if (value === undefined || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    text = String(value);
  } else if (typeof value === 'function') {
    text = 'a function';
  } else if (typeof value === 'symbol') {
    text = 'a symbol';
  } else {
    text = safeJson(value);
  }
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 3)}...` : text;
}

const MAX_LENGTH = 80;

function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return JSON.stringify(value, (_key, v) => {
      if (typeof v === 'bigint') {
        return String(v);
      }
      if (v !== null && typeof v === 'object') {
        if (seen.has(v)) {
          return '[circular]';
        }
        seen.add(v);
      }
      return v;
    }) ?? 'undefined';
  } catch {
    return 'an unprintable value';
  }
}

/**
 * A message on one line: line breaks inside (from a user value a message
 * quotes verbatim) are shown escaped, so each problem stays one line of the
 * `[path] message` list.
 */
export function oneLine(message: string): string {
  return message.replace(/\r?\n/g, '\\n');
}

/** A map key as it can stand in a field path of a one-line message (control characters escaped). */
export function describeKey(key: string): string {
  return /[\u0000-\u001f]/.test(key) ? describeValue(key) : key;
}

/** Whether a value is a string with something other than whitespace in it. */
export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Internal helpers for the plain JSON manifests that flow through the hooks.
 */

/**
 * A deep copy of a JSON value without `undefined` members (as JSON would
 * drop them); anything with a `toJSON` (e.g. a Date) is copied by it, other
 * objects by their enumerable data. Faster than a JSON round trip.
 */
export function cleanJson<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'number' && !Number.isFinite(value) ? null : value;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return copy((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) {
    return value.map((item) => (item === undefined || typeof item === 'function' ? null : copy(item)));
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && typeof item !== 'function' && typeof item !== 'symbol') {
      out[key] = copy(item);
    }
  }
  return out;
}

/**
 * `undefined` for an empty object or array, so that unset collections do
 * not render.
 */
export function undefinedIfEmpty<T>(value: T): T | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? undefined : value;
  }
  if (typeof value === 'object') {
    return Object.keys(value as object).length === 0 ? undefined : value;
  }
  return value;
}

/**
 * Whether two JSON values are equal (deep, key order ignored).
 */
export function jsonEquals(a: unknown, b: unknown): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}

/**
 * A JSON value as text with object keys sorted, so that key order never
 * changes it (`undefined` members are left out, as JSON does).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.keys(v).sort().reduce((acc: Record<string, unknown>, k) => {
        acc[k] = (v as Record<string, unknown>)[k];
        return acc;
      }, {});
    }
    return v;
  });
}

/**
 * Internal helpers for the plain JSON manifests that flow through the hooks.
 */

/**
 * A deep copy of a JSON value without `undefined` members, empty objects
 * left as they are. Anything that is not JSON (functions, class instances
 * with methods) is copied by its enumerable data.
 */
export function cleanJson<T>(value: T): T {
  if (value === undefined) {
    return value;
  }
  return JSON.parse(JSON.stringify(value));
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
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
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

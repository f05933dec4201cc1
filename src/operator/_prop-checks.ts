import { describeValue } from '../_describe';

/**
 * Eager type checks of `FlinkOperator` props, so that bad input ends in a
 * one-line `'<prop>' must be ..., got <value>` error instead of a TypeError
 * (or a manifest with the wrong types) later on.
 */

/** An object that is not `null` and not an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws unless the value is undefined or an object (not null, not an array). */
export function checkOptionalObject<T>(prop: string, value: T | undefined): T | undefined {
  if (value !== undefined && !isPlainObject(value)) {
    throw new Error(`'${prop}' must be an object, got ${describeValue(value)}`);
  }
  return value;
}

/** Throws unless the value is undefined or an array whose items are objects. */
export function checkOptionalObjectArray<T>(prop: string, value: T[] | undefined): T[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    throw new Error(`'${prop}' must be an array, got ${describeValue(value)}`);
  }
  value.forEach((item, index) => {
    if (!isPlainObject(item)) {
      throw new Error(`'${prop}[${index}]' must be an object, got ${describeValue(item)}`);
    }
  });
  return value;
}

/** Throws unless the value is undefined or an array of non-empty strings. */
export function checkOptionalStringArray(prop: string, value: string[] | undefined): string[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Array.isArray(value)) {
    throw new Error(`'${prop}' must be an array of non-empty strings, got ${describeValue(value)}`);
  }
  value.forEach((item, index) => checkNonEmptyString(`${prop}[${index}]`, item));
  return value;
}

/** Throws unless the value is a string that is not blank. */
export function checkNonEmptyString(prop: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`'${prop}' must be a non-empty string, got ${describeValue(value)}`);
  }
  return value;
}

/** Throws unless the value is undefined or a string. */
export function checkOptionalString(prop: string, value: string | undefined): string | undefined {
  if (value !== undefined && typeof value !== 'string') {
    throw new Error(`'${prop}' must be a string, got ${describeValue(value)}`);
  }
  return value;
}

/** Throws unless the value is undefined or a boolean. */
export function checkOptionalBoolean(prop: string, value: boolean | undefined): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new Error(`'${prop}' must be true or false, got ${describeValue(value)}`);
  }
  return value;
}

/** Throws unless the value is undefined or an object whose values are all strings. */
export function checkOptionalStringMap(prop: string, value: { [key: string]: string } | undefined): { [key: string]: string } | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!isPlainObject(value)) {
    throw new Error(`'${prop}' must be an object of strings, got ${describeValue(value)}`);
  }
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') {
      throw new Error(`'${prop}' must be an object of strings, got ${describeValue(item)} for key ${describeValue(key)}`);
    }
  }
  return value;
}

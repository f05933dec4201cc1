import {
  checkBoolean, checkNonEmptyString as requireNonEmptyString, checkObjectList, checkString, checkStringList, checkStringMap, fail, isObject,
} from '../props/_checks';

/**
 * Eager type checks of `FlinkOperator` props, so that bad input ends in a
 * one-line `'<prop>' must be ..., got <value>` error instead of a TypeError
 * (or a manifest with the wrong types) later on. They are the library's
 * shared checks (`_checks.ts`), returning the value they checked.
 */

/** An object that is not `null` and not an array. */
export const isPlainObject = isObject;

/** Throws unless the value is undefined or a map (not null, not a list). */
export function checkOptionalObject<T>(prop: string, value: T | undefined): T | undefined {
  if (value !== undefined && !isObject(value)) {
    fail(prop, 'a map', value);
  }
  return value;
}

/** Throws unless the value is undefined or a list of maps. */
export function checkOptionalObjectArray<T>(prop: string, value: T[] | undefined): T[] | undefined {
  checkObjectList(prop, value);
  return value;
}

/** Throws unless the value is undefined or a list of non-empty strings. */
export function checkOptionalStringArray(prop: string, value: string[] | undefined): string[] | undefined {
  checkStringList(prop, value);
  value?.forEach((item, index) => requireNonEmptyString(`${prop}[${index}]`, item));
  return value;
}

/** Throws unless the value is a string that is not blank. */
export function checkNonEmptyString(prop: string, value: unknown): string {
  requireNonEmptyString(prop, value);
  return value as string;
}

/** Throws unless the value is undefined or a string. */
export function checkOptionalString(prop: string, value: string | undefined): string | undefined {
  checkString(prop, value);
  return value;
}

/** Throws unless the value is undefined or a boolean. */
export function checkOptionalBoolean(prop: string, value: boolean | undefined): boolean | undefined {
  checkBoolean(prop, value);
  return value;
}

/** Throws unless the value is undefined or a map of strings. */
export function checkOptionalStringMap(prop: string, value: { [key: string]: string } | undefined): { [key: string]: string } | undefined {
  checkStringMap(prop, value);
  return value;
}

import { checkAll, fail, isObject, reject } from './_checks';
import { describeKey, describeValue } from '../manifest/_describe';
import { cleanJson, jsonEquals, undefinedIfEmpty } from '../manifest/_json';

/**
 * A keyed collection of configuration entries (Flink configuration, log
 * files) whose writers refuse to silently overwrite a different value.
 */
export class ConfigurationMap {
  private readonly entries: Record<string, unknown> = {};

  /**
   * @param field the prop name used in error messages (`flinkConfiguration`)
   * @param allowStructured whether values may be numbers, booleans, lists and nested maps
   */
  constructor(private readonly field: string, private readonly allowStructured: boolean) {}

  /** Adds every entry of a map. */
  public addAll(values: { [key: string]: unknown } | undefined): void {
    if (values !== undefined && !isObject(values)) {
      fail(this.field, 'a map', values);
    }
    checkAll(...Object.entries(values ?? {}).map(([key, value]) => () => this.add(key, value)));
  }

  /**
   * Adds one entry; throws when the key is already set to a different value
   * or the value has a type the field cannot hold.
   */
  public add(key: string, value: unknown): void {
    if (typeof key !== 'string' || key.trim() === '') {
      reject(this.field, `keys must be non-empty strings, got ${describeValue(key)}`);
    }
    this.checkValue(`${this.field}.${describeKey(key)}`, value);
    if (key in this.entries && !jsonEquals(this.entries[key], value)) {
      reject(`${this.field}.${describeKey(key)}`, `is already set to ${describeValue(this.entries[key])}; refusing to overwrite it with ${describeValue(value)}`);
    }
    this.entries[key] = cleanJson(value);
  }

  /** A copy of the entries, or `undefined` when there are none. */
  public toJson(): Record<string, unknown> | undefined {
    return undefinedIfEmpty(cleanJson(this.entries));
  }

  private checkValue(path: string, value: unknown): void {
    if (typeof value === 'string') {
      return;
    }
    if (!this.allowStructured) {
      reject(path, `must be a string, got ${describe(value)}`);
    }
    if (typeof value === 'number' && Number.isFinite(value)) {
      return;
    }
    if (typeof value === 'boolean') {
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => this.checkValue(`${path}[${i}]`, item));
      return;
    }
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [k, v] of Object.entries(value)) {
        this.checkValue(`${path}.${describeKey(k)}`, v);
      }
      return;
    }
    reject(path, `must be a string, number, boolean, list or map, got ${describe(value)}`);
  }
}

function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  return typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}

/**
 * Reads a spec's JSON the way the operator's Jackson mapping does, into a
 * plain value whose canonical JSON is equal exactly when the Java objects
 * are `equals`: defaults of absent fields, coercions, unknown fields
 * dropped, fabric8 model rules (empty collections equal absent ones,
 * quantities compared by amount) and the flattening of `flinkConfiguration`.
 */
import { ClassSchema, ValueReader } from './_spec-schema';
import { quantityAmountKey } from '../jvm/_quantity';
import { canonicalJson } from '../manifest/_json';

/** Whether two read values are equal as the Java objects' `equals` says. */
export function javaEquals(a: unknown, b: unknown): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}

/** A spec class read from JSON: every field, with its default when absent. */
export function readClass(schema: ClassSchema, json: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of schema.fields) {
    const present = Object.prototype.hasOwnProperty.call(json, field.name) && json[field.name] !== undefined;
    out[field.name] = readValue(field.reader, present ? json[field.name] : undefined, present);
  }
  return out;
}

/** One field's value; `present` tells an absent field from an explicit null. */
export function readValue(reader: ValueReader, value: unknown, present: boolean): unknown {
  switch (reader.kind) {
    case 'int':
      return !present ? reader.initial : value === null ? 0 : toInteger(value);
    case 'enum':
      return !present ? reader.initial ?? null : value === null ? null : String(value);
    case 'stringArray':
      if (!present) {
        return [];
      }
      return Array.isArray(value) ? value.map((v) => (v === null ? null : scalarText(v))) : value === null ? null : [scalarText(value)];
    default:
      break;
  }
  if (value === undefined || value === null) {
    return reader.kind === 'config' ? {} : null;
  }
  switch (reader.kind) {
    case 'string':
      return scalarText(value);
    case 'long':
    case 'integer':
      return toInteger(value);
    case 'double':
      return Number(value);
    case 'boolean':
      return value === true || value === 'true';
    case 'stringMap':
      return isObject(value) ? mapValues(value, (v) => (v === null ? null : scalarText(v))) : value;
    case 'object':
      return isObject(value) ? readClass(reader.schema, value) : value;
    case 'config':
      return isObject(value) ? flattenConfiguration(value) : {};
    case 'kubernetes':
      return readKubernetes(reader.type, value);
  }
}

/**
 * `ConfigObjectNode.asFlatMap()`: nested objects joined with dots, arrays as
 * their items' text joined with `;` (an empty array leaves no key), scalars
 * as Jackson's `asText()` (null as `"null"`).
 */
export function flattenConfiguration(node: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  const visit = (value: unknown, key: string) => {
    if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        visit(v, key === '' ? k : `${key}.${k}`);
      }
    } else if (Array.isArray(value)) {
      if (value.length > 0) {
        flat[key] = value.map(nodeText).join(';');
      }
    } else {
      flat[key] = nodeText(value);
    }
  };
  visit(node, '');
  return flat;
}

/** Jackson's `JsonNode.asText()`: containers read as empty text. */
function nodeText(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  return typeof value === 'object' ? '' : String(value);
}

/** Jackson's coercion of a JSON scalar into a `String` field. */
function scalarText(value: unknown): unknown {
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

function toInteger(value: unknown): unknown {
  if (typeof value === 'number') {
    return Math.trunc(value);
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
    return Number(value.trim());
  }
  return value;
}

/** Map-typed fields of the fabric8 pod model: initialised empty, so `{}` equals absent. */
const MAP_FIELDS = new Set(['labels', 'annotations', 'nodeSelector', 'limits', 'requests', 'overhead', 'matchLabels', 'volumeAttributes']);
/** Maps whose values are quantities. */
const QUANTITY_MAPS = new Set(['limits', 'requests', 'overhead']);
/** Scalar quantity fields. */
const QUANTITY_FIELDS = new Set(['sizeLimit']);

function readKubernetes(type: 'PodTemplateSpec' | 'ResourceRequirements' | 'IngressTLSList', value: unknown): unknown {
  switch (type) {
    case 'PodTemplateSpec':
      // The diff builder clears a pod template's unknown top-level fields (apiVersion, kind, ...).
      return isObject(value) ? fabric8Object(pick(value, ['metadata', 'spec'])) : value;
    case 'ResourceRequirements':
      return isObject(value) ? fabric8Object(value) : value;
    case 'IngressTLSList':
      // The operator's own List field: absent is null, `[]` is an empty list.
      return Array.isArray(value) ? value.map((item) => (isObject(item) ? fabric8Object(item) : item)) : value;
  }
}

/**
 * A fabric8 model object: lists and map-typed fields are initialised empty
 * (an empty one equals an absent one); object fields are null when absent
 * (`{}` differs from absent); null reads as absent.
 */
function fabric8Object(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined) {
      continue;
    }
    if (Array.isArray(v)) {
      if (v.length > 0) {
        out[key] = v.map((item) => (isObject(item) ? fabric8Object(item) : item));
      }
    } else if (isObject(v)) {
      if (MAP_FIELDS.has(key)) {
        if (Object.keys(v).length > 0) {
          out[key] = QUANTITY_MAPS.has(key) ? mapValues(v, quantity) : v;
        }
      } else {
        out[key] = fabric8Object(v);
      }
    } else {
      out[key] = QUANTITY_FIELDS.has(key) ? quantity(v) : v;
    }
  }
  return out;
}

/** A quantity as `Quantity.equals` compares it; a malformed one by its text. */
function quantity(value: unknown): unknown {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return value;
  }
  try {
    return { quantity: quantityAmountKey(String(value)) };
  } catch {
    return { quantity: String(value), malformed: true };
  }
}

function pick(value: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (Object.prototype.hasOwnProperty.call(value, key)) {
      out[key] = value[key];
    }
  }
  return out;
}

function mapValues(value: Record<string, unknown>, f: (v: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = f(v);
  }
  return out;
}

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

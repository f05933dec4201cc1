/**
 * What the spotify operator's mutating webhook adds to a `FlinkCluster` by
 * encoding it from its Go types: its JSON patch turns the whole object into
 * the Go encoding, in which a field without `omitempty` is always present.
 * The CRD's generator marks exactly those fields `required`, so each
 * required field that is missing comes back with its Go zero value (`""`,
 * `0`, `false`, an empty struct `{}`); nil maps, slices and pointers encode
 * as `null`, which the API server drops again. The API server then applies
 * the CRD's defaults once more and validates the schema: a missing
 * `spec.flinkVersion` or `spec.image.name` is never reported.
 *
 * @see https://github.com/kubernetes-sigs/controller-runtime/blob/main/pkg/webhook/admission/defaulter_custom.go
 */
import { isObject } from '../../manifest/_fields';

/** Adds every missing required field the Go encoding fills, in place (a JSON value the caller owns). */
export function fillGoZeroValues(value: unknown, schema: any): void {
  if (!isObject(schema)) {
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item) => fillGoZeroValues(item, schema.items));
    return;
  }
  if (!isObject(value)) {
    return;
  }
  const properties: Record<string, any> = isObject(schema.properties) ? schema.properties : {};
  for (const key of Array.isArray(schema.required) ? schema.required : []) {
    if (!Object.prototype.hasOwnProperty.call(value, key) && isObject(properties[key])) {
      const zero = goZeroValue(properties[key]);
      if (zero !== undefined) {
        value[key] = zero;
      }
    }
  }
  for (const [key, member] of Object.entries(value)) {
    fillGoZeroValues(member, Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : schema.additionalProperties);
  }
}

/** The Go zero value of a field of this schema as JSON; `undefined` for nil (maps, slices, pointers). */
function goZeroValue(schema: Record<string, any>): unknown {
  if (schema['x-kubernetes-int-or-string'] === true) {
    return 0;
  }
  switch (schema.type) {
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'object':
      return isObject(schema.properties) ? {} : undefined;
    default:
      return undefined;
  }
}

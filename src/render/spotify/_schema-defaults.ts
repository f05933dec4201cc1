/**
 * The defaults of a structural CRD schema, applied as the Kubernetes API
 * server applies them when it reads a custom resource (before any
 * admission webhook sees it): a `null` member of a non-nullable field is
 * dropped; an absent field with a `default` gets a copy of it; then every
 * member is defaulted by its property's schema (or `additionalProperties`),
 * every array item by `items`, newly defaulted objects included.
 *
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#defaulting
 */
import { isObject } from '../../manifest/_fields';

/** Applies the schema's defaults to `value` in place (a JSON value the caller owns). */
export function applySchemaDefaults(value: unknown, schema: any): void {
  if (!isObject(schema)) {
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item) => applySchemaDefaults(item, schema.items));
    return;
  }
  if (!isObject(value)) {
    return;
  }
  const properties: Record<string, any> = isObject(schema.properties) ? schema.properties : {};
  for (const [key, property] of Object.entries(properties)) {
    if (value[key] === null && !property?.nullable) {
      delete value[key];
    }
    if (!Object.prototype.hasOwnProperty.call(value, key) && property?.default !== undefined) {
      value[key] = structuredClone(property.default);
    }
  }
  for (const [key, member] of Object.entries(value)) {
    const memberSchema = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : schema.additionalProperties;
    applySchemaDefaults(member, memberSchema);
  }
}

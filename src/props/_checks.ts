/**
 * The checks of construct props: invariants no mutator could repair. Each
 * throws a `PropError` naming the prop and the value it got; a construct
 * records them (`PropErrors`) and reports them all at synth. Composite
 * checks run every part (`checkAll`), so one call finds every problem.
 */
import { Duration, Size } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { checkAll, fail, reject } from './_prop-error';
import { describeKey } from '../manifest/_describe';
import { isObject } from '../manifest/_fields';
import { validateAnnotations, validateLabels } from '../manifest/_kubernetes-validation';

export { checkAll, checkedParts, fail, PropError, reject } from './_prop-error';
export { PropErrors } from './_prop-errors';

/** A plain JSON-like object (not null, not an array): the hooks' definition, shared. */
export { isObject };

/**
 * Throws unless the value is undefined or a whole number of at least `min`.
 */
export function checkInteger(field: string, value: unknown, min: number): void {
  if (value === undefined) {
    return;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    fail(field, min === Number.MIN_SAFE_INTEGER ? 'a whole number' : `a whole number >= ${min}`, value);
  }
}

/** Throws unless the value is undefined or a string; returns it. */
export function checkString<T>(field: string, value: T): T {
  if (value !== undefined && typeof value !== 'string') {
    fail(field, 'a string', value);
  }
  return value;
}

/** Throws unless the value is undefined or a non-empty string. */
export function checkOptionalNonEmptyString(field: string, value: unknown): void {
  if (value !== undefined) {
    checkNonEmptyString(field, value);
  }
}

/** Throws unless the value is a non-empty string; returns it. */
export function checkNonEmptyString(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(field, 'a non-empty string', value);
  }
  return value;
}

/** Throws unless the value is undefined or a boolean; returns it. */
export function checkBoolean<T>(field: string, value: T): T {
  if (value !== undefined && typeof value !== 'boolean') {
    fail(field, 'true or false', value);
  }
  return value;
}

/** Throws unless the value is undefined or one of the enum's values. */
export function checkEnum(field: string, value: unknown, values: Record<string, string | number>): void {
  if (value !== undefined && !Object.values(values).includes(value as string)) {
    fail(field, `one of ${Object.values(values).map((v) => JSON.stringify(v)).join(', ')}`, value);
  }
}

/** Throws unless the value is undefined or a list of strings; returns it. */
export function checkStringList<T>(field: string, value: T): T {
  if (value === undefined) {
    return value;
  }
  if (!Array.isArray(value)) {
    fail(field, 'a list of strings', value);
  }
  checkAll(...value.map((item, i) => () => {
    if (typeof item !== 'string') {
      fail(`${field}[${i}]`, 'a string', item);
    }
  }));
  return value;
}

/** Throws unless the value is undefined or a list of non-empty strings; returns it. */
export function checkNonEmptyStringList<T>(field: string, value: T): T {
  checkStringList(field, value);
  checkAll(...((value as unknown as unknown[] | undefined) ?? []).map((item, i) => () => checkNonEmptyString(`${field}[${i}]`, item)));
  return value;
}

/** Throws unless the value is undefined or a map of strings to strings; returns it. */
export function checkStringMap<T>(field: string, value: T): T {
  if (value === undefined) {
    return value;
  }
  if (!isObject(value)) {
    fail(field, 'a map of strings', value);
  }
  checkAll(...Object.entries(value).map(([key, item]) => () => {
    if (typeof item !== 'string') {
      fail(`${field}.${describeKey(key)}`, 'a string', item);
    }
  }));
  return value;
}

/**
 * Throws unless the value is undefined or labels the API server accepts:
 * a map of strings whose keys and values pass `ValidateLabels`, with its
 * messages (`Invalid value: "bad key": name part must consist of ...`).
 */
export function checkLabels(field: string, value: unknown): void {
  checkStringMap(field, value);
  checkAll(...validateLabels(value, field).map((message) => () => reject(field, message.slice(field.length + 2))));
}

/**
 * Throws unless the value is undefined or annotations the API server
 * accepts (`ValidateAnnotations`: qualified-name keys, 256 KiB in all).
 */
export function checkAnnotations(field: string, value: unknown): void {
  checkStringMap(field, value);
  checkAll(...validateAnnotations(value, field).map((message) => () => reject(field, message.slice(field.length + 2))));
}

/** Throws unless the value is undefined or a list of maps (Kubernetes objects); returns it. */
export function checkObjectList<T>(field: string, value: T): T {
  if (value === undefined) {
    return value;
  }
  if (!Array.isArray(value)) {
    fail(field, 'a list', value);
  }
  checkAll(...value.map((item, i) => () => {
    if (!isObject(item)) {
      fail(`${field}[${i}]`, 'a map', item);
    }
  }));
  return value;
}

/** Throws unless the value is undefined or a cdk8s `Size`. */
export function checkSize(field: string, value: unknown): void {
  if (value !== undefined && !(value instanceof Size)) {
    fail(field, 'a Size (e.g. Size.mebibytes(2048))', value);
  }
}

/**
 * A duration in whole milliseconds; throws naming the prop for anything
 * that is not a cdk8s `Duration` of whole, non-negative milliseconds.
 */
export function durationMillis(field: string, value: Duration): number {
  if (!(value instanceof Duration)) {
    fail(field, 'a Duration (e.g. Duration.minutes(10))', value);
  }
  let millis: number;
  try {
    millis = value.toMilliseconds();
  } catch {
    fail(field, 'a whole number of milliseconds', value.toHumanString());
  }
  if (!Number.isInteger(millis) || millis < 0) {
    fail(field, 'a whole, non-negative number of milliseconds', millis);
  }
  return millis;
}

const POD_SPEC_LISTS = ['containers', 'initContainers', 'ephemeralContainers', 'volumes', 'tolerations', 'imagePullSecrets', 'hostAliases', 'topologySpreadConstraints', 'readinessGates'];
const CONTAINER_LISTS = ['env', 'envFrom', 'ports', 'volumeMounts', 'volumeDevices'];
const CONTAINER_STRING_LISTS = ['command', 'args'];
const POD_SPEC_MAPS = ['securityContext', 'affinity', 'dnsConfig', 'overhead'];
const CONTAINER_MAPS = ['resources', 'securityContext', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'];
const RESOURCE_MAPS = ['limits', 'requests'];

/**
 * Throws unless the value is undefined or Kubernetes resource requirements:
 * `limits` and `requests` maps of `k8s.Quantity` (e.g. `k8s.Quantity.fromString('512Mi')`).
 */
export function checkResources(field: string, value: unknown): void {
  checkMap(field, value);
  checkAll(...RESOURCE_MAPS.map((key) => () => {
    const quantities = (value as Record<string, unknown> | undefined)?.[key];
    checkMap(`${field}.${key}`, quantities);
    checkAll(...Object.entries(quantities ?? {}).map(([name, quantity]) => () => {
      if (!(quantity instanceof k8s.Quantity)) {
        fail(`${field}.${key}.${describeKey(name)}`, "a k8s.Quantity (e.g. k8s.Quantity.fromString('512Mi'))", quantity);
      }
    }));
  }));
}

/** Throws unless the value is undefined or a map; returns it. */
export function checkMap<T>(field: string, value: T): T {
  if (value !== undefined && !isObject(value)) {
    fail(field, 'a map', value);
  }
  return value;
}

/**
 * Checks the shape of a typed pod template where a wrong type would crash
 * its conversion to JSON: maps where maps belong, lists of maps where
 * lists belong, containers with names.
 */
export function checkPodTemplate(field: string, template: unknown): void {
  if (template === undefined) {
    return;
  }
  if (!isObject(template)) {
    fail(field, 'a pod template (k8s.PodTemplateSpec)', template);
  }
  checkAll(...['metadata', 'spec'].map((key) => () => {
    if (template[key] !== undefined && !isObject(template[key])) {
      fail(`${field}.${key}`, 'a map', template[key]);
    }
  }));
  const metadata = template.metadata as Record<string, unknown> | undefined;
  const spec = template.spec as Record<string, unknown> | undefined;
  checkAll(
    () => checkLabels(`${field}.metadata.labels`, metadata?.labels),
    () => checkAnnotations(`${field}.metadata.annotations`, metadata?.annotations),
    ...(spec ? podSpecChecks(`${field}.spec`, spec) : []),
  );
}

function podSpecChecks(field: string, spec: Record<string, unknown>): Array<() => void> {
  return [
    ...POD_SPEC_LISTS.map((list) => () => checkObjectList(`${field}.${list}`, spec[list])),
    () => checkStringMap(`${field}.nodeSelector`, spec.nodeSelector),
    ...POD_SPEC_MAPS.map((key) => () => checkMap(`${field}.${key}`, spec[key])),
    ...['containers', 'initContainers', 'ephemeralContainers'].flatMap((list) => {
      const containers = spec[list];
      return (Array.isArray(containers) ? containers : []).map((container: Record<string, unknown>, i) => () => {
        const at = `${field}.${list}[${i}]`;
        if (!isObject(container)) {
          return;
        }
        checkAll(
          () => checkNonEmptyString(`${at}.name`, container.name),
          ...CONTAINER_LISTS.map((key) => () => checkObjectList(`${at}.${key}`, container[key])),
          ...CONTAINER_STRING_LISTS.map((key) => () => checkStringList(`${at}.${key}`, container[key])),
          ...CONTAINER_MAPS.map((key) => () => checkMap(`${at}.${key}`, container[key])),
          () => checkResources(`${at}.resources`, container.resources),
        );
      });
    }),
  ];
}

/** Checks the metadata props every Flink resource has (name, namespace, labels, annotations). */
export function checkMetadataOptions(props: { name?: unknown; namespace?: unknown; labels?: unknown; annotations?: unknown }): void {
  checkAll(
    () => checkOptionalNonEmptyString('name', props.name),
    () => checkOptionalNonEmptyString('namespace', props.namespace),
    () => checkLabels('labels', props.labels),
    () => checkAnnotations('annotations', props.annotations),
  );
}

/**
 * Reading Flink resource manifests (plain `flink.apache.org/v1beta1` JSON):
 * typed field access, and the structural errors that stop a manifest from
 * being read as the operator's model at all (worded as the Kubernetes API
 * server words schema violations). `null` fields count as absent, as the
 * API server prunes them.
 */
import { OperatorVersion } from '../operator-version';

/** The Flink resource kinds the hooks see. */
export type FlinkResourceKind = 'FlinkDeployment' | 'FlinkSessionJob' | 'FlinkStateSnapshot' | 'FlinkBlueGreenDeployment';

/** The Flink resource kinds the checks read. */
export type FlinkKind = 'FlinkDeployment' | 'FlinkSessionJob';

type Expected = 'string' | 'integer' | 'number' | 'object' | 'string-map' | readonly string[];

/** Metadata fields the checks read: `ObjectMeta`, which the CRDs leave to the API server. */
const METADATA_FIELDS: ReadonlyArray<readonly [string, Expected]> = [
  ['metadata', 'object'],
  ['metadata.name', 'string'],
  ['metadata.namespace', 'string'],
  ['metadata.labels', 'string-map'],
];

/**
 * The fields of `spec` and `status` the checks read (`true`: the CRD's enum
 * is checked too; `flinkVersion` is not, its rule has its own message).
 * Their types come from the CRD.
 */
const COMMON_PATHS: ReadonlyArray<readonly [string, boolean?]> = [
  ['spec'], ['spec.flinkConfiguration'], ['spec.job'], ['spec.job.jarURI'], ['spec.job.parallelism'],
  ['spec.job.state', true], ['spec.job.upgradeMode', true], ['spec.job.savepointTriggerNonce'],
  ['spec.job.initialSavepointPath'], ['spec.job.savepointRedeployNonce'],
  ['status'], ['status.reconciliationStatus'], ['status.reconciliationStatus.lastReconciledSpec'],
];

const PATHS: Record<FlinkKind, ReadonlyArray<readonly [string, boolean?]>> = {
  FlinkDeployment: [
    ...COMMON_PATHS,
    ['spec.flinkVersion'], ['spec.serviceAccount'], ['spec.mode', true], ['spec.ingress'], ['spec.ingress.template'], ['spec.logConfiguration'],
    ...['jobManager', 'taskManager'].flatMap((component) => ['', '.replicas', '.resource', '.resource.cpu', '.resource.memory', '.resource.ephemeralStorage']
      .map((field) => [`spec.${component}${field}`] as const)),
  ],
  FlinkSessionJob: [...COMMON_PATHS, ['spec.deploymentName']],
};

/** The type the CRD declares for a field (a field without one, like `flinkConfiguration`, is read as an object). */
function crdType(schema: any, enumerated: boolean | undefined, path: string): Expected {
  if (enumerated && Array.isArray(schema?.enum)) {
    return schema.enum;
  }
  switch (schema?.type) {
    case 'string':
    case 'integer':
    case 'number':
      return schema.type;
    case 'object':
      return schema.additionalProperties?.type === 'string' ? 'string-map' : 'object';
    case undefined:
      if (schema?.['x-kubernetes-preserve-unknown-fields'] === true) {
        return 'object';
      }
  }
  throw new Error(`the CRD declares no type for ${path}`);
}

/** The checked fields of a kind with their types, from the newest supported operator's CRD (the same in every release). */
function checkedFields(kind: FlinkKind): ReadonlyArray<readonly [string, Expected]> {
  // Loaded at the first check: reading a manifest's fields (`at`, `isObject`) needs no CRD.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { crdField } = require('./_operator-crds') as typeof import('./_operator-crds');
  const declared = PATHS[kind].map(([path, enumerated]) => [path, crdType(crdField(OperatorVersion.LATEST, kind, path), enumerated, path)] as const);
  return [...METADATA_FIELDS, ...declared];
}

/** Whether a value is a JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Dotted paths split once: the checks read the same few dozen paths for every resource. */
const SEGMENTS = new Map<string, string[]>();

/** The value at a dotted path, or `undefined` when it or a parent is absent, `null` or not an object. */
export function at(root: unknown, path: string): any {
  let segments = SEGMENTS.get(path);
  if (!segments) {
    segments = path.split('.');
    SEGMENTS.set(path, segments);
  }
  let current: unknown = root;
  for (const segment of segments) {
    if (!isObject(current) || !Object.prototype.hasOwnProperty.call(current, segment)) {
      return undefined;
    }
    current = current[segment];
  }
  return current === null ? undefined : current;
}

/** The JSON type of a value, as the API server names it. */
function jsonType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}

function typeError(path: string, expected: string, value: unknown): string {
  const actual = jsonType(value);
  return `${path}: Invalid value: "${actual}": ${path} in body must be of type ${expected}: "${actual}"`;
}

function fieldErrors(path: string, expected: Expected, value: unknown): string[] {
  if (typeof expected !== 'string') {
    if (typeof value !== 'string') {
      return [typeError(path, 'string', value)];
    }
    return expected.includes(value) ? [] : [
      `${path}: Unsupported value: "${value}": supported values: ${expected.map((v) => `"${v}"`).join(', ')}`,
    ];
  }
  switch (expected) {
    case 'string':
      return typeof value === 'string' ? [] : [typeError(path, 'string', value)];
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? [] : [typeError(path, 'integer', value)];
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? [] : [typeError(path, 'number', value)];
    case 'object':
      return isObject(value) ? [] : [typeError(path, 'object', value)];
    case 'string-map':
      if (!isObject(value)) {
        return [typeError(path, 'object', value)];
      }
      return Object.entries(value)
        .filter(([, item]) => item !== null && typeof item !== 'string')
        .map(([key, item]) => typeError(`${path}.${key}`, 'string', item));
  }
}

/**
 * What stops a manifest from being read as a `kind` resource: a root that is
 * not an object, or fields of the wrong JSON type or enum value.
 */
export function shapeErrors(manifest: unknown, kind: FlinkKind): string[] {
  if (!isObject(manifest)) {
    return [`Invalid ${kind} manifest: expected an object, got ${jsonType(manifest)}`];
  }
  const errors: string[] = [];
  const fields = splitFields(kind);
  // Each field's value (`undefined`: absent), read from its parent's, which comes earlier in the list.
  const values: unknown[] = new Array(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const [path, expected, parentPath, name, parentIndex] = fields[i];
    const parent = parentPath === undefined ? manifest : parentIndex >= 0 ? values[parentIndex] : at(manifest, parentPath);
    if (!isObject(parent) || !Object.prototype.hasOwnProperty.call(parent, name)) {
      continue;
    }
    const value = parent[name];
    values[i] = value;
    if (value !== undefined && value !== null) {
      errors.push(...fieldErrors(path, expected, value));
    }
  }
  return errors;
}

/**
 * A checked field: its path, type, its parent's path (`undefined`: the
 * root), its own name and the index of its parent among the checked fields
 * that come before it (`-1`: none).
 */
type SplitField = readonly [string, Expected, string | undefined, string, number];

/** Each checked field split at first use. */
const SPLIT_FIELDS = new Map<FlinkKind, readonly SplitField[]>();

function splitFields(kind: FlinkKind): readonly SplitField[] {
  let fields = SPLIT_FIELDS.get(kind);
  if (!fields) {
    const checked = checkedFields(kind);
    fields = checked.map(([path, expected], i) => {
      const dot = path.lastIndexOf('.');
      if (dot < 0) {
        return [path, expected, undefined, path, -1] as const;
      }
      const parentPath = path.substring(0, dot);
      const parentIndex = checked.findIndex(([candidate], j) => j < i && candidate === parentPath);
      return [path, expected, parentPath, path.substring(dot + 1), parentIndex] as const;
    });
    SPLIT_FIELDS.set(kind, fields);
  }
  return fields;
}

/** The webhook's canary exemption: resources labelled `flink.apache.org/canary: "true"` are not validated. */
export function isCanary(manifest: unknown): boolean {
  const label = at(manifest, 'metadata.labels');
  const value = isObject(label) ? label['flink.apache.org/canary'] : undefined;
  return typeof value === 'string' && value.toLowerCase() === 'true';
}

/** The last reconciled spec recorded in a resource's status. */
export type LastReconciledSpec =
  | { readonly state: 'none' }
  | { readonly state: 'spec'; readonly spec: Record<string, any> }
  | { readonly state: 'unreadable' };

/**
 * Reads `status.reconciliationStatus.lastReconciledSpec`, the JSON the
 * operator writes there (`{"spec": …, "resource_metadata": …}`, or the bare
 * spec in the older format).
 */
export function lastReconciledSpec(manifest: unknown): LastReconciledSpec {
  const serialized = at(manifest, 'status.reconciliationStatus.lastReconciledSpec');
  if (serialized === undefined) {
    return { state: 'none' };
  }
  try {
    const wrapper: unknown = JSON.parse(serialized);
    if (!isObject(wrapper)) {
      return { state: 'unreadable' };
    }
    const spec = Object.prototype.hasOwnProperty.call(wrapper, 'resource_metadata') ? wrapper.spec : wrapper;
    return isObject(spec) ? { state: 'spec', spec } : { state: 'unreadable' };
  } catch {
    return { state: 'unreadable' };
  }
}

/** The message the operator fails with when the last reconciled spec cannot be read. */
export const UNREADABLE_SPEC_MESSAGE = 'Could not deserialize spec, this indicates a bug...';

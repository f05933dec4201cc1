/**
 * The checks of a `FlinkStateSnapshot` (`DefaultValidator.validateStateSnapshot`
 * of operator 1.15.0), and the structural errors that stop a snapshot
 * manifest from being read as the operator's model at all.
 */
import { at, isObject } from '../../manifest/_fields';

/** `spec.jobReference.kind` values (the operator's `JobKind`). */
export const JOB_KINDS = ['FlinkDeployment', 'FlinkSessionJob'] as const;

/** `spec.savepoint.formatType` values (Flink's `SavepointFormatType`). */
export const FORMAT_TYPES = ['CANONICAL', 'NATIVE', 'UNKNOWN'] as const;

/** The snapshot state in which the operator still looks the target up. */
const TRIGGER_PENDING = 'TRIGGER_PENDING';

type Expected = 'string' | 'integer' | 'boolean' | 'object' | readonly string[];

const FIELDS: ReadonlyArray<readonly [string, Expected]> = [
  ['metadata', 'object'],
  ['metadata.name', 'string'],
  ['metadata.namespace', 'string'],
  ['spec', 'object'],
  ['spec.backoffLimit', 'integer'],
  ['spec.jobReference', 'object'],
  ['spec.jobReference.kind', JOB_KINDS],
  ['spec.jobReference.name', 'string'],
  ['spec.savepoint', 'object'],
  ['spec.savepoint.path', 'string'],
  ['spec.savepoint.formatType', FORMAT_TYPES],
  ['spec.savepoint.disposeOnDelete', 'boolean'],
  ['spec.savepoint.alreadyExists', 'boolean'],
  ['spec.checkpoint', 'object'],
  ['status', 'object'],
  ['status.state', 'string'],
];

function jsonType(value: unknown): string {
  if (Array.isArray(value)) {
    return 'array';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}

function matches(expected: Expected, value: unknown): boolean {
  if (typeof expected !== 'string') {
    return typeof value === 'string';
  }
  return expected === 'object' ? isObject(value) : jsonType(value) === expected;
}

/**
 * Fields of the wrong JSON type or enum value, worded as the API server
 * words schema violations (`null` counts as absent).
 */
export function snapshotShapeErrors(snapshot: unknown): string[] {
  if (!isObject(snapshot)) {
    return [`Invalid FlinkStateSnapshot manifest: expected an object, got ${snapshot === null ? 'null' : jsonType(snapshot)}`];
  }
  const errors: string[] = [];
  for (const [path, expected] of FIELDS) {
    const value = at(snapshot, path);
    if (value === undefined) {
      continue;
    }
    if (!matches(expected, value)) {
      const type = typeof expected === 'string' ? expected : 'string';
      errors.push(`${path}: Invalid value: "${jsonType(value)}": ${path} in body must be of type ${type}: "${jsonType(value)}"`);
    } else if (typeof expected !== 'string' && !expected.includes(value)) {
      errors.push(`${path}: Unsupported value: "${value}": supported values: ${expected.map((v) => `"${v}"`).join(', ')}`);
    }
  }
  return errors;
}

/**
 * The upstream rules, in order; each ends the validation (so there is at
 * most one message):
 * 1. exactly one of `savepoint` and `checkpoint`;
 * 2. an existing savepoint (`alreadyExists: true`) needs nothing else;
 * 3. a `jobReference` is required;
 * 4. the referenced job must exist, unless the operator has already moved
 *    the snapshot past `TRIGGER_PENDING`.
 *
 * `targetUnknown` says the caller could not look the target up (it is
 * defined elsewhere): then rule 4 is skipped, except for a reference without
 * a kind or name, which the operator can never resolve.
 */
export function snapshotRuleErrors(snapshot: unknown, target: unknown, targetUnknown: boolean): string[] {
  const spec = at(snapshot, 'spec') ?? {};
  const savepoint = at(spec, 'savepoint');
  const checkpoint = at(spec, 'checkpoint');
  if ((savepoint === undefined) === (checkpoint === undefined)) {
    return ['Exactly one of checkpoint or savepoint configurations has to be set.'];
  }
  if (savepoint !== undefined && at(savepoint, 'alreadyExists') === true) {
    return [];
  }
  const reference = at(spec, 'jobReference');
  if (reference === undefined) {
    return ['Job reference must be supplied for this snapshot'];
  }
  const name = at(reference, 'name');
  const resolvable = typeof name === 'string' && at(reference, 'kind') !== undefined;
  const state = at(snapshot, 'status.state');
  const pending = at(snapshot, 'status') === undefined || state === TRIGGER_PENDING;
  if (target === undefined && pending && (!targetUnknown || !resolvable)) {
    const namespace = at(snapshot, 'metadata.namespace') ?? 'default';
    return [`Target for snapshot ${namespace}/${name ?? 'null'} was not found`];
  }
  return [];
}

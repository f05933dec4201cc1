/**
 * The port of the operator's `ReflectiveDiffBuilder`: which fields of a
 * spec changed and the diff type of each (from the `@SpecDiff`
 * annotations), and the aggregate diff type the reconciler acts on.
 *
 * Upstream: flink-kubernetes-operator `reconciler/diff/ReflectiveDiffBuilder`,
 * `DiffBuilder`, `DiffResult`, api `diff/DiffType`, `diff/SpecDiff`, and
 * `reconciler/diff/FlinkBlueGreenDeploymentSpecDiff` (release-1.16.1).
 */
import { isObject, javaEquals, readClass } from './_spec-read';
import { OperatorVersion } from '../operator-version';
import { ClassSchema, ConfigDiffEntry, DeploymentModeName, DIFF_TYPE_ORDER, DiffTypeName, specSchemas } from './_spec-schema';

/** One changed field, named as the operator names it (`job.parallelism`, `flinkConfiguration.<key>`). */
export interface FieldDiff {
  readonly field: string;
  readonly type: DiffTypeName;
}

/** What the diff builder returns: the aggregate type and the changed fields. */
export interface SpecDiffResult {
  readonly type: DiffTypeName;
  readonly diffs: FieldDiff[];
}

/** The kinds whose spec changes the operator classifies. */
export type DiffedKind = 'FlinkDeployment' | 'FlinkSessionJob' | 'FlinkBlueGreenDeployment';

/** The blue/green controller's reading of a change (`BlueGreenDiffType`). */
export type BlueGreenDiffName = 'IGNORE' | 'TRANSITION' | 'PATCH_CHILD' | 'SAVEPOINT_REDEPLOY' | 'SUSPEND' | 'RESUME';

/** `DiffType.from`: the highest-ranked type of the diffs, IGNORE for none. */
export function aggregateType(types: readonly DiffTypeName[]): DiffTypeName {
  return types.reduce<DiffTypeName>((max, t) => (DIFF_TYPE_ORDER.indexOf(t) > DIFF_TYPE_ORDER.indexOf(max) ? t : max), 'IGNORE');
}

/**
 * The diff of two specs of a kind, in a deployment mode (a FlinkDeployment's
 * own new `spec.mode`; a session job's is its session cluster's; a
 * blue/green deployment's template is always compared in native mode).
 */
export function specDiff(
  kind: DiffedKind, before: unknown, after: unknown, mode: DeploymentModeName, operatorVersion: OperatorVersion,
): SpecDiffResult {
  const schemas = specSchemas(operatorVersion);
  switch (kind) {
    case 'FlinkDeployment':
      return classDiff(schemas.deployment, asObject(before), asObject(after), mode);
    case 'FlinkSessionJob':
      return classDiff(schemas.sessionJob, asObject(before), asObject(after), mode);
    case 'FlinkBlueGreenDeployment':
      return classDiff(schemas.deployment, templateSpec(before), templateSpec(after), 'native');
  }
}

/** The mode in which a FlinkDeployment spec is diffed (`KubernetesDeploymentMode.getDeploymentMode`). */
export function deploymentMode(spec: unknown): DeploymentModeName {
  return isObject(spec) && spec.mode === 'standalone' ? 'standalone' : 'native';
}

/**
 * `FlinkBlueGreenDeploymentSpecDiff.compare()`: a change of the template's
 * job state first (suspend, resume), then a savepoint redeploy, then
 * identical specs, IGNORE-only changes patched into the child, any other
 * change a blue/green transition.
 */
export function blueGreenDiff(before: unknown, after: unknown, operatorVersion: OperatorVersion): BlueGreenDiffName {
  const left = templateSpec(before);
  const right = templateSpec(after);
  const leftState = jobState(left);
  const rightState = jobState(right);
  if (leftState !== rightState) {
    if (rightState === 'suspended') {
      return 'SUSPEND';
    }
    if (leftState === 'suspended' && rightState === 'running') {
      return 'RESUME';
    }
  }
  const schema = specSchemas(operatorVersion).deployment;
  const diff = classDiff(schema, left, right, 'native');
  if (diff.type === 'SAVEPOINT_REDEPLOY') {
    return 'SAVEPOINT_REDEPLOY';
  }
  if (javaEquals(readClass(schema, left), readClass(schema, right))) {
    return 'IGNORE';
  }
  return diff.type === 'IGNORE' ? 'PATCH_CHILD' : 'TRANSITION';
}

function jobState(spec: Record<string, unknown>): unknown {
  const job = spec.job;
  return isObject(job) && job.state !== undefined && job.state !== null ? job.state : 'running';
}

function templateSpec(spec: unknown): Record<string, unknown> {
  const template = isObject(spec) ? spec.template : undefined;
  return asObject(isObject(template) ? template.spec : undefined);
}

function asObject(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

/** `new ReflectiveDiffBuilder(mode, before, after).build()` for one class. */
function classDiff(schema: ClassSchema, before: Record<string, unknown>, after: Record<string, unknown>, mode: DeploymentModeName): SpecDiffResult {
  const diffs = fieldDiffs(schema, before, after, mode, '');
  return { type: aggregateType(diffs.map((d) => d.type)), diffs };
}

function fieldDiffs(
  schema: ClassSchema, beforeJson: Record<string, unknown>, afterJson: Record<string, unknown>, mode: DeploymentModeName, prefix: string,
): FieldDiff[] {
  const before = readClass(schema, beforeJson);
  const after = readClass(schema, afterJson);
  if (javaEquals(before, after)) {
    return [];
  }
  const diffs: FieldDiff[] = [];
  const append = (name: string, left: unknown, right: unknown, type: DiffTypeName) => {
    if (!javaEquals(left, right)) {
      diffs.push({ field: prefix + name, type });
    }
  };
  for (const field of schema.fields) {
    const left = before[field.name];
    const right = after[field.name];
    if (field.config) {
      const l = left as Record<string, string>;
      const r = right as Record<string, string>;
      const keys = [...new Set([...Object.keys(l), ...Object.keys(r)])].sort();
      for (const key of keys) {
        append(`${field.name}.${key}`, l[key] ?? null, r[key] ?? null, configType(field.config, key, mode));
      }
    } else if (field.specDiff) {
      const annotation = field.specDiff;
      const modeApplies = !annotation.modes || annotation.modes.includes(mode);
      if (right !== null || !annotation.onNullIgnore) {
        append(field.name, left, right, modeApplies ? annotation.type : 'UPGRADE');
      }
    } else if (field.diffable && left !== null && right !== null) {
      const nested = fieldDiffs(field.diffable, asObject(beforeJson[field.name]), asObject(afterJson[field.name]), mode, `${prefix}${field.name}.`);
      diffs.push(...nested);
    } else {
      append(field.name, left, right, 'UPGRADE');
    }
  }
  return diffs;
}

/** `ReflectiveDiffBuilder.getType`: the first entry whose prefix the key starts with, in its modes; else UPGRADE. */
function configType(entries: readonly ConfigDiffEntry[], key: string, mode: DeploymentModeName): DiffTypeName {
  for (const entry of entries) {
    if (entry.modes && !entry.modes.includes(mode)) {
      continue;
    }
    if (key.startsWith(entry.prefix)) {
      return entry.type;
    }
  }
  return 'UPGRADE';
}


/**
 * The operator's spec classes as the operator's `ReflectiveDiffBuilder`
 * walks them: fields in reflection order (a class's own fields, then its
 * superclass's), how Jackson reads each one (defaults, coercions), and the
 * `@SpecDiff` annotations that decide the diff type of a change.
 *
 * Source: flink-kubernetes-operator-api `spec/*.java` at release-1.16.1
 * (FlinkDeploymentSpec, AbstractFlinkSpec, JobSpec, JobManagerSpec,
 * TaskManagerSpec, FlinkSessionJobSpec, IngressSpec, Resource) and
 * release-1.15.0, whose classes differ only in lacking
 * `jobManager.resources` / `taskManager.resources`.
 */

import { OperatorVersion } from '../operator-version';

/** The operator's four diff types, in the order `DiffType.from` ranks them. */
export type DiffTypeName = 'IGNORE' | 'SCALE' | 'UPGRADE' | 'SAVEPOINT_REDEPLOY';

/** Ranks of the diff types: the aggregate of many diffs is the highest. */
export const DIFF_TYPE_ORDER: readonly DiffTypeName[] = ['IGNORE', 'SCALE', 'UPGRADE', 'SAVEPOINT_REDEPLOY'];

/** `KubernetesDeploymentMode` as written in `spec.mode`. */
export type DeploymentModeName = 'native' | 'standalone';

/** An `@SpecDiff` annotation. */
export interface SpecDiffAnnotation {
  readonly type: DiffTypeName;
  /** Modes in which `type` applies; in the others a change is an UPGRADE. Empty: all modes. */
  readonly modes?: readonly DeploymentModeName[];
  /** A change to null (the field removed) is no change at all. */
  readonly onNullIgnore?: boolean;
}

/** One `@SpecDiff.Entry` of a `@SpecDiff.Config`: configuration keys by prefix. */
export interface ConfigDiffEntry {
  readonly prefix: string;
  readonly type: DiffTypeName;
  readonly modes?: readonly DeploymentModeName[];
}

/** How Jackson reads a field's JSON value into the Java object that `equals` compares. */
export type ValueReader =
  | { readonly kind: 'string' }
  | { readonly kind: 'long' }
  | { readonly kind: 'double' }
  | { readonly kind: 'boolean' }
  /** A primitive `int`: absent keeps the field initializer, null reads as 0. */
  | { readonly kind: 'int'; readonly initial: number }
  /** A boxed `Integer`. */
  | { readonly kind: 'integer' }
  /** An enum; absent keeps the initializer (if any). */
  | { readonly kind: 'enum'; readonly initial?: string }
  /** `String[]`, initialised to an empty array. */
  | { readonly kind: 'stringArray' }
  | { readonly kind: 'stringMap' }
  /** A Kubernetes model object (fabric8), compared by the model classes' `equals`. */
  | { readonly kind: 'kubernetes'; readonly type: 'PodTemplateSpec' | 'ResourceRequirements' | 'IngressTLSList' }
  /** A plain (non-Diffable) spec class, compared as a whole. */
  | { readonly kind: 'object'; readonly schema: ClassSchema }
  /** `ConfigObjectNode`, compared as its flattened map. */
  | { readonly kind: 'config' };

/** A field of a spec class. */
export interface FieldSchema {
  readonly name: string;
  readonly reader: ValueReader;
  readonly specDiff?: SpecDiffAnnotation;
  /** `@SpecDiff.Config` entries, in declaration order (first matching prefix wins). */
  readonly config?: readonly ConfigDiffEntry[];
  /** The field's class implements `Diffable`: a change is diffed field by field. */
  readonly diffable?: ClassSchema;
}

/** A spec class: its fields in reflection order. */
export interface ClassSchema {
  readonly name: string;
  readonly fields: readonly FieldSchema[];
}

const STRING: ValueReader = { kind: 'string' };
const LONG: ValueReader = { kind: 'long' };

const RESOURCE: ClassSchema = {
  name: 'Resource',
  fields: [
    { name: 'cpu', reader: { kind: 'double' } },
    { name: 'memory', reader: STRING },
    { name: 'ephemeralStorage', reader: STRING },
  ],
};

const INGRESS: ClassSchema = {
  name: 'IngressSpec',
  fields: [
    { name: 'template', reader: STRING },
    { name: 'className', reader: STRING },
    { name: 'annotations', reader: { kind: 'stringMap' } },
    { name: 'labels', reader: { kind: 'stringMap' } },
    { name: 'tls', reader: { kind: 'kubernetes', type: 'IngressTLSList' } },
  ],
};

const POD_TEMPLATE: ValueReader = { kind: 'kubernetes', type: 'PodTemplateSpec' };
const RESOURCES: FieldSchema = { name: 'resources', reader: { kind: 'kubernetes', type: 'ResourceRequirements' } };

function jobManager(withResources: boolean): ClassSchema {
  return {
    name: 'JobManagerSpec',
    fields: [
      { name: 'resource', reader: { kind: 'object', schema: RESOURCE } },
      ...(withResources ? [RESOURCES] : []),
      { name: 'replicas', reader: { kind: 'int', initial: 1 } },
      { name: 'podTemplate', reader: POD_TEMPLATE },
    ],
  };
}

function taskManager(withResources: boolean): ClassSchema {
  return {
    name: 'TaskManagerSpec',
    fields: [
      { name: 'resource', reader: { kind: 'object', schema: RESOURCE } },
      ...(withResources ? [RESOURCES] : []),
      { name: 'replicas', reader: { kind: 'integer' }, specDiff: { type: 'SCALE', modes: ['standalone'] } },
      { name: 'podTemplate', reader: POD_TEMPLATE },
    ],
  };
}

const JOB: ClassSchema = {
  name: 'JobSpec',
  fields: [
    { name: 'jarURI', reader: STRING },
    { name: 'parallelism', reader: { kind: 'int', initial: 0 }, specDiff: { type: 'SCALE', modes: ['standalone'] } },
    { name: 'entryClass', reader: STRING },
    { name: 'args', reader: { kind: 'stringArray' } },
    { name: 'state', reader: { kind: 'enum', initial: 'running' } },
    { name: 'savepointTriggerNonce', reader: LONG, specDiff: { type: 'IGNORE' } },
    { name: 'initialSavepointPath', reader: STRING, specDiff: { type: 'IGNORE' } },
    { name: 'checkpointTriggerNonce', reader: LONG, specDiff: { type: 'IGNORE' } },
    { name: 'upgradeMode', reader: { kind: 'enum', initial: 'stateless' }, specDiff: { type: 'IGNORE' } },
    { name: 'allowNonRestoredState', reader: { kind: 'boolean' }, specDiff: { type: 'IGNORE' } },
    { name: 'savepointRedeployNonce', reader: LONG, specDiff: { type: 'SAVEPOINT_REDEPLOY', onNullIgnore: true } },
    { name: 'autoscalerResetNonce', reader: LONG, specDiff: { type: 'IGNORE' } },
  ],
};

/** AbstractFlinkSpec's fields (after the subclass's own). */
const ABSTRACT_FLINK_SPEC: readonly FieldSchema[] = [
  { name: 'job', reader: { kind: 'object', schema: JOB }, diffable: JOB },
  { name: 'restartNonce', reader: LONG, specDiff: { type: 'UPGRADE', onNullIgnore: true } },
  {
    name: 'flinkConfiguration',
    reader: { kind: 'config' },
    config: [
      { prefix: 'job.autoscaler', type: 'IGNORE' },
      { prefix: 'parallelism.default', type: 'IGNORE' },
      { prefix: 'kubernetes.operator', type: 'IGNORE' },
      { prefix: 'pipeline.jobvertex-parallelism-overrides', type: 'SCALE', modes: ['native'] },
    ],
  },
];

function deploymentSpec(withResources: boolean): ClassSchema {
  const tm = taskManager(withResources);
  return {
    name: 'FlinkDeploymentSpec',
    fields: [
      { name: 'image', reader: STRING },
      { name: 'imagePullPolicy', reader: STRING },
      { name: 'serviceAccount', reader: STRING },
      { name: 'flinkVersion', reader: { kind: 'enum' } },
      { name: 'ingress', reader: { kind: 'object', schema: INGRESS } },
      { name: 'podTemplate', reader: POD_TEMPLATE },
      { name: 'jobManager', reader: { kind: 'object', schema: jobManager(withResources) } },
      { name: 'taskManager', reader: { kind: 'object', schema: tm }, diffable: tm },
      { name: 'logConfiguration', reader: { kind: 'stringMap' } },
      { name: 'mode', reader: { kind: 'enum' } },
      ...ABSTRACT_FLINK_SPEC,
    ],
  };
}

const SESSION_JOB_SPEC: ClassSchema = {
  name: 'FlinkSessionJobSpec',
  fields: [{ name: 'deploymentName', reader: STRING }, ...ABSTRACT_FLINK_SPEC],
};

/** The spec classes of one operator release. */
export interface SpecSchemas {
  readonly deployment: ClassSchema;
  readonly sessionJob: ClassSchema;
}

/** Operator 1.16: `jobManager.resources` and `taskManager.resources` (Kubernetes ResourceRequirements) are new. */
const V1_16: SpecSchemas = { deployment: deploymentSpec(true), sessionJob: SESSION_JOB_SPEC };
/** Operator 1.15: otherwise the same classes and annotations. */
const V1_15: SpecSchemas = { deployment: deploymentSpec(false), sessionJob: SESSION_JOB_SPEC };

/** The spec classes of an operator release. */
export function specSchemas(operatorVersion: OperatorVersion): SpecSchemas {
  return operatorVersion.isAtLeast(OperatorVersion.V1_16) ? V1_16 : V1_15;
}

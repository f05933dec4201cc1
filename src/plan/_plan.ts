/**
 * A plan: the objects of two sets of rendered manifests matched by
 * identity (API group, kind, namespace, name), each reported as created,
 * deleted, changed or unchanged, and for Flink resources the operator's
 * diff type, the deciding fields and the consequence.
 */
import { PlanChange, PlanEntry, SpecDiffType } from '../flink-plan';
import { deploymentSpecChangeErrors, sessionJobSpecChangeErrors } from '../hooks/default-validator/_spec-change';
import { OperatorVersion } from '../operator-version';
import {
  Consequence, ignoredFieldNote, JobFacts, resumeConsequence, Risk, scaleConsequence, sessionClusterConsequence,
  suspendConsequence, upgradeConsequence,
} from './_consequence';
import { blueGreenDiff, deploymentMode, specDiff, SpecDiffResult } from './_spec-diff';
import { flattenConfiguration, isObject } from './_spec-read';
import { DeploymentModeName } from './_spec-schema';
import { canonicalJson } from '../manifest/_json';

/** A plan entry with its risk (for ordering and `--fail-on`). */
export interface PlannedChange {
  readonly entry: PlanEntry;
  readonly risk: Risk;
  /** The resource this one belongs to (a session job's cluster, a snapshot's job), in its namespace. */
  readonly parent?: { readonly kind: string; readonly name: string };
}

/** Options of a plan. */
export interface PlanOptions {
  /** The operator release whose rules apply. */
  readonly operatorVersion: OperatorVersion;
}

/** The label the standalone backend puts on its objects. */
const STANDALONE_TYPE = 'flink-standalone-kubernetes';

/** Plans the change from the base manifests to the new ones. */
export function plan(before: readonly unknown[], after: readonly unknown[], options: PlanOptions): PlannedChange[] {
  const base = index(before);
  const next = index(after);
  const context: Context = { before: base, after: next, operatorVersion: options.operatorVersion };
  const keys = [...next.keys(), ...[...base.keys()].filter((k) => !next.has(k))];
  return keys.map((k) => planObject(base.get(k), next.get(k), context));
}

interface Context {
  readonly before: Map<string, any>;
  readonly after: Map<string, any>;
  readonly operatorVersion: OperatorVersion;
}

function index(documents: readonly unknown[]): Map<string, any> {
  const out = new Map<string, any>();
  for (const doc of documents) {
    if (isObject(doc) && typeof doc.kind === 'string') {
      out.set(identity(doc), doc);
    }
  }
  return out;
}

function identity(doc: any): string {
  const group = String(doc.apiVersion ?? '').split('/').slice(0, -1).join('/');
  return [group, doc.kind, doc.metadata?.namespace ?? '', doc.metadata?.name ?? ''].join('|');
}

function planObject(before: any, after: any, context: Context): PlannedChange {
  const doc = after ?? before;
  const change = !before ? PlanChange.CREATE : !after ? PlanChange.DELETE
    : canonicalJson(before) === canonicalJson(after) ? PlanChange.NONE : PlanChange.UPDATE;
  const base = {
    kind: String(doc.kind),
    name: String(doc.metadata?.name ?? ''),
    namespace: typeof doc.metadata?.namespace === 'string' ? doc.metadata.namespace : undefined,
    change,
  };
  const flink = String(doc.apiVersion ?? '').startsWith('flink.apache.org/');
  let classified: Classified | undefined;
  if (flink && doc.kind === 'FlinkDeployment') {
    classified = deployment(before, after, change, context);
  } else if (flink && doc.kind === 'FlinkSessionJob') {
    classified = sessionJob(before, after, change, context);
  } else if (flink && doc.kind === 'FlinkBlueGreenDeployment') {
    classified = blueGreen(before, after, change, context);
  } else if (flink && doc.kind === 'FlinkStateSnapshot') {
    classified = snapshot(before, after, change);
  } else if (doc.kind === 'Deployment' && doc.metadata?.labels?.type === STANDALONE_TYPE) {
    classified = standaloneWorkload(before, after, change);
  }
  if (!classified) {
    return { entry: { ...base, fields: [], consequence: '', warnings: [] }, risk: Risk.NONE };
  }
  return {
    entry: {
      ...base,
      diffType: classified.diffType as SpecDiffType | undefined,
      fields: classified.fields ?? [],
      consequence: classified.consequence.text,
      warnings: classified.warnings ?? [],
    },
    risk: classified.consequence.risk,
    parent: parentOf(doc),
  };
}

function parentOf(doc: any): PlannedChange['parent'] {
  if (doc.kind === 'FlinkSessionJob' && typeof doc.spec?.deploymentName === 'string') {
    return { kind: 'FlinkDeployment', name: doc.spec.deploymentName };
  }
  const reference = doc.kind === 'FlinkStateSnapshot' ? doc.spec?.jobReference : undefined;
  return typeof reference?.kind === 'string' && typeof reference?.name === 'string' ? { kind: reference.kind, name: reference.name } : undefined;
}

interface Classified {
  readonly diffType?: string;
  readonly fields?: string[];
  readonly consequence: Consequence;
  readonly warnings?: string[];
}

function jobFacts(spec: any): JobFacts | undefined {
  const job = spec?.job;
  if (!isObject(job)) {
    return undefined;
  }
  return {
    upgradeMode: typeof job.upgradeMode === 'string' ? job.upgradeMode : 'stateless',
    initialSavepointPath: typeof job.initialSavepointPath === 'string' ? job.initialSavepointPath : undefined,
  };
}

function jobState(spec: any): string {
  return typeof spec?.job?.state === 'string' ? spec.job.state : 'running';
}

function configurationOf(spec: any): Record<string, string> {
  return isObject(spec?.flinkConfiguration) ? flattenConfiguration(spec.flinkConfiguration) : {};
}

/** The fields that decide the diff type (all of them for IGNORE). */
function decidingFields(diff: SpecDiffResult): string[] {
  return diff.diffs.filter((d) => diff.type === 'IGNORE' || d.type === diff.type).map((d) => d.field);
}

/** What a job resource's spec change does (FlinkDeployment with a job, FlinkSessionJob). */
interface ClusterFacts {
  readonly mode: DeploymentModeName;
  readonly flinkVersion?: string;
  readonly configuration: Record<string, string>;
}

function jobChange(before: any, after: any, diff: SpecDiffResult, facts: ClusterFacts): Consequence {
  const job = jobFacts(after)!;
  const fromState = jobState(before);
  const toState = jobState(after);
  switch (diff.type) {
    case 'IGNORE': {
      const notes = [...new Set(diff.diffs.map((d) => ignoredFieldNote(d.field)).filter((n): n is string => n !== undefined))];
      return {
        text: diff.diffs.length === 0 ? 'no spec change: the operator does nothing'
          : `IGNORE: the job keeps running untouched${notes.length > 0 ? `; ${notes.join('; ')}` : ''}`,
        risk: Risk.NONE,
      };
    }
    case 'SAVEPOINT_REDEPLOY':
      return {
        text: `SAVEPOINT_REDEPLOY: the job is cancelled without a savepoint and redeployed from initialSavepointPath ${job.initialSavepointPath ?? '(none)'}; its state since that savepoint is lost`,
        risk: Risk.STATE_LOSS,
      };
    case 'SCALE':
      return scaleConsequence({ ...facts, hasJob: true }, job);
    default:
      break;
  }
  if (fromState === 'running' && toState === 'suspended') {
    const c = suspendConsequence(job);
    return { text: `UPGRADE with upgradeMode ${job.upgradeMode}: ${c.text}`, risk: c.risk };
  }
  if (fromState === 'suspended' && toState === 'running') {
    const c = resumeConsequence(jobFacts(before) ?? job);
    return { text: `UPGRADE: ${c.text}`, risk: c.risk };
  }
  if (fromState === 'suspended') {
    return { text: 'UPGRADE: the job stays suspended; the new spec is used when it resumes', risk: Risk.NONE };
  }
  const c = upgradeConsequence(job);
  return { text: `UPGRADE with upgradeMode ${job.upgradeMode}: ${c.text}`, risk: c.risk };
}

function createdJob(after: any, what: string): Consequence {
  const job = jobFacts(after);
  if (!job) {
    return { text: `created: the ${what} is deployed`, risk: Risk.NONE };
  }
  if (jobState(after) === 'suspended') {
    return { text: 'created suspended: nothing is deployed until job.state is running', risk: Risk.NONE };
  }
  return {
    text: `created: the job is deployed for the first time${job.initialSavepointPath ? `, from the savepoint ${job.initialSavepointPath}` : ', from empty state'}`,
    risk: Risk.NONE,
  };
}

const SAVEPOINT_FIRST = 'unless a savepoint is taken first (job.savepointTriggerNonce or a FlinkStateSnapshot)';

function deployment(before: any, after: any, change: PlanChange, context: Context): Classified {
  if (change === PlanChange.CREATE) {
    return { consequence: createdJob(after.spec, 'session cluster') };
  }
  if (change === PlanChange.DELETE) {
    const jobs = sessionJobsOf(before, context.before);
    if (jobFacts(before.spec)) {
      return { consequence: { text: `deleted: the cluster and its running job are deleted; the job's state is lost ${SAVEPOINT_FIRST}`, risk: Risk.STATE_LOSS } };
    }
    return {
      consequence: jobs.length > 0
        ? { text: `deleted: the session cluster is deleted with its ${jobs.length} job(s) (${jobs.join(', ')}); their state is lost ${SAVEPOINT_FIRST}`, risk: Risk.STATE_LOSS }
        : { text: 'deleted: the session cluster is deleted', risk: Risk.RESTART },
    };
  }
  const mode = deploymentMode(after.spec);
  const diff = specDiff('FlinkDeployment', before.spec, after.spec, mode, context.operatorVersion);
  const warnings = deploymentSpecChangeErrors(after.spec ?? {}, { state: 'spec', spec: before.spec ?? {} })
    .map((m) => `the operator rejects this change: ${m}`);
  warnings.push(...upgradeWarnings(before.spec, after.spec, diff));
  let consequence: Consequence;
  const facts: ClusterFacts = { mode, flinkVersion: after.spec?.flinkVersion, configuration: configurationOf(after.spec) };
  if (jobFacts(after.spec)) {
    consequence = jobChange(before.spec, after.spec, diff, facts);
  } else if (diff.type === 'SCALE') {
    consequence = scaleConsequence({ ...facts, hasJob: false }, undefined);
  } else {
    consequence = sessionClusterConsequence(diff.type, diff.diffs.map((d) => d.field));
    const jobs = sessionJobsOf(after, context.after);
    if (diff.type !== 'IGNORE' && jobs.length > 0) {
      warnings.push(`session jobs on this cluster are interrupted: ${jobs.join(', ')}`);
    }
  }
  return { diffType: diff.diffs.length > 0 ? diff.type : undefined, fields: decidingFields(diff), consequence, warnings };
}

function upgradeWarnings(before: any, after: any, diff: SpecDiffResult): string[] {
  const warnings: string[] = [];
  const job = jobFacts(after);
  if (!job || diff.type === 'IGNORE') {
    return warnings;
  }
  const configuration = configurationOf(after);
  if (job.upgradeMode === 'savepoint' && !configuration['execution.checkpointing.savepoint-dir'] && !configuration['state.savepoints.dir']) {
    warnings.push('upgradeMode savepoint without a savepoint directory (execution.checkpointing.savepoint-dir) in flinkConfiguration: the operator default must supply one');
  }
  if (before?.flinkVersion !== after?.flinkVersion && job.upgradeMode === 'last-state') {
    warnings.push('flinkVersion changes: a last-state upgrade uses a savepoint (or cancels the job) instead of HA metadata');
  }
  return warnings;
}

function sessionJobsOf(deploymentDoc: any, documents: Map<string, any>): string[] {
  const namespace = deploymentDoc.metadata?.namespace ?? '';
  return [...documents.values()]
    .filter((d) => d.kind === 'FlinkSessionJob' && (d.metadata?.namespace ?? '') === namespace && d.spec?.deploymentName === deploymentDoc.metadata?.name)
    .map((d) => String(d.metadata?.name));
}

function sessionJob(before: any, after: any, change: PlanChange, context: Context): Classified {
  if (change === PlanChange.CREATE) {
    return { consequence: createdJob(after.spec, 'job') };
  }
  if (change === PlanChange.DELETE) {
    return { consequence: { text: `deleted: the job is cancelled and its state is lost ${SAVEPOINT_FIRST}`, risk: Risk.STATE_LOSS } };
  }
  const namespace = after.metadata?.namespace ?? '';
  const cluster = [...context.after.values(), ...context.before.values()].find((d) => String(d.apiVersion ?? '').startsWith('flink.apache.org/')
    && d.kind === 'FlinkDeployment' && (d.metadata?.namespace ?? '') === namespace && d.metadata?.name === after.spec?.deploymentName);
  const mode = deploymentMode(cluster?.spec);
  const diff = specDiff('FlinkSessionJob', before.spec, after.spec, mode, context.operatorVersion);
  const warnings = sessionJobSpecChangeErrors(after.spec ?? {}, { state: 'spec', spec: before.spec ?? {} }).map((m) => `the operator rejects this change: ${m}`);
  warnings.push(...upgradeWarnings(before.spec, after.spec, diff));
  const configuration = { ...configurationOf(cluster?.spec), ...configurationOf(after.spec) };
  const consequence = jobFacts(after.spec)
    ? jobChange(before.spec, after.spec, diff, { mode, flinkVersion: cluster?.spec?.flinkVersion, configuration })
    : { text: `${diff.type}: a session job without a job section is not deployed`, risk: Risk.NONE };
  return { diffType: diff.diffs.length > 0 ? diff.type : undefined, fields: decidingFields(diff), consequence, warnings };
}

const BLUE_GREEN_WORDS: Record<string, Consequence> = {
  IGNORE: { text: 'IGNORE: the blue/green controller does nothing', risk: Risk.NONE },
  PATCH_CHILD: { text: 'PATCH_CHILD: the change is patched into the active deployment without a transition', risk: Risk.NONE },
  TRANSITION: { text: 'TRANSITION: a new deployment starts beside the active one from its savepoint; the old one is deleted once the new one is stable', risk: Risk.RESTART },
  SAVEPOINT_REDEPLOY: { text: 'SAVEPOINT_REDEPLOY: redeployed from initialSavepointPath; state since that savepoint is lost', risk: Risk.STATE_LOSS },
  SUSPEND: { text: 'SUSPEND: the active deployment is suspended in place', risk: Risk.RESTART },
  RESUME: { text: 'RESUME: the deployment resumes with the current spec', risk: Risk.RESTART },
};

function blueGreen(before: any, after: any, change: PlanChange, context: Context): Classified {
  if (change === PlanChange.CREATE) {
    return { consequence: { text: 'created: the first (blue) deployment is started', risk: Risk.NONE } };
  }
  if (change === PlanChange.DELETE) {
    return { consequence: { text: `deleted: the active deployment and its job are deleted; the job's state is lost ${SAVEPOINT_FIRST}`, risk: Risk.STATE_LOSS } };
  }
  const diff = specDiff('FlinkBlueGreenDeployment', before.spec, after.spec, 'native', context.operatorVersion);
  const kind = blueGreenDiff(before.spec, after.spec, context.operatorVersion);
  return { diffType: diff.diffs.length > 0 ? diff.type : undefined, fields: decidingFields(diff), consequence: BLUE_GREEN_WORDS[kind] };
}

function snapshot(before: any, after: any, change: PlanChange): Classified {
  const spec = (after ?? before).spec ?? {};
  const target = spec.jobReference ? `${spec.jobReference.kind}/${spec.jobReference.name}` : 'its job';
  const what = spec.checkpoint !== undefined ? 'checkpoint' : 'savepoint';
  switch (change) {
    case PlanChange.CREATE:
      return {
        consequence: {
          text: spec.savepoint?.alreadyExists ? `created: records the existing savepoint ${spec.savepoint?.path ?? ''}`.trim() : `created: the operator triggers a ${what} of ${target}`,
          risk: Risk.NONE,
        },
      };
    case PlanChange.DELETE:
      return {
        consequence: {
          text: spec.savepoint?.disposeOnDelete ? 'deleted: the savepoint files are disposed of' : 'deleted: the resource is removed; the snapshot files stay',
          risk: spec.savepoint?.disposeOnDelete ? Risk.STATE_LOSS : Risk.NONE,
        },
      };
    case PlanChange.UPDATE:
      return { consequence: { text: 'changed: the operator does not take the snapshot again; create a new FlinkStateSnapshot instead', risk: Risk.NONE }, warnings: ['a FlinkStateSnapshot is taken once: a spec change has no effect'] };
    default:
      return { consequence: { text: '', risk: Risk.NONE } };
  }
}

/** A standalone-backend Deployment (no operator): what Kubernetes does with it. */
function standaloneWorkload(before: any, after: any, change: PlanChange): Classified {
  const doc = after ?? before;
  const jobManager = doc.metadata?.labels?.component === 'jobmanager';
  const warnings = ['standalone backend: no operator manages this cluster, Kubernetes rolls the pods'];
  if (change === PlanChange.CREATE) {
    return { consequence: { text: 'created: the pods start', risk: Risk.NONE }, warnings };
  }
  if (change === PlanChange.DELETE) {
    return {
      consequence: jobManager ? { text: `deleted: the cluster's JobManager and its job stop; the job's state is lost ${SAVEPOINT_FIRST}`, risk: Risk.STATE_LOSS }
        : { text: 'deleted: the TaskManagers stop; the job cannot run', risk: Risk.RESTART },
      warnings,
    };
  }
  if (change === PlanChange.NONE) {
    return { consequence: { text: '', risk: Risk.NONE } };
  }
  const templateChanged = canonicalJson(before.spec?.template) !== canonicalJson(after.spec?.template);
  const replicasChanged = before.spec?.replicas !== after.spec?.replicas;
  if (templateChanged) {
    return {
      diffType: 'UPGRADE',
      fields: ['spec.template'],
      consequence: jobManager
        ? { text: 'UPGRADE: the JobManager pod is recreated; with Kubernetes HA the job resumes from its latest checkpoint, without HA it restarts from empty state', risk: Risk.RESTART }
        : { text: 'UPGRADE: the TaskManager pods are replaced; the job fails over and restarts from its latest checkpoint', risk: Risk.RESTART },
      warnings: jobManager ? [...warnings, 'without high-availability configured the job loses its state'] : warnings,
    };
  }
  if (replicasChanged) {
    return {
      diffType: 'SCALE',
      fields: ['spec.replicas'],
      consequence: { text: `SCALE: replicas ${before.spec?.replicas ?? 1} → ${after.spec?.replicas ?? 1}${jobManager ? '' : '; the job rescales only in reactive mode'}`, risk: Risk.SCALE },
      warnings,
    };
  }
  return { diffType: 'IGNORE', fields: [], consequence: { text: 'IGNORE: only metadata changes; the pods keep running', risk: Risk.NONE }, warnings };
}

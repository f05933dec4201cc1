import { libraryPolicyErrors } from './_library-policy';
import { configurationWarnings } from './_stale-keys';
import { FlinkHookContext } from './context';
import { DefaultMutator } from './default-mutator';
import { blueGreenChildren } from './default-validator/_blue-green';
import { IFlinkResourceMutator } from './mutator';
import { crdErrors } from '../manifest/_crd-checks';
import { defaultChecks } from './default-validator/_lazy-rules';
import { _ResolvedHooks } from './flink-hooks';
import { FlinkResourceEvent, IFlinkResourceListener } from './listener';
import { oneLine } from '../manifest/_describe';
import type { FlinkResourceKind } from '../manifest/_fields';


/** The kinds mutators run on (the operator's mutator SPI offers nothing else that this library implements). */
const MUTATED_KINDS: readonly FlinkResourceKind[] = ['FlinkDeployment', 'FlinkSessionJob'];

/** One resource to run through the hooks. */
export interface PipelineRequest {
  readonly kind: FlinkResourceKind;
  /** The manifest as built (not changed by the pipeline). */
  readonly manifest: any;
  /** For a session job: the (already mutated) manifest of its session cluster, when known. */
  readonly sessionDeployment?: any;
  /**
   * For a state snapshot: the (already mutated) manifest of the job it
   * references, when known. Unknown (defined elsewhere) means the check
   * that the target exists is skipped.
   */
  readonly snapshotTarget?: any;
  /**
   * Whether an absent `snapshotTarget` is missing (an error, as in the
   * cluster) rather than defined elsewhere.
   * @default false
   */
  readonly snapshotTargetMissing?: boolean;
  readonly hooks: _ResolvedHooks;
  /** Construct path or file name, for events and hook context. */
  readonly source: string;
  /**
   * Changes the operator configuration the hooks see for this resource
   * (e.g. the jar schemes a backend without operator can use).
   */
  readonly operatorConfiguration?: (configured: { [key: string]: string } | undefined) => { [key: string]: string };
}

/** The mutated manifest, every validation error and every warning. */
export interface PipelineResult {
  readonly manifest: any;
  readonly errors: string[];
  /** What Flink would accept but probably not do as meant (e.g. deprecated configuration keys). */
  readonly warnings?: string[];
}

const DEFAULT_MUTATOR = new DefaultMutator();

/**
 * Runs the mutators, then the validators, on one Flink resource, notifying
 * the listeners. Never throws because of a hook: a hook that throws or
 * returns something unusable becomes an error of the resource.
 */
export function runPipeline(request: PipelineRequest): PipelineResult {
  const context: FlinkHookContext = {
    operatorConfiguration: request.operatorConfiguration
      ? request.operatorConfiguration(request.hooks.operatorConfiguration)
      : request.hooks.operatorConfiguration,
    operatorVersion: request.hooks.operatorVersion,
    source: request.source,
  };
  const errors: string[] = request.hooks.operatorVersionError === undefined ? [] : [request.hooks.operatorVersionError];
  const mutators = !MUTATED_KINDS.includes(request.kind) ? []
    : request.hooks.defaultMutator ? [DEFAULT_MUTATOR, ...request.hooks.mutators] : request.hooks.mutators;

  // User mutators may change the manifest in place, so they get a copy; the
  // built-in one never does, and without user mutators the manifest is only read.
  let manifest = request.hooks.mutators.length > 0 ? structuredClone(request.manifest) : request.manifest;
  for (const mutator of mutators) {
    const next = callHook(errors, 'mutator', mutator, () => mutate(mutator, request, manifest, context));
    if (next === undefined) {
      continue;
    }
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      errors.push(`mutator ${hookName(mutator)} returned ${next === null ? 'null' : typeof next} instead of a manifest`);
      continue;
    }
    manifest = next;
  }
  notify(request.hooks.listeners, 'onMutated', event(request, manifest));

  // What the target's CRDs reject never reaches the output, whatever the validators.
  errors.push(...crdErrors(request.kind, manifest, request.hooks.operatorVersion));
  if (request.hooks.defaultValidator) {
    errors.push(...defaultErrors(request, manifest, context));
  }
  if (request.hooks.libraryPolicy ?? true) {
    errors.push(...libraryPolicyErrors(request.kind, manifest));
  }
  const validators: object[] = request.kind === 'FlinkStateSnapshot' ? request.hooks.stateSnapshotValidators ?? [] : request.hooks.validators;
  for (const validator of validators) {
    const messages = callHook(errors, 'validator', validator, () => validatorMessages(validator, request, manifest, context)) ?? [];
    for (const message of new Set(messages)) {
      if (message === undefined || message === null || message === '') {
        continue;
      }
      errors.push(typeof message === 'string' ? message : `validator ${hookName(validator)} returned ${typeof message} instead of a message`);
    }
  }
  if (errors.length > 0) {
    notify(request.hooks.listeners, 'onValidationFailed', { ...event(request, manifest), errors: [...errors] });
  }
  return { manifest, errors: errors.map(oneLine), warnings: configurationWarnings(request.kind, manifest, request.sessionDeployment).map(oneLine) };
}

/**
 * Tells the listeners that a resource was rendered.
 */
export function notifyRendered(listeners: IFlinkResourceListener[], kind: FlinkResourceKind, source: string, manifest: any): void {
  notify(listeners, 'onRendered', event({ kind, source }, manifest));
}

function defaultErrors(request: PipelineRequest, manifest: any, context: FlinkHookContext): string[] {
  const { blueGreenDeploymentErrors, deploymentErrors, sessionJobErrors, stateSnapshotErrors } = defaultChecks();
  switch (request.kind) {
    case 'FlinkDeployment':
      return deploymentErrors(manifest, context);
    case 'FlinkSessionJob':
      return sessionJobErrors(manifest, request.sessionDeployment, context);
    case 'FlinkStateSnapshot':
      return stateSnapshotErrors(manifest, request.snapshotTarget, context, request.snapshotTarget === undefined && !request.snapshotTargetMissing);
    case 'FlinkBlueGreenDeployment':
      return blueGreenDeploymentErrors(manifest, context);
  }
}

/**
 * What one user validator says about the resource. A FlinkBlueGreenDeployment
 * is validated as the blue and green FlinkDeployments the operator creates
 * from it (each goes through the operator's webhook as a FlinkDeployment).
 */
function validatorMessages(validator: any, request: PipelineRequest, manifest: any, context: FlinkHookContext): unknown[] {
  switch (request.kind) {
    case 'FlinkDeployment':
      return [validator.validateDeployment(structuredClone(manifest), context)];
    case 'FlinkSessionJob':
      return [validator.validateSessionJob(structuredClone(manifest), structuredClone(request.sessionDeployment), context)];
    case 'FlinkStateSnapshot':
      return [validator.validateStateSnapshot(structuredClone(manifest), structuredClone(request.snapshotTarget), context)];
    case 'FlinkBlueGreenDeployment':
      return blueGreenChildren(manifest).map((child) => validator.validateDeployment(child, context));
  }
}

function mutate(mutator: IFlinkResourceMutator, request: PipelineRequest, manifest: any, context: FlinkHookContext): any {
  return request.kind === 'FlinkDeployment'
    ? mutator.mutateDeployment(manifest, context)
    : mutator.mutateSessionJob(manifest, structuredClone(request.sessionDeployment), context);
}

function callHook<T>(errors: string[], what: string, hook: object, call: () => T): T | undefined {
  try {
    return call();
  } catch (e) {
    errors.push(`${what} ${hookName(hook)} failed: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

function notify(listeners: IFlinkResourceListener[], method: keyof IFlinkResourceListener, e: FlinkResourceEvent): void {
  for (const listener of listeners) {
    const fn = (listener as any)[method];
    if (typeof fn !== 'function') {
      continue;
    }
    try {
      fn.call(listener, { ...e, manifest: structuredClone(e.manifest) });
    } catch (err) {
      throw new Error(`[${e.source}] listener ${hookName(listener)} failed in ${method}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

function event(request: { kind: FlinkResourceKind; source: string }, manifest: any): FlinkResourceEvent {
  const metadata = manifest?.metadata ?? {};
  return {
    source: request.source,
    kind: request.kind,
    name: String(metadata.name ?? ''),
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    manifest,
  };
}

function hookName(hook: object): string {
  const name = hook?.constructor?.name;
  return name && name !== 'Object' ? name : '(plain object)';
}

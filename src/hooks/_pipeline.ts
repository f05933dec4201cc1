import { sessionJobErrors, deploymentErrors } from './_default-checks';
import { FlinkHookContext } from './context';
import { DefaultMutator } from './default-mutator';
import { _ResolvedHooks } from './flink-hooks';
import { FlinkResourceEvent, IFlinkResourceListener } from './listener';
import { IFlinkResourceMutator } from './mutator';

/** The Flink resource kinds the hooks see. */
export type FlinkResourceKind = 'FlinkDeployment' | 'FlinkSessionJob';

/** One resource to run through the hooks. */
export interface PipelineRequest {
  readonly kind: FlinkResourceKind;
  /** The manifest as built (not changed by the pipeline). */
  readonly manifest: any;
  /** For a session job: the (already mutated) manifest of its session cluster, when known. */
  readonly sessionDeployment?: any;
  readonly hooks: _ResolvedHooks;
  /** Construct path or file name, for events and hook context. */
  readonly source: string;
}

/** The mutated manifest and every validation error. */
export interface PipelineResult {
  readonly manifest: any;
  readonly errors: string[];
}

const DEFAULT_MUTATOR = new DefaultMutator();

/**
 * Runs the mutators, then the validators, on one Flink resource, notifying
 * the listeners. Never throws because of a hook: a hook that throws or
 * returns something unusable becomes an error of the resource.
 */
export function runPipeline(request: PipelineRequest): PipelineResult {
  const context: FlinkHookContext = {
    operatorConfiguration: request.hooks.operatorConfiguration,
    source: request.source,
  };
  const errors: string[] = [];
  const mutators = request.hooks.defaultMutator ? [DEFAULT_MUTATOR, ...request.hooks.mutators] : request.hooks.mutators;

  let manifest = structuredClone(request.manifest);
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

  const session = request.sessionDeployment;
  if (request.hooks.defaultValidator) {
    errors.push(...(request.kind === 'FlinkDeployment'
      ? deploymentErrors(manifest, context)
      : sessionJobErrors(manifest, session, context)));
  }
  for (const validator of request.hooks.validators) {
    const message = callHook(errors, 'validator', validator, () => request.kind === 'FlinkDeployment'
      ? validator.validateDeployment(structuredClone(manifest), context)
      : validator.validateSessionJob(structuredClone(manifest), structuredClone(session), context));
    if (message === undefined || message === null || message === '') {
      continue;
    }
    errors.push(typeof message === 'string' ? message : `validator ${hookName(validator)} returned ${typeof message} instead of a message`);
  }
  if (errors.length > 0) {
    notify(request.hooks.listeners, 'onValidationFailed', { ...event(request, manifest), errors: [...errors] });
  }
  return { manifest, errors };
}

/**
 * Tells the listeners that a resource was rendered.
 */
export function notifyRendered(listeners: IFlinkResourceListener[], kind: FlinkResourceKind, source: string, manifest: any): void {
  notify(listeners, 'onRendered', event({ kind, source }, manifest));
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

import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './_usage-error';
import { IFlinkResourceListener } from '../hooks/listener';
import { IFlinkResourceMutator } from '../hooks/mutator';
import { IFlinkResourceValidator, IFlinkStateSnapshotValidator } from '../hooks/validator';

/** The hooks a set of plugin modules provides. */
export interface PluginHooks {
  readonly validators: IFlinkResourceValidator[];
  /** Validators of FlinkStateSnapshots: every export with `validateStateSnapshot`. */
  readonly stateSnapshotValidators: IFlinkStateSnapshotValidator[];
  readonly mutators: IFlinkResourceMutator[];
  readonly listeners: IFlinkResourceListener[];
}

const VALIDATOR_METHODS = ['validateDeployment', 'validateSessionJob'];
const MUTATOR_METHODS = ['mutateDeployment', 'mutateSessionJob'];
const SNAPSHOT_VALIDATOR_METHODS = ['validateStateSnapshot'];
const LISTENER_METHODS = ['onMutated', 'onValidationFailed', 'onRendered'];
const HOOK_METHODS = [...VALIDATOR_METHODS, ...SNAPSHOT_VALIDATOR_METHODS, ...MUTATOR_METHODS, ...LISTENER_METHODS];

/**
 * Loads plugin modules. A module may export hook objects, classes with a
 * no-argument constructor, or arrays of them, under any names (the default
 * export included); what an export is follows from its methods.
 */
export function loadPlugins(modules: string[], cwd: string): PluginHooks {
  const hooks = {
    validators: [] as IFlinkResourceValidator[],
    stateSnapshotValidators: [] as IFlinkStateSnapshotValidator[],
    mutators: [] as IFlinkResourceMutator[],
    listeners: [] as IFlinkResourceListener[],
  };
  for (const spec of modules) {
    const exported = requirePlugin(spec, cwd);
    const found = collect(spec, exported, hooks);
    if (found === 0) {
      throw new UsageError(`${spec}: exports no validator (validateDeployment, validateSessionJob; or validateStateSnapshot), mutator (mutateDeployment, mutateSessionJob) or listener`);
    }
  }
  return hooks;
}

function requirePlugin(spec: string, cwd: string): any {
  const local = path.resolve(cwd, spec);
  const target = fs.existsSync(local) ? local : spec;
  try {
    // Plugins are CommonJS modules named at run time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(require.resolve(target, { paths: [cwd] }));
  } catch (e) {
    throw new UsageError(`${spec}: cannot load plugin: ${((e as Error).message ?? String(e)).split('\n')[0]}`);
  }
}

type HookLists = { validators: any[]; stateSnapshotValidators: any[]; mutators: any[]; listeners: any[] };

function collect(spec: string, exported: any, hooks: HookLists): number {
  const candidates = exported !== null && typeof exported === 'object' && !hasAny(exported, HOOK_METHODS)
    ? Object.values(exported)
    : [exported];
  let found = 0;
  for (const candidate of candidates.flat()) {
    const hook = instantiate(spec, candidate);
    if (!hook) {
      continue;
    }
    if (hasAll(hook, VALIDATOR_METHODS)) {
      hooks.validators.push(hook);
      found++;
    }
    if (hasAll(hook, SNAPSHOT_VALIDATOR_METHODS)) {
      hooks.stateSnapshotValidators.push(hook);
      found++;
    }
    if (hasAll(hook, MUTATOR_METHODS)) {
      hooks.mutators.push(hook);
      found++;
    }
    if (hasAny(hook, LISTENER_METHODS)) {
      hooks.listeners.push(hook);
      found++;
    }
  }
  return found;
}

function instantiate(spec: string, candidate: any): any {
  if (typeof candidate === 'function' && candidate.prototype && hasAny(candidate.prototype, HOOK_METHODS)) {
    try {
      return new candidate();
    } catch (e) {
      throw new UsageError(`${spec}: cannot construct ${candidate.name}: ${(e as Error).message}`);
    }
  }
  return candidate !== null && typeof candidate === 'object' ? candidate : undefined;
}

function hasAll(o: any, methods: string[]): boolean {
  return methods.every((m) => typeof o?.[m] === 'function');
}

function hasAny(o: any, methods: string[]): boolean {
  return methods.some((m) => typeof o?.[m] === 'function');
}

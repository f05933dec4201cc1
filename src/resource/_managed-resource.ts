import { ApiObject, GroupVersionKind, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { withUpstreamField } from './_upstream-fields';
import { ArgoCdSyncWave } from '../argo-cd';
import type { PipelineResult } from '../hooks/_pipeline';
import { FlinkHooks } from '../hooks/flink-hooks';
import { IFlinkResourceListener } from '../hooks/listener';
import { describeKey, describeValue, oneLine } from '../manifest/_describe';
import type { FlinkResourceKind } from '../manifest/_fields';
import { jsonEquals } from '../manifest/_json';
import { SynthPass } from '../manifest/_synth-pass';
import { PropErrors } from '../props/_prop-errors';
import { CustomResourceRenderer } from '../render/_custom-resource';
import { ResourceRenderer } from '../render/_resource-renderer';

/**
 * What a Flink construct tells its managed resource.
 */
export interface ManagedResourceOptions {
  readonly kind: FlinkResourceKind;
  /** @default - `flink.apache.org/v1beta1` and `kind` */
  readonly gvk?: GroupVersionKind;
  readonly name: string;
  readonly namespace?: string;
  /** Builds the manifest from the construct's current props. */
  readonly build: () => any;
  /** The Argo CD sync wave of the resource. */
  readonly syncWave: ArgoCdSyncWave;
  /** The mutated manifest of the session cluster, for session jobs. */
  readonly sessionDeployment?: () => any;
  /** The mutated manifest of the referenced job, for state snapshots (`undefined`: defined elsewhere). */
  readonly snapshotTarget?: () => any;
  /** @default - the custom resource itself (the APACHE_OPERATOR backend) */
  readonly renderer?: ResourceRenderer;
  /** @default - the operator configuration of the hooks, unchanged */
  readonly operatorConfiguration?: (configured: { [key: string]: string } | undefined) => { [key: string]: string };
}

const MANAGED = new WeakMap<Construct, ManagedResource>();

let pipelineModule: typeof import('../hooks/_pipeline') | undefined;

/**
 * The hook pipeline (the built-in mutators, validators, the library's policy
 * and their data), loaded when the first resource is validated: requiring
 * the library or creating constructs does not load it.
 */
function hookPipeline(): typeof import('../hooks/_pipeline') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  pipelineModule ??= require('../hooks/_pipeline') as typeof import('../hooks/_pipeline');
  return pipelineModule;
}

const SYNCED_METADATA = ['labels', 'annotations'] as const;

/** A resource's result in one synth: the pipeline's, and the backend's rendering of the mutated manifest. */
export interface ResourceResult extends PipelineResult {
  /** The backend's rendering of the mutated manifest (`undefined` when there are errors). */
  readonly rendering?: any;
  /** The listeners of the resource's hooks. */
  readonly listeners: IFlinkResourceListener[];
}

/**
 * Ties a Flink construct's manifest to the hook pipeline and to the objects
 * that render it: once per synth (`SynthPass`) the manifest is built, passes
 * the pipeline and is rendered by the backend; its errors become the
 * construct's validation errors, and every object renders from that result.
 */
export class ManagedResource {
  /**
   * The managed resource of a Flink construct of this library, if it has one.
   */
  public static of(construct: Construct): ManagedResource | undefined {
    return MANAGED.get(construct);
  }

  /** The main rendered object (construct id `Resource`). */
  public readonly apiObject: ApiObject;
  /** Every rendered object, the main one first. */
  public readonly apiObjects: ApiObject[];
  private readonly renderer: ResourceRenderer;
  private readonly synced = { labels: new Set<string>(), annotations: new Set<string>() };

  constructor(private readonly owner: Construct, private readonly options: ManagedResourceOptions) {
    this.renderer = options.renderer ?? new CustomResourceRenderer(
      options.gvk ?? { apiVersion: 'flink.apache.org/v1beta1', kind: options.kind }, options.name, options.namespace, options.syncWave);
    this.apiObjects = this.renderer.createObjects(owner, {
      rendered: () => this.rendering(true),
      rendering: () => this.rendering(false),
      current: () => this.result().rendering,
    });
    this.apiObject = this.apiObjects[0];
    owner.node.addValidation({
      validate: () => {
        const result = this.result();
        reportWarnings(owner.node.path, result.warnings ?? []);
        return result.errors.map(oneLine);
      },
    });
    MANAGED.set(owner, this);
    SynthPass.changed(owner);
  }

  /**
   * Tells the backend about a change of the construct (`addFlinkConfiguration()`,
   * ...), so that objects the change needs are created now.
   */
  public changed(): void {
    SynthPass.changed(this.owner);
    this.renderer.update?.(this.options.build());
  }

  /** The result of the app as it is now (`SynthPass`). */
  public result(): ResourceResult {
    return SynthPass.of(this.owner).once(this, () => this.run());
  }

  private run(): ResourceResult {
    const hooks = FlinkHooks._resolve(this.owner);
    const built = this.options.build();
    const result = hookPipeline().runPipeline({
      kind: this.options.kind,
      manifest: built,
      sessionDeployment: this.options.sessionDeployment?.(),
      snapshotTarget: this.options.snapshotTarget?.(),
      hooks,
      source: this.owner.node.path,
      operatorConfiguration: this.options.operatorConfiguration,
    });
    const unrenderable = unrenderableKeys(result.manifest, '').map((field) => `${field}: the key "constructor" cannot be rendered (cdk8s reads it as the object's constructor); rename it`);
    // An upstream rule about one prop names the prop and the operator field too.
    const pipeline = result.errors.map((message) => withUpstreamField(this.options.kind, message));
    const errors = [...pipeline, ...unrenderable, ...this.syncMetadata(built, result.manifest)];
    const base = { manifest: result.manifest, warnings: result.warnings, listeners: hooks.listeners };
    if (errors.length > 0) {
      return { ...base, errors };
    }
    // The backend reads a manifest the validators accepted: it need not guard against garbage.
    const rendered = this.renderer.render(result.manifest);
    return rendered.errors.length > 0 ? { ...base, errors: rendered.errors } : { ...base, errors: [], rendering: rendered.rendering };
  }

  private rendering(notify: boolean): any {
    const result = this.result();
    const errors = [...PropErrors.linesOf(this.owner), ...result.errors];
    if (errors.length > 0) {
      throw new Error(`[${this.owner.node.path}] ${errors.join('; ')}`);
    }
    if (notify) {
      hookPipeline().notifyRendered(result.listeners, this.options.kind, this.owner.node.path, result.manifest);
    }
    return result.rendering;
  }

  /**
   * Carries labels and annotations of the mutated manifest onto the rendered
   * object (each key renders the current pipeline result, so a label a
   * mutator stops setting disappears); any other metadata change is an
   * error, since names and namespaces are fixed when the construct is created.
   */
  private syncMetadata(built: any, manifest: any): string[] {
    const before = built.metadata ?? {};
    const after = manifest?.metadata ?? {};
    const errors: string[] = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (!(SYNCED_METADATA as readonly string[]).includes(key) && !jsonEquals(before[key], after[key])) {
        errors.push(`metadata.${key}: mutators may change labels and annotations only, got ${describeValue(after[key])} instead of ${describeValue(before[key])}`);
      }
    }
    for (const field of SYNCED_METADATA) {
      for (const key of Object.keys(after[field] ?? {})) {
        if (this.synced[field].has(key)) {
          continue;
        }
        this.synced[field].add(key);
        const value = Lazy.any({ produce: () => this.result().manifest?.metadata?.[field]?.[key] }) as unknown as string;
        for (const apiObject of this.apiObjects) {
          if (field === 'labels') {
            apiObject.metadata.addLabel(key, value);
          } else {
            apiObject.metadata.addAnnotation(key, value);
          }
        }
      }
    }
    return errors;
  }
}

/**
 * Applies a change of a construct (`addFlinkConfiguration()`, ...): a wrong
 * argument is recorded as a prop error and changes nothing; an applied
 * change is told to the construct's managed resource, if it renders.
 *
 * @param owner the construct
 * @param managed its managed resource (`undefined`: it renders nothing)
 * @param apply the change
 */
export function applyChange(owner: Construct, managed: ManagedResource | undefined, apply: () => void): void {
  if (PropErrors.of(owner).run(() => {
    apply();
    return true;
  })) {
    managed?.changed();
  }
}

/** Warnings already printed in this process, so a validation run twice prints each once. */
const REPORTED = new Set<string>();

/**
 * Prints warnings on stderr at synth (cdk8s has no warning channel of its
 * own); `cdk8s-flink validate` reports the same warnings, and makes them
 * errors with `--strict`.
 */
function reportWarnings(path: string, warnings: readonly string[]): void {
  for (const warning of warnings) {
    const line = `Warning: [${path}] ${warning}`;
    if (!REPORTED.has(line)) {
      REPORTED.add(line);
      process.stderr.write(line + '\n');
    }
  }
}

/**
 * The fields of a manifest that cdk8s cannot render: a map key named
 * `constructor` (a valid label or configuration key) makes cdk8s' output
 * sanitizer fail deep inside serialization, so it is reported up front.
 */
function unrenderableKeys(value: unknown, path: string): string[] {
  return hasConstructorKey(value) ? constructorKeyPaths(value, path) : [];
}

/** Whether a `constructor` key occurs anywhere in a value (the common answer, no, without building paths). */
function hasConstructorKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  if (Array.isArray(value)) {
    return value.some(hasConstructorKey);
  }
  for (const key of Object.keys(value)) {
    if (key === 'constructor' || hasConstructorKey((value as Record<string, unknown>)[key])) {
      return true;
    }
  }
  return false;
}

function constructorKeyPaths(value: unknown, path: string): string[] {
  if (value === null || typeof value !== 'object') {
    return [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => constructorKeyPaths(item, `${path}[${i}]`));
  }
  return Object.keys(value).flatMap((key) => {
    const at = path ? `${path}.${describeKey(key)}` : describeKey(key);
    return key === 'constructor' ? [at] : constructorKeyPaths((value as Record<string, unknown>)[key], at);
  });
}

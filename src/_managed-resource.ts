import { ApiObject, GroupVersionKind, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { describeKey, describeValue, oneLine } from './_describe';
import { jsonEquals } from './_json';
import { ArgoCd, ArgoCdSyncOption, ArgoCdSyncWave } from './argo-cd';
import { FlinkResourceKind, notifyRendered, PipelineResult, runPipeline } from './hooks/_pipeline';
import { FlinkHooks } from './hooks/flink-hooks';

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
}

const MANAGED = new WeakMap<Construct, ManagedResource>();

const SYNCED_METADATA = ['labels', 'annotations'] as const;

/**
 * Ties a Flink construct's manifest to the hook pipeline and to the `Resource`
 * ApiObject that renders it: the pipeline runs once (again after a change)
 * during validation, its errors become the construct's validation errors,
 * and the mutated manifest is what the `Resource` renders.
 */
export class ManagedResource {
  /**
   * The managed resource of a Flink construct of this library, if it has one.
   */
  public static of(construct: Construct): ManagedResource | undefined {
    return MANAGED.get(construct);
  }

  /** The rendered object (construct id `Resource`). */
  public readonly apiObject: ApiObject;
  private cached?: PipelineResult;
  private cachedFor = -1;
  private readonly synced = { labels: new Set<string>(), annotations: new Set<string>() };

  constructor(private readonly owner: Construct, private readonly options: ManagedResourceOptions) {
    this.apiObject = new ApiObject(owner, 'Resource', {
      ...(options.gvk ?? { apiVersion: 'flink.apache.org/v1beta1', kind: options.kind }),
      metadata: { name: options.name, namespace: options.namespace },
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
    // The CRD may be created in the same sync: do not fail its dry run.
    ArgoCd._annotate(this.apiObject, options.syncWave, [ArgoCdSyncOption.SKIP_DRY_RUN_ON_MISSING_RESOURCE]);
    owner.node.addValidation({ validate: () => this.result().errors.map(oneLine) });
    MANAGED.set(owner, this);
  }

  /** Forgets the pipeline result, after the construct changed. */
  public invalidate(): void {
    this.cached = undefined;
  }

  /** The pipeline result for the current props. */
  public result(): PipelineResult {
    if (!this.cached || this.cachedFor !== FlinkHooks._version) {
      this.cachedFor = FlinkHooks._version;
      const hooks = FlinkHooks._resolve(this.owner);
      const built = this.options.build();
      const result = runPipeline({
        kind: this.options.kind,
        manifest: built,
        sessionDeployment: this.options.sessionDeployment?.(),
        snapshotTarget: this.options.snapshotTarget?.(),
        hooks,
        source: this.owner.node.path,
      });
      const unrenderable = unrenderableKeys(result.manifest, '').map((field) => `${field}: the key "constructor" cannot be rendered (cdk8s reads it as the object's constructor); rename it`);
      this.cached = { manifest: result.manifest, errors: [...result.errors, ...unrenderable, ...this.syncMetadata(built, result.manifest)] };
    }
    return this.cached;
  }

  private renderSpec(): any {
    const result = this.result();
    if (result.errors.length > 0) {
      throw new Error(`[${this.owner.node.path}] ${result.errors.join('; ')}`);
    }
    notifyRendered(FlinkHooks._resolve(this.owner).listeners, this.options.kind, this.owner.node.path, result.manifest);
    return result.manifest.spec;
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
        if (field === 'labels') {
          this.apiObject.metadata.addLabel(key, value);
        } else {
          this.apiObject.metadata.addAnnotation(key, value);
        }
      }
    }
    return errors;
  }
}

/**
 * The fields of a manifest that cdk8s cannot render: a map key named
 * `constructor` (a valid label or configuration key) makes cdk8s' output
 * sanitizer fail deep inside serialization, so it is reported up front.
 */
function unrenderableKeys(value: unknown, path: string): string[] {
  if (value === null || typeof value !== 'object') {
    return [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => unrenderableKeys(item, `${path}[${i}]`));
  }
  return Object.keys(value).flatMap((key) => {
    const at = path ? `${path}.${describeKey(key)}` : describeKey(key);
    return key === 'constructor' ? [at] : unrenderableKeys((value as Record<string, unknown>)[key], at);
  });
}

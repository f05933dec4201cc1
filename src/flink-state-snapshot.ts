import { Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { ArgoCdSyncWave } from './argo-cd';
import { FlinkBackend } from './flink-backend';
import type { IFlinkDeployment } from './flink-deployment-reference';
import type { FlinkJobOptions } from './flink-job';
import { FlinkResourceMetadataOptions } from './flink-resource-metadata';
import type { IFlinkSessionJob } from './flink-session-job-reference';
import { describeValue } from './manifest/_describe';
import { renderMetadata } from './manifest/_ir';
import { cleanJson } from './manifest/_json';
import { resourceNameFromId } from './manifest/_naming';
import { checkBoolean, checkInteger, checkMetadataOptions, checkString, fail, PropErrors, reject } from './props/_checks';
import { ManagedResource } from './resource/_managed-resource';

/**
 * What a `FlinkStateSnapshot` takes.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/snapshots/
 */
export enum SnapshotType {
  /** A savepoint: owned by the user, portable, used for upgrades and forks (`spec.savepoint`). */
  SAVEPOINT = 'savepoint',
  /** A checkpoint: owned by Flink, which may delete it any time after it is taken (`spec.checkpoint`). */
  CHECKPOINT = 'checkpoint',
}

/**
 * The format of a savepoint.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/ops/state/savepoints/#savepoint-format
 */
export enum SavepointFormat {
  /** Flink's state-backend independent format: a job may switch state backends when restoring. */
  CANONICAL = 'CANONICAL',
  /** The state backend's own format: faster to take and restore, tied to that state backend. */
  NATIVE = 'NATIVE',
}

/**
 * The kinds of Flink resources a snapshot can be taken of.
 */
export enum FlinkJobKind {
  /** An application cluster (`FlinkDeployment` with a job). */
  FLINK_DEPLOYMENT = 'FlinkDeployment',
  /** A job on a session cluster (`FlinkSessionJob`). */
  FLINK_SESSION_JOB = 'FlinkSessionJob',
}

/**
 * The job a `FlinkStateSnapshot` is taken of (`spec.jobReference`): a
 * `FlinkDeployment` running a job, or a `FlinkSessionJob`. When it is a
 * construct of the same app, the validators see its manifest.
 */
export class FlinkJobReference {
  /**
   * The job of an application cluster.
   *
   * @param deployment a FlinkDeployment with a job, or `FlinkDeployment.fromName()`
   */
  public static fromDeployment(deployment: IFlinkDeployment): FlinkJobReference {
    if (!deployment || typeof deployment.resourceName !== 'string') {
      return FlinkJobReference.invalid(`must be FlinkJobReference.fromDeployment(d) of a FlinkDeployment or FlinkDeployment.fromName(...), got ${describeValue(deployment)}`);
    }
    if ((deployment as { isSessionCluster?: boolean }).isSessionCluster === true) {
      return FlinkJobReference.invalid(`'${deployment.resourceName}' is a session cluster and has no job to snapshot; snapshot one of its FlinkSessionJobs instead`);
    }
    return new FlinkJobReference(FlinkJobKind.FLINK_DEPLOYMENT, deployment.resourceName, deployment.namespace, deployment,
      operatorOnly(deployment.backend, deployment.resourceName));
  }

  /**
   * A job on a session cluster.
   *
   * @param sessionJob a FlinkSessionJob of this app
   */
  public static fromSessionJob(sessionJob: IFlinkSessionJob): FlinkJobReference {
    if (!sessionJob || typeof sessionJob.resourceName !== 'string') {
      return FlinkJobReference.invalid(`must be FlinkJobReference.fromSessionJob(j) of a FlinkSessionJob, got ${describeValue(sessionJob)}`);
    }
    return new FlinkJobReference(FlinkJobKind.FLINK_SESSION_JOB, sessionJob.resourceName, sessionJob.namespace, sessionJob,
      operatorOnly(sessionJob.backend, sessionJob.resourceName));
  }

  /**
   * A FlinkSessionJob defined elsewhere, by name. Checks that need its spec
   * are skipped.
   *
   * @param name `metadata.name` of the FlinkSessionJob
   * @param namespace `metadata.namespace` of the FlinkSessionJob (default: the snapshot's)
   */
  public static fromSessionJobName(name: string, namespace?: string): FlinkJobReference {
    if (typeof name !== 'string' || name.trim() === '') {
      return FlinkJobReference.invalid(`must be FlinkJobReference.fromSessionJobName(name) with a non-empty FlinkSessionJob name, got ${describeValue(name)}`);
    }
    return new FlinkJobReference(FlinkJobKind.FLINK_SESSION_JOB, name, namespace);
  }

  /** A reference that cannot be taken: the snapshot that uses it reports the problem at synth as its `job` prop. */
  private static invalid(detail: string): FlinkJobReference {
    return new FlinkJobReference(FlinkJobKind.FLINK_DEPLOYMENT, '', undefined, undefined, detail);
  }

  private constructor(
    /** The kind of the referenced resource. */
    public readonly kind: FlinkJobKind,
    /** `metadata.name` of the referenced resource. */
    public readonly name: string,
    /**
     * `metadata.namespace` of the referenced resource; a snapshot must be in it.
     *
     * @default - the snapshot's namespace
     */
    public readonly namespace?: string,
    private readonly construct?: IConstruct,
    private readonly problem?: string,
  ) {}

  /**
   * Throws the prop error of a reference that cannot be taken (reported at
   * synth by the snapshot that uses it).
   * @internal
   */
  public _check(): void {
    if (this.problem !== undefined) {
      reject('job', this.problem);
    }
  }

  /**
   * The referenced resource's manifest as the validators saw it, when it is
   * a construct of this app.
   * @internal
   */
  public _manifest(): any {
    return this.construct ? ManagedResource.of(this.construct as Construct)?.result().manifest : undefined;
  }
}

/**
 * Options of a checkpoint, e.g. for `FlinkDeployment.addCheckpoint()`.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/reference/#flinkstatesnapshotspec
 */
export interface FlinkCheckpointOptions extends FlinkResourceMetadataOptions {
  /**
   * How often the operator retries a failed snapshot before marking it
   * `FAILED`: `-1` without limit, `0` never.
   *
   * @default - the operator's default, -1 (no limit)
   */
  readonly backoffLimit?: number;
}

/**
 * Options of a savepoint, e.g. for `FlinkDeployment.addSavepoint()`.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/reference/#savepointspec
 */
export interface FlinkSavepointOptions extends FlinkCheckpointOptions {
  /**
   * Where the savepoint is written, or with `alreadyExists` where it is.
   *
   * @default - the job's savepoint directory (`execution.checkpointing.savepoint-dir`)
   */
  readonly path?: string;

  /**
   * The savepoint format.
   *
   * @default - the operator's default, `SavepointFormat.CANONICAL`
   */
  readonly format?: SavepointFormat;

  /**
   * Whether the operator disposes of the savepoint's data when this
   * resource is deleted (the job must be running then).
   *
   * @default - the operator's default, true
   */
  readonly disposeOnDelete?: boolean;

  /**
   * The savepoint exists at `path` already (e.g. from another cluster); the
   * operator only records it as completed, so no job reference is needed.
   *
   * @default - the operator's default, false (the operator triggers the savepoint)
   */
  readonly alreadyExists?: boolean;
}

/**
 * Properties of a `FlinkStateSnapshot`.
 */
export interface FlinkStateSnapshotProps extends FlinkSavepointOptions {
  /**
   * Savepoint or checkpoint. The savepoint options apply to savepoints only.
   *
   * @default SnapshotType.SAVEPOINT
   */
  readonly type?: SnapshotType;

  /**
   * The job to snapshot.
   *
   * @default - none, which only an existing savepoint (`alreadyExists`) may omit
   */
  readonly job?: FlinkJobReference;
}

const SAVEPOINT_ONLY = ['path', 'format', 'disposeOnDelete', 'alreadyExists'] as const;

/**
 * A savepoint or checkpoint as a Kubernetes resource
 * (`flink.apache.org/v1beta1` `FlinkStateSnapshot`): the operator triggers
 * it for the referenced job and records its path in the status, or, with
 * `alreadyExists`, records an existing savepoint.
 *
 * The manifest passes the validator hooks at synth time (snapshot
 * validators: `FlinkHooks.addStateSnapshotValidator()`); the rendered
 * object is the child `Resource`.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/snapshots/
 *
 * @example
 * const deployment = new FlinkDeployment(chart, 'wordcount', {
 *   image: 'flink:2.2',
 *   flinkVersion: FlinkVersion.V2_2,
 *   job: { jarUri: 'local:///opt/flink/examples/streaming/StateMachineExample.jar', parallelism: 2 },
 * });
 * deployment.addSavepoint('before-upgrade', { backoffLimit: 0 });
 */
export class FlinkStateSnapshot extends Construct {
  /**
   * The job options with `initialSavepointPath` set to an existing
   * savepoint, to start a job from it.
   *
   * A snapshot that cannot be restored from (not an existing savepoint
   * with a `path`), or job options that already start from another
   * savepoint, are an error at synth (reported on the snapshot, as
   * `restoreFrom`); the job options are then returned unchanged.
   *
   * @param snapshot a savepoint with `alreadyExists` and a `path`
   * @param job the job options
   */
  public static restoreFrom(snapshot: FlinkStateSnapshot, job: FlinkJobOptions): FlinkJobOptions {
    const path = PropErrors.of(snapshot).run(() => {
      if (!snapshot.restorable) {
        reject('restoreFrom', snapshot.notRestorable());
      }
      if (job.initialSavepointPath !== undefined && job.initialSavepointPath !== snapshot.path) {
        reject('restoreFrom', `'job.initialSavepointPath' is already ${describeValue(job.initialSavepointPath)}; refusing to replace it with ${describeValue(snapshot.path)}`);
      }
      return snapshot.path;
    });
    return path === undefined ? job : { ...job, initialSavepointPath: path };
  }

  /** `metadata.name` of the FlinkStateSnapshot. */
  public readonly resourceName: string;
  /**
   * `metadata.namespace` of the FlinkStateSnapshot.
   *
   * @default - no namespace (the one of the kubectl context / Argo CD application)
   */
  public readonly namespace?: string;
  /** Savepoint or checkpoint. */
  public readonly type: SnapshotType;
  /**
   * The job the snapshot is taken of.
   *
   * @default - none (an existing savepoint)
   */
  public readonly job?: FlinkJobReference;
  /**
   * The savepoint's path as given.
   *
   * @default - the job's savepoint directory
   */
  public readonly path?: string;
  /** Whether this records an existing savepoint. */
  public readonly alreadyExists: boolean;

  private readonly props: FlinkStateSnapshotProps;

  /**
   * @param scope the parent construct
   * @param id the construct id; the default resource name derives from it
   * @param props the snapshot's properties
   */
  public constructor(scope: Construct, id: string, props: FlinkStateSnapshotProps = {}) {
    super(scope, id);
    const errors = PropErrors.of(this);
    const type = props.type ?? SnapshotType.SAVEPOINT;
    const job: unknown = props.job;
    this.props = props;
    this.type = type;
    this.job = job instanceof FlinkJobReference ? job : undefined;
    this.path = props.path;
    this.alreadyExists = props.alreadyExists === true;
    this.resourceName = typeof props.name === 'string' ? props.name : resourceNameFromId(id);
    this.namespace = (typeof props.namespace === 'string' ? props.namespace : undefined) ?? this.job?.namespace ?? Chart.of(this).namespace;
    const checked = errors.check(
      () => checkMetadataOptions(props),
      () => {
        if (!Object.values(SnapshotType).includes(type)) {
          fail('type', 'a SnapshotType', type);
        }
      },
      () => {
        if (job !== undefined && !(job instanceof FlinkJobReference)) {
          fail('job', 'a FlinkJobReference (e.g. FlinkJobReference.fromDeployment(d))', job);
        }
        this.job?._check();
      },
      ...SAVEPOINT_ONLY.map((field) => () => {
        if (type === SnapshotType.CHECKPOINT && props[field] !== undefined) {
          reject(field, `applies to savepoints only, got ${describeValue(props[field])} on a checkpoint`);
        }
      }),
      () => {
        if (props.format !== undefined && !Object.values(SavepointFormat).includes(props.format)) {
          fail('format', 'a SavepointFormat', props.format);
        }
      },
      () => {
        if (props.alreadyExists === true && (typeof props.path !== 'string' || props.path.trim() === '')) {
          reject('path', `must name the existing savepoint when 'alreadyExists' is true, got ${describeValue(props.path)}`);
        }
      },
      () => checkBoolean('disposeOnDelete', props.disposeOnDelete),
      () => checkBoolean('alreadyExists', props.alreadyExists),
      () => checkString('path', props.path),
      () => checkInteger('backoffLimit', props.backoffLimit, -1),
      () => {
        if (this.job?.namespace !== undefined && this.namespace !== this.job.namespace) {
          fail('namespace', `the namespace of the job's ${this.job.kind} ${describeValue(this.job.namespace)}`, this.namespace);
        }
      },
    );
    if (!checked) {
      errors.renderNothing();
      return;
    }

    new ManagedResource(this, {
      kind: 'FlinkStateSnapshot',
      name: this.resourceName,
      namespace: this.namespace,
      build: () => this.buildManifest(),
      syncWave: ArgoCdSyncWave.JOBS,
      snapshotTarget: () => this.job?._manifest(),
    });
  }

  /**
   * The path to start a job from this snapshot (`job.initialSavepointPath`).
   * Known at synth only for an existing savepoint (`alreadyExists` with a
   * `path`): the path of a snapshot the operator takes is recorded in its
   * status (`status.path`) when it completes.
   *
   * @throws if this is not an existing savepoint
   */
  public get initialSavepointPath(): string {
    if (!this.restorable) {
      throw new Error(this.notRestorable());
    }
    return this.path!;
  }

  /** Whether the path to start a job from is known at synth (an existing savepoint with a `path`). */
  private get restorable(): boolean {
    return this.type === SnapshotType.SAVEPOINT && this.alreadyExists && this.path !== undefined;
  }

  private notRestorable(): string {
    return `'${this.resourceName}' has no path known at synth: only a savepoint with 'alreadyExists: true' and a 'path' can be restored from; `
      + 'the path of a snapshot the operator takes is in its status.path once completed';
  }

  private buildManifest(): any {
    const p = this.props;
    return cleanJson({
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkStateSnapshot',
      metadata: renderMetadata(this.resourceName, this.namespace, p),
      spec: {
        backoffLimit: p.backoffLimit,
        jobReference: this.job ? { kind: this.job.kind, name: this.job.name } : undefined,
        savepoint: this.type === SnapshotType.SAVEPOINT
          ? { alreadyExists: p.alreadyExists, disposeOnDelete: p.disposeOnDelete, formatType: p.format, path: p.path }
          : undefined,
        checkpoint: this.type === SnapshotType.CHECKPOINT ? {} : undefined,
      },
    });
  }
}

/** FlinkStateSnapshots are taken by the Apache operator: a job rendered for another backend has no one to take them. */
function operatorOnly(backend: FlinkBackend | undefined, name: string): string | undefined {
  return backend !== undefined && backend !== FlinkBackend.APACHE_OPERATOR
    ? `'${name}' is rendered by the FlinkBackend.${backendName(backend)} backend: FlinkStateSnapshots need FlinkBackend.APACHE_OPERATOR (the Apache operator takes them)`
    : undefined;
}

function backendName(backend: FlinkBackend): string {
  return Object.entries(FlinkBackend).find(([, v]) => v === backend)?.[0] ?? String(backend);
}

import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ArgoCdSyncWave } from './argo-cd';
import { DeploymentMode } from './deployment-mode';
import { FlinkBackend } from './flink-backend';
import { FlinkDeploymentProps } from './flink-deployment-props';
import { IFlinkDeployment } from './flink-deployment-reference';
import { FlinkSessionJob, FlinkSessionJobOptions } from './flink-session-job';
import { FlinkCheckpointOptions, FlinkJobReference, FlinkSavepointOptions, FlinkStateSnapshot, SnapshotType } from './flink-state-snapshot';
import { FlinkVersion } from './flink-version';
import { renderMetadata } from './manifest/_ir';
import { cleanJson } from './manifest/_json';
import { resourceNameFromId } from './manifest/_naming';
import { PodSecurity } from './pod-security';
import { checkedParts, checkEnum, checkMetadataOptions, PropErrors, reject } from './props/_checks';
import { ResourceRenderer } from './render/_resource-renderer';
import { DeploymentSpec } from './resource/_deployment-spec';
import { applyChange, ManagedResource } from './resource/_managed-resource';

/**
 * A Flink cluster managed by the Flink Kubernetes Operator
 * (`flink.apache.org/v1beta1` `FlinkDeployment`): an application cluster
 * running one job when `job` is given, a session cluster otherwise.
 *
 * The manifest passes the mutator and validator hooks (`FlinkHooks`) at
 * synth time; the rendered YAML is the mutated manifest. The rendered object
 * is the child `Resource`, so `ApiObject.of(deployment)` reaches it for JSON
 * patches.
 *
 * @example
 * new FlinkDeployment(chart, 'wordcount', {
 *   image: 'flink:2.2',
 *   flinkVersion: FlinkVersion.V2_2,
 *   jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
 *   taskManager: { memory: Size.mebibytes(2048), cpu: 1 },
 *   job: { jarUri: 'local:///opt/flink/examples/streaming/StateMachineExample.jar', parallelism: 2 },
 * });
 */
export class FlinkDeployment extends Construct implements IFlinkDeployment {
  /**
   * A FlinkDeployment defined elsewhere (another app, or by hand), as a
   * target for session jobs. Checks that need its spec are skipped.
   *
   * @param scope the scope of the reference
   * @param id the id of the reference
   * @param name `metadata.name` of the FlinkDeployment
   * @param namespace `metadata.namespace` of the FlinkDeployment (default: none)
   */
  public static fromName(scope: Construct, id: string, name: string, namespace?: string): IFlinkDeployment {
    return new ImportedFlinkDeployment(scope, id, name, namespace);
  }

  /** `metadata.name` of the FlinkDeployment. */
  public readonly resourceName: string;
  /**
   * `metadata.namespace` of the FlinkDeployment.
   *
   * @default - no namespace (the one of the kubectl context / Argo CD application)
   */
  public readonly namespace?: string;
  /**
   * Name of the Service of the Flink REST API and web UI (port 8081):
   * `<name>-rest`, or `<name>-jobmanager` with `FlinkBackend.SPOTIFY_OPERATOR`.
   */
  public readonly restServiceName: string;
  /**
   * What the deployment renders to.
   *
   * @default FlinkBackend.APACHE_OPERATOR
   */
  public readonly backend?: FlinkBackend;
  /** Flink image of the cluster. */
  public readonly image: string;
  /** Flink version of the cluster. */
  public readonly flinkVersion: FlinkVersion;
  /** Service account of the Flink pods. */
  public readonly serviceAccount: string;
  /**
   * Deployment mode.
   *
   * @default - the operator's default (native)
   */
  public readonly mode?: DeploymentMode;
  /** Whether this is a session cluster (no job of its own). */
  public readonly isSessionCluster: boolean;
  /** Security defaults and checks of the Flink pods. */
  public readonly podSecurity: PodSecurity;

  private readonly props: FlinkDeploymentProps;
  private readonly errors: PropErrors;
  /** `undefined` when the props are too wrong to build a spec from (the errors are reported at synth). */
  private readonly spec?: DeploymentSpec;
  /** `undefined` when nothing is rendered (see `spec`). */
  private readonly managed?: ManagedResource;

  /**
   * @param scope the parent construct
   * @param id the construct id; the default resource name derives from it
   * @param props the FlinkDeployment's properties
   */
  public constructor(scope: Construct, id: string, props: FlinkDeploymentProps) {
    super(scope, id);
    this.errors = PropErrors.of(this);
    this.props = props;
    const given: unknown = props.backend;
    const backend = Object.values(FlinkBackend).includes(given as FlinkBackend) ? given as FlinkBackend : FlinkBackend.APACHE_OPERATOR;
    this.backend = backend;
    this.resourceName = typeof props.name === 'string' ? props.name : resourceNameFromId(id);
    this.namespace = typeof props.namespace === 'string' ? props.namespace : Chart.of(this).namespace;
    this.restServiceName = this.backend === FlinkBackend.SPOTIFY_OPERATOR ? `${this.resourceName}-jobmanager` : `${this.resourceName}-rest`;
    this.image = props.image;
    this.flinkVersion = props.flinkVersion;
    this.mode = props.mode;
    this.isSessionCluster = props.job === undefined;
    this.spec = this.errors.run(() => checkedParts({
      metadata: () => checkMetadataOptions(props),
      backend: () => checkEnum('backend', props.backend, FlinkBackend),
      podSecurity: () => {
        if (backend === FlinkBackend.SPOTIFY_OPERATOR && (props.podSecurity ?? PodSecurity.RESTRICTED) === PodSecurity.RESTRICTED) {
          reject('podSecurity', 'must be PodSecurity.CUSTOM with FlinkBackend.SPOTIFY_OPERATOR, got PodSecurity.RESTRICTED: '
            + 'the FlinkCluster has no securityContext for its JobManager, TaskManager and job submitter containers, so they cannot drop '
            + 'capabilities or forbid privilege escalation as Pod Security "restricted" requires; run the namespace at Pod Security "baseline" '
            + 'and set pod-level settings (runAsNonRoot, seccompProfile) in podTemplate');
        }
      },
      spec: () => new DeploymentSpec(props, backend === FlinkBackend.KUBERNETES ? this.resourceName : undefined),
    }).spec);
    this.serviceAccount = this.spec?.serviceAccount ?? props.serviceAccount ?? 'flink';
    this.podSecurity = this.spec?.podSecurity ?? PodSecurity.RESTRICTED;
    // The backend's renderer reads the manifest once; a manifest it cannot express is a prop error too.
    const renderer = this.spec && this.errors.run(() => ({ backend: deploymentRenderer(backend, () => this.buildManifest(), props) }));
    if (!this.spec || !renderer) {
      this.errors.renderNothing();
      return;
    }
    this.spec.addSettingValidation(this);
    this.managed = new ManagedResource(this, {
      kind: 'FlinkDeployment',
      gvk: { apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkDeployment' },
      name: this.resourceName,
      namespace: this.namespace,
      build: () => this.buildManifest(),
      syncWave: ArgoCdSyncWave.CLUSTERS,
      renderer: renderer.backend,
    });
  }

  /**
   * Adds a Flink configuration entry. Nested keys may be given flat
   * (`state.checkpoints.dir`).
   *
   * @param key the configuration key
   * @param value a string, number, boolean, list or map
   * A key already set to a different value is an error at synth.
   */
  public addFlinkConfiguration(key: string, value: any): void {
    this.change((spec) => spec.flinkConfiguration.add(key, value));
  }

  /**
   * Adds an environment variable to `flink-main-container` (in
   * `spec.podTemplate`, so in the JobManager and TaskManager pods) whose
   * value is read from a key of a Secret (`valueFrom.secretKeyRef`). This is
   * how credentials reach Flink without being written into the manifest:
   * the code or plugin that needs one reads the variable, e.g.
   * `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` for the S3 file systems or
   * a variable the job's code reads. Flink does not expand `${NAME}` in its
   * configuration, so the variable is not a value for `flinkConfiguration`.
   *
   * @param name the environment variable, e.g. `AWS_SECRET_ACCESS_KEY`
   * @param secretName the Secret, in the deployment's namespace
   * @param key the key of the Secret's data
   * A malformed name, or one already set (by this method or by the pod
   * template), is an error at synth.
   */
  public addSecretEnv(name: string, secretName: string, key: string): void {
    this.change((spec) => spec.secretEnv.add(name, secretName, key));
  }

  /**
   * Allows a `flinkConfiguration` key that looks like a credential to hold a
   * literal value (e.g. the keystore password of a test certificate).
   *
   * @param key the flattened configuration key, e.g. `security.ssl.rest.keystore-password`
   */
  public allowPlaintextConfiguration(key: string): void {
    this.change((spec) => spec.credentials.allow(key));
  }

  /**
   * Adds a logging configuration file.
   *
   * @param file the file name, e.g. `log4j-console.properties`
   * @param content the file's content
   * A file already set to a different content is an error at synth.
   */
  public addLogConfiguration(file: string, content: string): void {
    this.change((spec) => spec.logConfiguration.add(file, content));
  }

  /**
   * Adds a `FlinkSessionJob` that runs on this session cluster, in its
   * namespace.
   *
   * @param id the construct id of the session job (a child of this deployment)
   * @param options the session job's options
   */
  public addSessionJob(id: string, options: FlinkSessionJobOptions): FlinkSessionJob {
    return new FlinkSessionJob(this, id, { ...options, deployment: this });
  }

  /**
   * Adds a `FlinkStateSnapshot` that takes a savepoint of this deployment's
   * job, in its namespace.
   *
   * @param id the construct id of the snapshot (a child of this deployment)
   * @param options the savepoint's options
   */
  public addSavepoint(id: string, options: FlinkSavepointOptions = {}): FlinkStateSnapshot {
    return new FlinkStateSnapshot(this, id, { ...options, job: FlinkJobReference.fromDeployment(this) });
  }

  /**
   * Adds a `FlinkStateSnapshot` that triggers a checkpoint of this
   * deployment's job, in its namespace.
   *
   * @param id the construct id of the snapshot (a child of this deployment)
   * @param options the checkpoint's options
   */
  public addCheckpoint(id: string, options: FlinkCheckpointOptions = {}): FlinkStateSnapshot {
    return new FlinkStateSnapshot(this, id, { ...options, type: SnapshotType.CHECKPOINT, job: FlinkJobReference.fromDeployment(this) });
  }

  /**
   * The manifest after the mutators, as the validators saw it and as it is
   * rendered.
   * @internal
   */
  public _mutatedManifest(): any {
    return this.managed?.result().manifest;
  }

  /** Applies a change to the spec; a wrong argument is recorded as a prop error and changes nothing. */
  private change(apply: (spec: DeploymentSpec) => void): void {
    const spec = this.spec;
    if (spec) {
      applyChange(this, this.managed, () => apply(spec));
    }
  }

  /** The manifest from the current props. */
  private buildManifest(): any {
    return cleanJson({
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkDeployment',
      metadata: renderMetadata(this.resourceName, this.namespace, this.props, this.spec!.policyAnnotations()),
      spec: this.spec!.toJson(),
    });
  }
}

/**
 * A FlinkDeployment known only by name.
 */
class ImportedFlinkDeployment extends Construct implements IFlinkDeployment {
  public readonly restServiceName: string;

  constructor(scope: Construct, id: string, public readonly resourceName: string, public readonly namespace?: string) {
    super(scope, id);
    this.restServiceName = `${resourceName}-rest`;
  }
}

/**
 * The renderer of a FlinkDeployment's backend (`undefined`: the custom
 * resource itself). A backend's module is loaded when an app first uses it.
 */
function deploymentRenderer(backend: FlinkBackend, build: () => any, props: FlinkDeploymentProps): ResourceRenderer | undefined {
  switch (backend) {
    case FlinkBackend.KUBERNETES: {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { StandaloneClusterRenderer } = require('./render/kubernetes/standalone-cluster-renderer') as typeof import('./render/kubernetes/standalone-cluster-renderer');
      return new StandaloneClusterRenderer(build(), { renderServiceAccount: props.serviceAccount === undefined });
    }
    case FlinkBackend.SPOTIFY_OPERATOR: {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { FlinkClusterRenderer } = require('./render/spotify/flink-cluster-renderer') as typeof import('./render/spotify/flink-cluster-renderer');
      const built = build();
      return new FlinkClusterRenderer(built.metadata.name, built.metadata.namespace);
    }
    default:
      return undefined;
  }
}

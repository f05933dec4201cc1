import { Chart } from 'cdk8s';
import { ImagePullPolicy, k8s } from 'cdk8s-plus-27';
import { Construct, IConstruct } from 'constructs';
import { DeploymentSpec } from './_deployment-spec';
import { renderMetadata } from './_ir';
import { cleanJson } from './_json';
import { ManagedResource } from './_managed-resource';
import { resourceNameFromId } from './_naming';
import { ArgoCdSyncWave } from './argo-cd';
import { FlinkIngressOptions } from './flink-ingress';
import { FlinkJobOptions } from './flink-job';
import { JobManagerOptions, TaskManagerOptions } from './flink-process';
import { FlinkResourceMetadataOptions } from './flink-resource-metadata';
import { FlinkSessionJob, FlinkSessionJobOptions } from './flink-session-job';
import { FlinkCheckpointOptions, FlinkJobReference, FlinkSavepointOptions, FlinkStateSnapshot, SnapshotType } from './flink-state-snapshot';
import { FlinkVersion } from './flink-version';

/**
 * How the operator deploys the Flink cluster.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/overview/#flink-deployment-modes
 */
export enum DeploymentMode {
  /** Flink's native Kubernetes integration: the JobManager creates TaskManager pods itself. */
  NATIVE = 'native',
  /** Standalone Kubernetes: the operator creates fixed TaskManager deployments. */
  STANDALONE = 'standalone',
}

/**
 * A FlinkDeployment, defined in this app or elsewhere.
 */
export interface IFlinkDeployment extends IConstruct {
  /** `metadata.name` of the FlinkDeployment. */
  readonly resourceName: string;
  /**
   * `metadata.namespace` of the FlinkDeployment.
   *
   * @default - no namespace (the one of the kubectl context / Argo CD application)
   */
  readonly namespace?: string;
  /** Name of the Service of the Flink REST API and web UI (`<name>-rest`, port 8081). */
  readonly restServiceName: string;
}

/**
 * Properties of a `FlinkDeployment`.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/reference/#flinkdeploymentspec
 */
export interface FlinkDeploymentProps extends FlinkResourceMetadataOptions {
  /** Flink image of the JobManager and TaskManager pods, e.g. `flink:2.2`. Pin a tag or digest. */
  readonly image: string;

  /** Flink version of the image. */
  readonly flinkVersion: FlinkVersion;

  /**
   * Pull policy of the Flink image.
   *
   * @default - the Kubernetes default (`IfNotPresent` unless the tag is `latest`)
   */
  readonly imagePullPolicy?: ImagePullPolicy;

  /**
   * Kubernetes service account of the Flink pods; it needs the rights to
   * manage TaskManager pods and HA ConfigMaps (the operator installs `flink`).
   *
   * @default 'flink'
   */
  readonly serviceAccount?: string;

  /**
   * Flink configuration (`config.yaml`) of the cluster: flat keys
   * (`state.checkpoints.dir`) or nested maps (`state: { checkpoints.dir: ... }`),
   * values as strings, numbers, booleans or lists. More can be added with
   * `addFlinkConfiguration()`.
   *
   * @default - the operator's default configuration only
   * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/config/
   */
  readonly flinkConfiguration?: { [key: string]: any };

  /**
   * Logging configuration files by name (`log4j-console.properties`,
   * `logback-console.xml`), replacing the operator's defaults.
   *
   * @default - the operator's default logging configuration
   */
  readonly logConfiguration?: { [file: string]: string };

  /**
   * Pod template for the JobManager and TaskManager pods. The Flink
   * container is named `flink-main-container`.
   *
   * @default - the operator's pod defaults
   */
  readonly podTemplate?: k8s.PodTemplateSpec;

  /**
   * The JobManager.
   *
   * @default - memory and cpu from the Flink configuration; one replica
   */
  readonly jobManager?: JobManagerOptions;

  /**
   * The TaskManagers.
   *
   * @default - memory and cpu from the Flink configuration
   */
  readonly taskManager?: TaskManagerOptions;

  /**
   * Deployment mode.
   *
   * @default - the operator's default, `DeploymentMode.NATIVE`
   */
  readonly mode?: DeploymentMode;

  /**
   * Ingress for the Flink web UI and REST API.
   *
   * @default - no ingress
   */
  readonly ingress?: FlinkIngressOptions;

  /**
   * Changing this number restarts the cluster (and job) without other changes.
   *
   * @default - no restart nonce
   */
  readonly restartNonce?: number;

  /**
   * The job of an application cluster. Without a job the deployment is a
   * session cluster that `FlinkSessionJob`s run on.
   *
   * @default - a session cluster
   */
  readonly job?: FlinkJobOptions;
}

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
  /** Name of the Service of the Flink REST API and web UI (`<name>-rest`, port 8081). */
  public readonly restServiceName: string;
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

  private readonly props: FlinkDeploymentProps;
  private readonly spec: DeploymentSpec;
  private readonly managed: ManagedResource;
  private built?: any;

  /**
   * @param scope the parent construct
   * @param id the construct id; the default resource name derives from it
   * @param props the FlinkDeployment's properties
   */
  public constructor(scope: Construct, id: string, props: FlinkDeploymentProps) {
    super(scope, id);
    this.spec = new DeploymentSpec(props);
    this.props = props;
    this.resourceName = props.name ?? resourceNameFromId(id);
    this.namespace = props.namespace ?? Chart.of(this).namespace;
    this.restServiceName = `${this.resourceName}-rest`;
    this.image = props.image;
    this.flinkVersion = props.flinkVersion;
    this.serviceAccount = this.spec.serviceAccount;
    this.mode = props.mode;
    this.isSessionCluster = props.job === undefined;
    // Render eagerly once so that malformed sizes and pod templates fail at construction.
    this.buildManifest();

    this.managed = new ManagedResource(this, {
      kind: 'FlinkDeployment',
      gvk: { apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkDeployment' },
      name: this.resourceName,
      namespace: this.namespace,
      build: () => this.buildManifest(),
      syncWave: ArgoCdSyncWave.CLUSTERS,
    });
  }

  /**
   * Adds a Flink configuration entry. Nested keys may be given flat
   * (`state.checkpoints.dir`).
   *
   * @param key the configuration key
   * @param value a string, number, boolean, list or map
   * @throws if the key is already set to a different value
   */
  public addFlinkConfiguration(key: string, value: any): void {
    this.spec.flinkConfiguration.add(key, value);
    this.changed();
  }

  /**
   * Adds a logging configuration file.
   *
   * @param file the file name, e.g. `log4j-console.properties`
   * @param content the file's content
   * @throws if the file is already set to a different content
   */
  public addLogConfiguration(file: string, content: string): void {
    this.spec.logConfiguration.add(file, content);
    this.changed();
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
    return this.managed.result().manifest;
  }

  private changed(): void {
    this.built = undefined;
    this.managed.invalidate();
  }

  /** The manifest from the current props, built once per change (the pipeline copies it before mutating). */
  private buildManifest(): any {
    this.built ??= cleanJson({
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkDeployment',
      metadata: renderMetadata(this.resourceName, this.namespace, this.props),
      spec: this.spec.toJson(),
    });
    return this.built;
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

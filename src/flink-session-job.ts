import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ArgoCdSyncWave } from './argo-cd';
import { FlinkBackend } from './flink-backend';
import type { IFlinkDeployment } from './flink-deployment-reference';
import { FlinkJobOptions } from './flink-job';
import { FlinkResourceMetadataOptions } from './flink-resource-metadata';
import { IFlinkSessionJob } from './flink-session-job-reference';
import { FlinkJobSettings } from './flink-settings';
import { FlinkCheckpointOptions, FlinkJobReference, FlinkSavepointOptions, FlinkStateSnapshot, SnapshotType } from './flink-state-snapshot';
import { FlinkVersion } from './flink-version';
import { describeValue } from './manifest/_describe';
import { jobConfiguration, renderJob, renderMetadata } from './manifest/_ir';
import { cleanJson } from './manifest/_json';
import { resourceNameFromId } from './manifest/_naming';
import { checkAll, checkedParts, checkInteger, checkMetadataOptions, fail, isObject, PropErrors, reject } from './props/_checks';
import { ConfigurationMap } from './props/_configuration-map';
import { checkJob } from './props/_job-checks';
import type { SessionJobSubmitterRenderer } from './render/kubernetes/session-job-submitter-renderer';
import { applyChange, ManagedResource } from './resource/_managed-resource';
import { PlaintextCredentials, policyAnnotations } from './security/_policy-opt-outs';
import { settingConflicts } from './settings/_conflicts';
import { RenderedSetting, sessionJobSettings, withSettings } from './settings/_render';

/**
 * Options of a `FlinkSessionJob` created with `FlinkDeployment.addSessionJob()`.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/reference/#flinksessionjobspec
 */
export interface FlinkSessionJobOptions extends FlinkResourceMetadataOptions, FlinkJobSettings {
  /** The job to submit; session jobs need `jarUri`. */
  readonly job: FlinkJobOptions;

  /**
   * Job-level Flink configuration, applied on top of the session cluster's.
   * More can be added with `addFlinkConfiguration()`.
   *
   * @default - the session cluster's configuration only
   */
  readonly flinkConfiguration?: { [key: string]: any };

  /**
   * Keys of `flinkConfiguration` (flattened) that may hold a literal value
   * although they look like a credential (`*password*`, `*secret*`,
   * `*access-key*`, `*token*`, ...). Any other such key with a literal value
   * is a synth error. More keys can be allowed with
   * `allowPlaintextConfiguration()`.
   *
   * @default - no credential-looking key may hold a literal value
   */
  readonly plaintextConfigurationKeys?: string[];

  /**
   * Changing this number restarts the job without other changes.
   *
   * @default - no restart nonce
   */
  readonly restartNonce?: number;
}

/**
 * Properties of a `FlinkSessionJob`.
 */
export interface FlinkSessionJobProps extends FlinkSessionJobOptions {
  /**
   * The session cluster to run on: a `FlinkDeployment` without a job, or
   * `FlinkDeployment.fromName()` for one defined elsewhere.
   */
  readonly deployment: IFlinkDeployment;
}

/**
 * A job submitted to a session cluster by the Flink Kubernetes Operator
 * (`flink.apache.org/v1beta1` `FlinkSessionJob`). On a session cluster of
 * another backend (`FlinkBackend.KUBERNETES`, `FlinkBackend.SPOTIFY_OPERATOR`)
 * it renders a Kubernetes Job that cancels the running job of the same name
 * and submits the new one with `flink run` to the cluster's REST service.
 *
 * When the session cluster is a `FlinkDeployment` of the same app, the
 * validators see its manifest and check that the job fits it.
 */
export class FlinkSessionJob extends Construct implements IFlinkSessionJob {
  /** `metadata.name` of the FlinkSessionJob. */
  public readonly resourceName: string;
  /**
   * `metadata.namespace` of the FlinkSessionJob.
   *
   * @default - no namespace (the one of the kubectl context / Argo CD application)
   */
  public readonly namespace?: string;
  /** The session cluster the job runs on. */
  public readonly deployment: IFlinkDeployment;
  /** What the session job renders to: its session cluster's backend. */
  public readonly backend: FlinkBackend;

  private readonly props: FlinkSessionJobProps;
  private readonly flinkConfiguration = new ConfigurationMap('flinkConfiguration', true);
  private readonly credentials: PlaintextCredentials;
  private readonly settings: RenderedSetting[];
  private readonly errors: PropErrors;
  /** `undefined` when the props are too wrong to build the job from (the errors are reported at synth). */
  private readonly managed?: ManagedResource;

  /**
   * @param scope the parent construct
   * @param id the construct id; the default resource name derives from it
   * @param props the session job's properties
   */
  public constructor(scope: Construct, id: string, props: FlinkSessionJobProps) {
    super(scope, id);
    this.errors = PropErrors.of(this);
    this.props = props;
    const deployment: unknown = props.deployment;
    const knownDeployment = isObject(deployment) && typeof deployment.resourceName === 'string';
    this.deployment = props.deployment;
    this.resourceName = typeof props.name === 'string' ? props.name : resourceNameFromId(id);
    const deploymentNamespace = knownDeployment ? props.deployment.namespace : undefined;
    this.namespace = (typeof props.namespace === 'string' ? props.namespace : undefined) ?? deploymentNamespace ?? Chart.of(this).namespace;
    this.backend = (knownDeployment ? props.deployment.backend : undefined) ?? FlinkBackend.APACHE_OPERATOR;
    const checked = this.errors.run(() => checkedParts({
      metadata: () => checkMetadataOptions(props),
      deployment: () => {
        if (!knownDeployment) {
          fail('deployment', 'a FlinkDeployment or FlinkDeployment.fromName(...)', deployment);
        }
      },
      namespace: () => {
        if (deploymentNamespace !== undefined && this.namespace !== deploymentNamespace) {
          fail('namespace', `the session cluster's namespace ${describeValue(deploymentNamespace)}`, this.namespace);
        }
      },
      job: () => {
        if (!props.job || typeof props.job !== 'object') {
          reject('job', `is required for a FlinkSessionJob, got ${describeValue(props.job)}`);
        }
        checkJob(props.job);
      },
      restartNonce: () => checkInteger('restartNonce', props.restartNonce, Number.MIN_SAFE_INTEGER),
      flinkConfiguration: () => checkAll(
        () => this.flinkConfiguration.addAll(props.flinkConfiguration),
        () => this.flinkConfiguration.addAll(jobConfiguration(props.job)),
      ),
      settings: () => sessionJobSettings(props, knownDeployment ? (props.deployment as { flinkVersion?: FlinkVersion }).flinkVersion : undefined),
      credentials: () => new PlaintextCredentials(props.plaintextConfigurationKeys),
    }));
    this.settings = checked?.settings ?? [];
    this.credentials = checked?.credentials ?? new PlaintextCredentials(undefined);
    if (!checked) {
      this.errors.renderNothing();
      return;
    }

    const target = props.deployment as { _mutatedManifest?: () => any };
    const sessionDeployment = typeof target._mutatedManifest === 'function' ? () => target._mutatedManifest!() : undefined;
    this.managed = new ManagedResource(this, {
      kind: 'FlinkSessionJob',
      gvk: { apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkSessionJob' },
      name: this.resourceName,
      namespace: this.namespace,
      build: () => this.buildManifest(),
      syncWave: ArgoCdSyncWave.JOBS,
      sessionDeployment,
      ...(this.backend === FlinkBackend.APACHE_OPERATOR || sessionDeployment === undefined ? {} : {
        renderer: submitterRenderer(
          this.buildManifest(), props.deployment.resourceName, props.deployment.restServiceName, sessionDeployment),
        // `flink run` in the submitter pod reads the jar from its image.
        operatorConfiguration: (configured: { [key: string]: string } | undefined) => allowJarScheme(configured, 'local'),
      }),
    });
    this.node.addValidation({ validate: () => settingConflicts(this.settings, this.flinkConfiguration.toJson()) });
  }

  /**
   * Adds a job-level Flink configuration entry.
   *
   * @param key the configuration key
   * @param value a string, number, boolean, list or map
   * A key already set to a different value is an error at synth.
   */
  public addFlinkConfiguration(key: string, value: any): void {
    this.change(() => this.flinkConfiguration.add(key, value));
  }

  /**
   * Allows a `flinkConfiguration` key that looks like a credential to hold a
   * literal value.
   *
   * @param key the flattened configuration key, e.g. `security.ssl.rest.keystore-password`
   */
  public allowPlaintextConfiguration(key: string): void {
    this.change(() => this.credentials.allow(key));
  }

  /**
   * Adds a `FlinkStateSnapshot` that takes a savepoint of this job, in its
   * namespace.
   *
   * @param id the construct id of the snapshot (a child of this session job)
   * @param options the savepoint's options
   */
  public addSavepoint(id: string, options: FlinkSavepointOptions = {}): FlinkStateSnapshot {
    return new FlinkStateSnapshot(this, id, { ...options, job: FlinkJobReference.fromSessionJob(this) });
  }

  /**
   * Adds a `FlinkStateSnapshot` that triggers a checkpoint of this job, in
   * its namespace.
   *
   * @param id the construct id of the snapshot (a child of this session job)
   * @param options the checkpoint's options
   */
  public addCheckpoint(id: string, options: FlinkCheckpointOptions = {}): FlinkStateSnapshot {
    return new FlinkStateSnapshot(this, id, { ...options, type: SnapshotType.CHECKPOINT, job: FlinkJobReference.fromSessionJob(this) });
  }

  /** Applies a change; a wrong argument is recorded as a prop error and changes nothing. */
  private change(apply: () => void): void {
    if (this.managed) {
      applyChange(this, this.managed, apply);
    }
  }

  /** The manifest from the current props. */
  private buildManifest(): any {
    const p = this.props;
    return cleanJson({
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkSessionJob',
      metadata: renderMetadata(this.resourceName, this.namespace, p, policyAnnotations(true, this.credentials.keys())),
      spec: {
        deploymentName: this.deployment.resourceName,
        flinkConfiguration: withSettings(this.flinkConfiguration.toJson(), this.settings),
        job: renderJob(p.job),
        restartNonce: p.restartNonce,
      },
    });
  }
}

/**
 * The operator configuration with one more allowed jar URI scheme; the jar
 * URI rules (and the JVM ports they use) are loaded when an app first uses
 * the standalone backend.
 */
function allowJarScheme(configured: { [key: string]: string } | undefined, scheme: string): { [key: string]: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module: typeof import('./hooks/default-validator/_jar-uri') = require('./hooks/default-validator/_jar-uri');
  return module.allowJarScheme(configured, scheme);
}

/**
 * The standalone backend's renderer of a session job (a submitter Job); its
 * module is loaded when an app first uses the backend.
 */
function submitterRenderer(...args: ConstructorParameters<typeof SessionJobSubmitterRenderer>): SessionJobSubmitterRenderer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module: typeof import('./render/kubernetes/session-job-submitter-renderer') = require('./render/kubernetes/session-job-submitter-renderer');
  return new module.SessionJobSubmitterRenderer(...args);
}

import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { ArgoCdSyncWave } from './argo-cd';
import type { FlinkDeploymentProps } from './flink-deployment-props';
import { FlinkIngressOptions } from './flink-ingress';
import { FlinkVersion } from './flink-version';
import { describeValue } from './manifest/_describe';
import { renderIngress, renderMetadata } from './manifest/_ir';
import { cleanJson } from './manifest/_json';
import { resourceNameFromId } from './manifest/_naming';
import { PodSecurity } from './pod-security';
import { checkAll, checkedParts, checkMetadataOptions, PropErrors, reject } from './props/_checks';
import { ConfigurationMap } from './props/_configuration-map';
import { flinkDuration } from './props/_duration';
import { DeploymentSpec } from './resource/_deployment-spec';
import { applyChange, ManagedResource } from './resource/_managed-resource';

/**
 * Properties of a `FlinkBlueGreenDeployment`: those of the `FlinkDeployment`
 * it deploys blue and green (a job is required), and the blue/green
 * settings.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/concepts/bluegreen-controller-flow/
 */
export interface FlinkBlueGreenDeploymentProps extends FlinkDeploymentProps {
  /**
   * How long a new deployment may take to become ready before the
   * transition is aborted and the previous deployment stays active
   * (`kubernetes.operator.bluegreen.abort.grace-period`).
   *
   * @default - the operator's default, 10 minutes
   */
  readonly abortGracePeriod?: Duration;

  /**
   * How often the operator looks at a transition in progress
   * (`kubernetes.operator.bluegreen.reconciliation.reschedule-interval`).
   *
   * @default - the operator's default, 15 seconds
   */
  readonly reconciliationRescheduleInterval?: Duration;

  /**
   * How long the previous deployment keeps running once the new one is
   * ready (`kubernetes.operator.bluegreen.deployment-deletion.delay`).
   *
   * @default - the operator's default, 0 (deleted at once)
   */
  readonly deploymentDeletionDelay?: Duration;

  /**
   * More blue/green settings (`spec.configuration`, keys
   * `kubernetes.operator.bluegreen.*`). More can be added with
   * `addBlueGreenConfiguration()`.
   *
   * @default - only the settings of the typed props
   */
  readonly blueGreenConfiguration?: { [key: string]: string };

  /**
   * An ingress that always routes to the REST service of the active
   * deployment (`spec.ingress`), as opposed to `ingress`, which each
   * deployment gets for itself (its template prefixed with `blue-` /
   * `green-`).
   *
   * @default - no ingress that follows the active deployment
   */
  readonly activeIngress?: FlinkIngressOptions;
}

/** The typed props and the blue/green configuration keys they set. */
const DURATION_KEYS: ReadonlyArray<readonly [keyof FlinkBlueGreenDeploymentProps, string]> = [
  ['abortGracePeriod', 'kubernetes.operator.bluegreen.abort.grace-period'],
  ['reconciliationRescheduleInterval', 'kubernetes.operator.bluegreen.reconciliation.reschedule-interval'],
  ['deploymentDeletionDelay', 'kubernetes.operator.bluegreen.deployment-deletion.delay'],
];

/**
 * A Flink application upgraded blue/green by the Flink Kubernetes Operator
 * (`flink.apache.org/v1beta1` `FlinkBlueGreenDeployment`): on a spec change
 * the operator takes a savepoint (unless the job is stateless), starts the
 * new spec as a second FlinkDeployment (`<name>-blue` / `<name>-green`)
 * from it, and deletes the previous one once the new one is ready.
 *
 * The template is built from the same props as `FlinkDeployment`, and at
 * synth the blue and green FlinkDeployments it becomes pass the same
 * validators (built-in and user) as any FlinkDeployment. Mutators do not
 * run on it. The rendered object is the child `Resource`.
 *
 * @example
 * new FlinkBlueGreenDeployment(chart, 'orders', {
 *   image: 'flink:2.2',
 *   flinkVersion: FlinkVersion.V2_2,
 *   jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
 *   taskManager: { memory: Size.mebibytes(2048), cpu: 1 },
 *   job: { jarUri: 'local:///opt/flink/examples/streaming/StateMachineExample.jar', parallelism: 2, upgradeMode: UpgradeMode.SAVEPOINT },
 *   deploymentDeletionDelay: Duration.seconds(30),
 * });
 */
export class FlinkBlueGreenDeployment extends Construct {
  /** `metadata.name` of the FlinkBlueGreenDeployment. */
  public readonly resourceName: string;
  /**
   * `metadata.namespace` of the FlinkBlueGreenDeployment (and of its blue and green deployments).
   *
   * @default - no namespace (the one of the kubectl context / Argo CD application)
   */
  public readonly namespace?: string;
  /** Name of the blue FlinkDeployment the operator creates (`<name>-blue`). */
  public readonly blueDeploymentName: string;
  /** Name of the green FlinkDeployment the operator creates (`<name>-green`). */
  public readonly greenDeploymentName: string;
  /** Flink image of the deployments. */
  public readonly image: string;
  /** Flink version of the deployments. */
  public readonly flinkVersion: FlinkVersion;
  /** Service account of the Flink pods. */
  public readonly serviceAccount: string;
  /** Security defaults and checks of the Flink pods. */
  public readonly podSecurity: PodSecurity;

  private readonly props: FlinkBlueGreenDeploymentProps;
  private readonly errors: PropErrors;
  /** `undefined` when the props are too wrong to build a spec from (the errors are reported at synth). */
  private readonly spec?: DeploymentSpec;
  private readonly blueGreenConfiguration = new ConfigurationMap('blueGreenConfiguration', false);
  /** `undefined` when nothing is rendered (see `spec`). */
  private readonly managed?: ManagedResource;

  /**
   * @param scope the parent construct
   * @param id the construct id; the default resource name derives from it
   * @param props the blue/green deployment's properties
   */
  public constructor(scope: Construct, id: string, props: FlinkBlueGreenDeploymentProps) {
    super(scope, id);
    this.errors = PropErrors.of(this);
    this.props = props;
    this.resourceName = typeof props.name === 'string' ? props.name : resourceNameFromId(id);
    this.namespace = typeof props.namespace === 'string' ? props.namespace : Chart.of(this).namespace;
    this.blueDeploymentName = `${this.resourceName}-blue`;
    this.greenDeploymentName = `${this.resourceName}-green`;
    this.image = props.image;
    this.flinkVersion = props.flinkVersion;
    this.spec = this.errors.run(() => checkedParts({
      metadata: () => checkMetadataOptions(props),
      job: () => {
        if (!props.job) {
          reject('job', `is required for a FlinkBlueGreenDeployment (blue/green upgrades apply to application clusters), got ${describeValue(props.job)}`);
        }
      },
      spec: () => new DeploymentSpec(props),
      durations: () => checkAll(...DURATION_KEYS.map(([field, key]) => () => {
        const value = props[field];
        if (value !== undefined) {
          this.blueGreenConfiguration.add(key, flinkDuration(field, value as Duration));
        }
      })),
      blueGreenConfiguration: () => this.blueGreenConfiguration.addAll(props.blueGreenConfiguration),
      ingress: () => renderIngress(props.activeIngress),
    }).spec);
    this.serviceAccount = this.spec?.serviceAccount ?? props.serviceAccount ?? 'flink';
    this.podSecurity = this.spec?.podSecurity ?? PodSecurity.RESTRICTED;
    if (!this.spec) {
      this.errors.renderNothing();
      return;
    }
    this.spec.addSettingValidation(this);

    this.managed = new ManagedResource(this, {
      kind: 'FlinkBlueGreenDeployment',
      name: this.resourceName,
      namespace: this.namespace,
      build: () => this.buildManifest(),
      syncWave: ArgoCdSyncWave.CLUSTERS,
    });
  }

  /**
   * Adds a Flink configuration entry to the template.
   *
   * @param key the configuration key
   * @param value a string, number, boolean, list or map
   * A key already set to a different value is an error at synth.
   */
  public addFlinkConfiguration(key: string, value: any): void {
    this.change((spec) => spec.flinkConfiguration.add(key, value));
  }

  /**
   * Adds an environment variable to `flink-main-container` of the template
   * whose value is read from a key of a Secret (`valueFrom.secretKeyRef`);
   * see `FlinkDeployment.addSecretEnv()`.
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
   * Allows a `flinkConfiguration` key of the template that looks like a
   * credential to hold a literal value.
   *
   * @param key the flattened configuration key, e.g. `security.ssl.rest.keystore-password`
   */
  public allowPlaintextConfiguration(key: string): void {
    this.change((spec) => spec.credentials.allow(key));
  }

  /**
   * Adds a logging configuration file to the template.
   *
   * @param file the file name, e.g. `log4j-console.properties`
   * @param content the file's content
   * A file already set to a different content is an error at synth.
   */
  public addLogConfiguration(file: string, content: string): void {
    this.change((spec) => spec.logConfiguration.add(file, content));
  }

  /**
   * Adds a blue/green setting (`spec.configuration`).
   *
   * @param key a `kubernetes.operator.bluegreen.*` key
   * @param value its value, e.g. `30s`
   * A key already set to a different value is an error at synth.
   */
  public addBlueGreenConfiguration(key: string, value: string): void {
    this.change(() => this.blueGreenConfiguration.add(key, value));
  }

  /** Applies a change; a wrong argument is recorded as a prop error and changes nothing. */
  private change(apply: (spec: DeploymentSpec) => void): void {
    const spec = this.spec;
    if (spec) {
      applyChange(this, this.managed, () => apply(spec));
    }
  }

  private buildManifest(): any {
    return cleanJson({
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkBlueGreenDeployment',
      metadata: renderMetadata(this.resourceName, this.namespace, this.props, this.spec!.policyAnnotations()),
      spec: {
        configuration: this.blueGreenConfiguration.toJson(),
        ingress: renderIngress(this.props.activeIngress),
        template: { spec: this.spec!.toJson() },
      },
    });
  }
}

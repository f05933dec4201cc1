/**
 * The `spec` of a FlinkDeployment from `FlinkDeploymentProps`, shared by
 * `FlinkDeployment` and the template of `FlinkBlueGreenDeployment`: eager
 * checks, defaults, the configuration maps, the security defaults and
 * checks, and the wire JSON.
 */
import { ImagePullPolicy } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { DeploymentMode } from '../deployment-mode';
import type { FlinkDeploymentProps } from '../flink-deployment-props';
import { FlinkVersion } from '../flink-version';
import { jobConfiguration, MAIN_CONTAINER, renderIngress, renderJob, renderPodTemplate, renderProcess } from '../manifest/_ir';
import { PodSecurity } from '../pod-security';
import { checkAll, checkedParts, checkEnum, checkInteger, checkNonEmptyString, fail } from '../props/_checks';
import { ConfigurationMap } from '../props/_configuration-map';
import { checkJob } from '../props/_job-checks';
import { withRestrictedDefaults } from '../security/_pod-template-security';
import { PlaintextCredentials, policyAnnotations } from '../security/_policy-opt-outs';
import { SecretEnvironment } from '../security/_secret-env';
import { settingConflicts } from '../settings/_conflicts';
import { RenderedSetting, renderSettings, withSettings } from '../settings/_render';

/**
 * Holds what a FlinkDeployment spec is built from; `toJson()` renders it as
 * it is now (configuration added later included).
 */
export class DeploymentSpec {
  /** Service account of the Flink pods. */
  public readonly serviceAccount: string;
  /** Security defaults and checks of the pods. */
  public readonly podSecurity: PodSecurity;
  /** `spec.flinkConfiguration`. */
  public readonly flinkConfiguration = new ConfigurationMap('flinkConfiguration', true);
  /** `spec.logConfiguration`. */
  public readonly logConfiguration = new ConfigurationMap('logConfiguration', false);
  /** Environment variables of `flink-main-container` read from Secrets. */
  public readonly secretEnv: SecretEnvironment;
  /** The keys of `flinkConfiguration` allowed to hold a literal credential. */
  public readonly credentials: PlaintextCredentials;
  /** The typed settings (checkpointing, state backend, ...) as configuration entries of the Flink version. */
  private readonly settings: RenderedSetting[];
  /** The parts of the spec that only the props decide, rendered (and checked) once. */
  private readonly rendered: Record<'job' | 'podTemplate' | 'jobManager' | 'taskManager' | 'ingress', Record<string, unknown> | undefined>;

  /**
   * Checks the props that no mutator could repair; throws one `PropError`
   * with every problem found.
   *
   * @param props the deployment's props
   * @param defaultServiceAccount the service account when the props name none
   */
  constructor(private readonly props: FlinkDeploymentProps, defaultServiceAccount = 'flink') {
    const flinkVersion: unknown = props.flinkVersion;
    const parts = checkedParts({
      image: () => {
        if (typeof props.image !== 'string' || props.image.trim() === '') {
          fail('image', 'a non-empty image reference', props.image);
        }
      },
      flinkVersion: () => {
        if (!(flinkVersion instanceof FlinkVersion)) {
          fail('flinkVersion', 'a FlinkVersion (e.g. FlinkVersion.V2_2)', flinkVersion);
        }
      },
      podSecurity: () => {
        if (props.podSecurity !== undefined && !Object.values(PodSecurity).includes(props.podSecurity)) {
          fail('podSecurity', 'a PodSecurity (e.g. PodSecurity.RESTRICTED)', props.podSecurity);
        }
      },
      restartNonce: () => checkInteger('restartNonce', props.restartNonce, Number.MIN_SAFE_INTEGER),
      imagePullPolicy: () => checkEnum('imagePullPolicy', props.imagePullPolicy, ImagePullPolicy),
      mode: () => checkEnum('mode', props.mode, DeploymentMode),
      serviceAccount: () => props.serviceAccount === undefined || checkNonEmptyString('serviceAccount', props.serviceAccount),
      job: () => {
        if (props.job === undefined) {
          return undefined;
        }
        checkJob(props.job);
        return renderJob(props.job);
      },
      flinkConfiguration: () => checkAll(
        () => this.flinkConfiguration.addAll(props.flinkConfiguration),
        () => this.flinkConfiguration.addAll(jobConfiguration(props.job)),
      ),
      settings: () => flinkVersion instanceof FlinkVersion ? renderSettings(props, flinkVersion) : [],
      logConfiguration: () => this.logConfiguration.addAll(props.logConfiguration),
      credentials: () => new PlaintextCredentials(props.plaintextConfigurationKeys),
      podTemplate: () => renderPodTemplate(props.podTemplate),
      jobManager: () => renderProcess('jobManager', props.jobManager),
      taskManager: () => renderProcess('taskManager', props.taskManager),
      ingress: () => renderIngress(props.ingress),
    });
    this.serviceAccount = props.serviceAccount ?? defaultServiceAccount;
    this.podSecurity = props.podSecurity ?? PodSecurity.RESTRICTED;
    this.settings = parts.settings;
    this.credentials = parts.credentials;
    this.rendered = {
      job: parts.job, podTemplate: parts.podTemplate, jobManager: parts.jobManager, taskManager: parts.taskManager, ingress: parts.ingress,
    };
    const containers = props.podTemplate?.spec?.containers;
    const main = Array.isArray(containers) ? containers.find((c) => c?.name === MAIN_CONTAINER) : undefined;
    this.secretEnv = new SecretEnvironment(Array.isArray(main?.env) ? main.env.map((e) => e?.name) : []);
  }

  /**
   * The annotations recording this spec's opt-outs of the library's policy
   * (`PodSecurity.CUSTOM`, keys allowed in plain text), which the policy in
   * the hook pipeline reads at synth and in `cdk8s-flink validate`.
   */
  public policyAnnotations(): Record<string, string> {
    return policyAnnotations(this.podSecurity === PodSecurity.RESTRICTED, this.credentials.keys());
  }

  /**
   * Reports, at synth, a typed setting that `flinkConfiguration` sets too
   * (it may be added to after construction).
   *
   * @param owner the construct whose validation reports them
   */
  public addSettingValidation(owner: Construct): void {
    owner.node.addValidation({ validate: () => settingConflicts(this.settings, this.flinkConfiguration.toJson()) });
  }

  /** The spec's wire JSON (unset fields `undefined`). */
  public toJson(): Record<string, unknown> {
    const p = this.props;
    const spec = {
      image: p.image,
      imagePullPolicy: p.imagePullPolicy,
      flinkVersion: p.flinkVersion.value,
      serviceAccount: this.serviceAccount,
      mode: p.mode,
      flinkConfiguration: withSettings(this.flinkConfiguration.toJson(), this.settings),
      logConfiguration: this.logConfiguration.toJson(),
      podTemplate: this.secretEnv.applyTo(structuredClone(this.rendered.podTemplate)),
      jobManager: structuredClone(this.rendered.jobManager),
      taskManager: structuredClone(this.rendered.taskManager),
      ingress: structuredClone(this.rendered.ingress),
      restartNonce: p.restartNonce,
      job: structuredClone(this.rendered.job),
    };
    return this.podSecurity === PodSecurity.RESTRICTED ? withRestrictedDefaults(spec) : spec;
  }
}


/**
 * The `spec` of a FlinkDeployment from `FlinkDeploymentProps`, shared by
 * `FlinkDeployment` and the template of `FlinkBlueGreenDeployment`: eager
 * checks, defaults, the configuration maps and the wire JSON.
 */
import { checkInteger, checkJob } from './_checks';
import { ConfigurationMap } from './_configuration-map';
import { renderIngress, renderJob, renderPodTemplate, renderProcess } from './_ir';
import type { FlinkDeploymentProps } from './flink-deployment';
import { FlinkVersion } from './flink-version';

/**
 * Holds what a FlinkDeployment spec is built from; `toJson()` renders it as
 * it is now (configuration added later included).
 */
export class DeploymentSpec {
  /** Service account of the Flink pods. */
  public readonly serviceAccount: string;
  /** `spec.flinkConfiguration`. */
  public readonly flinkConfiguration = new ConfigurationMap('flinkConfiguration', true);
  /** `spec.logConfiguration`. */
  public readonly logConfiguration = new ConfigurationMap('logConfiguration', false);

  /** Checks the props that no mutator could repair; throws naming the prop. */
  constructor(private readonly props: FlinkDeploymentProps) {
    if (typeof props.image !== 'string' || props.image.trim() === '') {
      throw new Error(`'image' must be a non-empty image reference, got ${JSON.stringify(props.image)}`);
    }
    if (!(props.flinkVersion instanceof FlinkVersion)) {
      throw new Error(`'flinkVersion' must be a FlinkVersion (e.g. FlinkVersion.V2_2), got ${JSON.stringify(props.flinkVersion)}`);
    }
    checkInteger('restartNonce', props.restartNonce, Number.MIN_SAFE_INTEGER);
    if (props.job) {
      checkJob(props.job);
    }
    this.serviceAccount = props.serviceAccount ?? 'flink';
    this.flinkConfiguration.addAll(props.flinkConfiguration);
    this.logConfiguration.addAll(props.logConfiguration);
  }

  /** The spec's wire JSON (unset fields `undefined`). */
  public toJson(): Record<string, unknown> {
    const p = this.props;
    return {
      image: p.image,
      imagePullPolicy: p.imagePullPolicy,
      flinkVersion: p.flinkVersion.value,
      serviceAccount: this.serviceAccount,
      mode: p.mode,
      flinkConfiguration: this.flinkConfiguration.toJson(),
      logConfiguration: this.logConfiguration.toJson(),
      podTemplate: renderPodTemplate(p.podTemplate),
      jobManager: renderProcess('jobManager', p.jobManager),
      taskManager: renderProcess('taskManager', p.taskManager),
      ingress: renderIngress(p.ingress),
      restartNonce: p.restartNonce,
      job: p.job ? renderJob(p.job) : undefined,
    };
  }
}

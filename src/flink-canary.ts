import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';

/**
 * Which canary resource to create.
 */
export enum FlinkCanaryKind {
  /** A canary `FlinkDeployment`. */
  DEPLOYMENT = 'FlinkDeployment',
  /** A canary `FlinkSessionJob`. */
  SESSION_JOB = 'FlinkSessionJob',
}

/**
 * Properties of a `FlinkCanary`.
 */
export interface FlinkCanaryProps {
  /**
   * `metadata.name`.
   *
   * @default 'canary'
   */
  readonly name?: string;

  /**
   * `metadata.namespace`; it must be a namespace the operator watches.
   *
   * @default - the chart's namespace
   */
  readonly namespace?: string;

  /**
   * The kind of the canary resource.
   *
   * @default FlinkCanaryKind.DEPLOYMENT
   */
  readonly kind?: FlinkCanaryKind;
}

/**
 * A canary resource for the operator's health check: a spec-less
 * FlinkDeployment (or FlinkSessionJob) labelled `flink.apache.org/canary: "true"`
 * that the operator reconciles without deploying anything; if it stops
 * doing so within `kubernetes.operator.health.canary.resource.timeout`,
 * the operator's health probe fails. Canaries are not Flink clusters, so
 * the hooks do not see them.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/operations/health/#canary-resources
 */
export class FlinkCanary extends Construct {
  /** The label that marks a canary resource. */
  public static readonly LABEL = 'flink.apache.org/canary';

  /** `metadata.name` of the canary. */
  public readonly resourceName: string;

  /**
   * @param scope the parent construct
   * @param id the construct id
   * @param props the canary's properties
   */
  public constructor(scope: Construct, id: string, props: FlinkCanaryProps = {}) {
    super(scope, id);
    this.resourceName = props.name ?? 'canary';
    new ApiObject(this, 'Resource', {
      apiVersion: 'flink.apache.org/v1beta1',
      kind: props.kind ?? FlinkCanaryKind.DEPLOYMENT,
      metadata: {
        name: this.resourceName,
        namespace: props.namespace,
        labels: { [FlinkCanary.LABEL]: 'true' },
      },
    });
  }
}

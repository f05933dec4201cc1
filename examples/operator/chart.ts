import { Chart, ChartProps, Size } from 'cdk8s';
import { Cpu, k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { FlinkDeployment, FlinkHooks, FlinkOperator, FlinkVersion, OperatorVersion, UpgradeMode, WebhookKeystorePassword } from '../../src';

/** Namespace the operator watches and the example deployment runs in. */
export const APPS_NAMESPACE = 'flink-apps';

/**
 * The Flink Kubernetes Operator 1.16.1, watching one namespace, and an application
 * cluster in that namespace. The FlinkDeployment is validated at synth time
 * against this operator's default configuration.
 *
 * Before syncing: install cert-manager and create the keystore password
 * Secret `flink-operator-webhook-password` in `flink-operator`.
 */
export class OperatorChart extends Chart {
  public readonly operator: FlinkOperator;
  public readonly deployment: FlinkDeployment;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, { namespace: 'flink-operator', ...props });

    this.operator = new FlinkOperator(this, 'operator', {
      // Pinned: a library upgrade that changes the default release does not move the operator.
      // Every Flink resource in the app targets this release (its CRDs, Flink versions, rules).
      version: OperatorVersion.V1_16,
      watchNamespaces: [APPS_NAMESPACE],
      webhook: { keystorePassword: WebhookKeystorePassword.fromSecretName('flink-operator-webhook-password') },
      defaultConfiguration: {
        // Every cluster of this operator gets two slots per TaskManager unless it says otherwise.
        'taskmanager.numberOfTaskSlots': '2',
        'kubernetes.operator.reconcile.interval': '30 s',
      },
      resources: {
        requests: { cpu: k8s.Quantity.fromString('250m'), memory: k8s.Quantity.fromString('512Mi') },
        limits: { memory: k8s.Quantity.fromString('512Mi') },
      },
    });

    // The same policy a Java FlinkResourceValidator plugin would enforce in the
    // cluster, checked here before anything reaches Git.
    FlinkHooks.of(this).addValidator({
      validateDeployment: (d: any) => String(d?.spec?.image ?? '').startsWith('flink:') ? undefined : 'images must be official Flink images',
      validateSessionJob: () => undefined,
    });

    this.deployment = new FlinkDeployment(this, 'state-machine', {
      namespace: APPS_NAMESPACE,
      image: 'flink:2.2',
      flinkVersion: FlinkVersion.V2_2,
      // Kubernetes-style requests and limits: operator 1.16 and newer.
      jobManager: { resources: { requests: { memory: Size.mebibytes(2048), cpu: Cpu.units(1) } } },
      taskManager: { resources: { requests: { memory: Size.mebibytes(2048), cpu: Cpu.units(1) }, limits: { memory: Size.mebibytes(2048) } } },
      job: {
        jarUri: 'local:///opt/flink/examples/streaming/StateMachineExample.jar',
        parallelism: 2,
        upgradeMode: UpgradeMode.STATELESS,
      },
    });
  }
}

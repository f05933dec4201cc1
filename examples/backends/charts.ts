import { App, Chart, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { FlinkBackend, FlinkDeployment, FlinkDeploymentProps, FlinkJob, FlinkVersion, UpgradeMode } from '../../src';

/**
 * The one definition of the `orders` application cluster: the same props
 * whatever the backend renders it to.
 */
export function ordersProps(backend: FlinkBackend): FlinkDeploymentProps {
  return {
    backend,
    image: 'flink:1.20',
    flinkVersion: FlinkVersion.V1_20,
    flinkConfiguration: {
      'taskmanager.numberOfTaskSlots': '2',
      'execution.checkpointing.interval': '30s',
      'execution.checkpointing.dir': 's3://flink-state/orders/checkpoints',
      'execution.checkpointing.savepoint-dir': 's3://flink-state/orders/savepoints',
      'high-availability.type': 'kubernetes',
      'high-availability.storageDir': 's3://flink-state/orders/ha',
    },
    jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
    taskManager: { memory: Size.mebibytes(4096), cpu: 2 },
    job: {
      source: FlinkJob.jar({
        jarUri: 'local:///opt/flink/examples/streaming/StateMachineExample.jar',
        args: ['--error-rate', '0.05'],
      }),
      parallelism: 4,
      upgradeMode: UpgradeMode.LAST_STATE,
    },
  };
}

/**
 * The `orders` cluster rendered by one backend, in a namespace of its own.
 */
export class OrdersChart extends Chart {
  public readonly deployment: FlinkDeployment;

  constructor(scope: Construct, id: string, backend: FlinkBackend) {
    super(scope, id, { namespace: id });
    this.deployment = new FlinkDeployment(this, 'orders', ordersProps(backend));
  }
}

/**
 * A standalone session cluster (no operator) with a PyFlink session job,
 * submitted by a Kubernetes Job.
 */
export class StandaloneSessionChart extends Chart {
  public readonly session: FlinkDeployment;

  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: id });
    this.session = new FlinkDeployment(this, 'analytics', {
      backend: FlinkBackend.KUBERNETES,
      image: 'registry.example.com/flink-python:1.20',
      flinkVersion: FlinkVersion.V1_20,
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' },
      jobManager: { memory: Size.mebibytes(1024), cpu: 1 },
      taskManager: { memory: Size.mebibytes(2048), cpu: 1, replicas: 2 },
    });
    this.session.addSessionJob('word-count', {
      job: {
        source: FlinkJob.python({
          pyFile: '/opt/flink/usrlib/word_count.py',
          pyFiles: ['/opt/flink/usrlib/helpers.zip'],
          args: ['--output', 's3://analytics/word-count'],
        }),
        parallelism: 2,
      },
    });
  }
}

/** Every chart of the example: the same cluster on each backend, and a standalone session cluster. */
export function buildApp(app: App): Chart[] {
  return [
    new OrdersChart(app, 'orders-operator', FlinkBackend.APACHE_OPERATOR),
    new OrdersChart(app, 'orders-standalone', FlinkBackend.KUBERNETES),
    new StandaloneSessionChart(app, 'analytics-standalone'),
  ];
}

import { Chart, ChartProps, Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { FlinkBlueGreenDeployment, FlinkVersion, UpgradeMode } from '../../src';

/**
 * A stateful job upgraded blue/green: each change starts a second cluster
 * from a savepoint of the running one, and the old cluster goes once the
 * new one is ready. One ingress always points at the active cluster.
 */
export class BlueGreenChart extends Chart {
  public readonly application: FlinkBlueGreenDeployment;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, { namespace: 'flink-apps', ...props });

    this.application = new FlinkBlueGreenDeployment(this, 'orders', {
      image: 'flink:2.2',
      flinkVersion: FlinkVersion.V2_2,
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' },
      checkpointing: { interval: Duration.seconds(30), dir: 's3://flink-state/orders/checkpoints' },
      savepoints: { dir: 's3://flink-state/orders/savepoints' },
      jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
      taskManager: { memory: Size.mebibytes(4096), cpu: 2 },
      job: {
        jarUri: 'local:///opt/flink/examples/streaming/StateMachineExample.jar',
        parallelism: 4,
        upgradeMode: UpgradeMode.SAVEPOINT,
      },
      abortGracePeriod: Duration.minutes(15),
      deploymentDeletionDelay: Duration.minutes(2),
      activeIngress: { template: 'orders.flink.example.com', className: 'nginx' },
    });
  }
}

import { Chart, ChartProps, Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { FlinkDeployment, FlinkVersion, HighAvailability, UpgradeMode } from '../../src';

/**
 * An application cluster: one job with checkpoints, savepoint upgrades and
 * Kubernetes HA.
 */
export class ApplicationClusterChart extends Chart {
  public readonly deployment: FlinkDeployment;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, { namespace: 'flink-apps', ...props });

    this.deployment = new FlinkDeployment(this, 'state-machine', {
      image: 'flink:2.2',
      flinkVersion: FlinkVersion.V2_2,
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' },
      checkpointing: { interval: Duration.seconds(30), dir: 's3://flink-state/state-machine/checkpoints' },
      savepoints: { dir: 's3://flink-state/state-machine/savepoints' },
      highAvailability: HighAvailability.kubernetes({ storageDir: 's3://flink-state/state-machine/ha' }),
      jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
      taskManager: { memory: Size.mebibytes(4096), cpu: 2 },
      job: {
        jarUri: 'local:///opt/flink/examples/streaming/StateMachineExample.jar',
        parallelism: 4,
        upgradeMode: UpgradeMode.SAVEPOINT,
      },
    });
  }
}

import { Chart, ChartProps, Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { FlinkDeployment, FlinkJobOptions, FlinkStateSnapshot, FlinkVersion, SavepointFormat, UpgradeMode } from '../../src';

const STATE_MACHINE_JAR = 'local:///opt/flink/examples/streaming/StateMachineExample.jar';
const IMPORTED_SAVEPOINT = 's3://flink-state/legacy-cluster/savepoints/savepoint-4f2a9c-1a2b3c4d5e6f';

/** An application cluster with checkpoints and savepoints under s3://flink-state/<name>/. */
function stateMachine(scope: Construct, name: string, job: FlinkJobOptions): FlinkDeployment {
  return new FlinkDeployment(scope, name, {
    image: 'flink:2.2',
    flinkVersion: FlinkVersion.V2_2,
    flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' },
    checkpointing: { interval: Duration.seconds(30), dir: `s3://flink-state/${name}/checkpoints` },
    savepoints: { dir: `s3://flink-state/${name}/savepoints` },
    jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
    taskManager: { memory: Size.mebibytes(4096), cpu: 2 },
    job,
  });
}

/**
 * Savepoints and checkpoints as resources: a savepoint and a checkpoint of
 * a running application cluster, and a second cluster that starts from a
 * savepoint taken elsewhere.
 */
export class StateSnapshotsChart extends Chart {
  public readonly deployment: FlinkDeployment;
  public readonly fork: FlinkDeployment;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, { namespace: 'flink-apps', ...props });

    this.deployment = stateMachine(this, 'state-machine', { jarUri: STATE_MACHINE_JAR, parallelism: 4, upgradeMode: UpgradeMode.SAVEPOINT });

    // A savepoint into the job's savepoint directory, kept when this resource is deleted.
    this.deployment.addSavepoint('state-machine-before-upgrade', {
      format: SavepointFormat.NATIVE,
      disposeOnDelete: false,
      backoffLimit: 3,
    });

    // A checkpoint on demand (Flink owns its data and may delete it).
    this.deployment.addCheckpoint('state-machine-checkpoint', { backoffLimit: 0 });

    // A savepoint that exists already, recorded as a resource, and a cluster started from it.
    const imported = new FlinkStateSnapshot(this, 'legacy-savepoint', {
      path: IMPORTED_SAVEPOINT,
      alreadyExists: true,
      disposeOnDelete: false,
    });
    this.fork = stateMachine(this, 'state-machine-fork', FlinkStateSnapshot.restoreFrom(imported, {
      jarUri: STATE_MACHINE_JAR,
      parallelism: 4,
      upgradeMode: UpgradeMode.SAVEPOINT,
      allowNonRestoredState: true,
    }));
  }
}

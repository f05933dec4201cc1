import { Chart, ChartProps, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { FlinkDeployment, FlinkVersion, UpgradeMode } from '../../src';

const EXAMPLES_JAR = 'https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming/2.2.0/flink-examples-streaming-2.2.0.jar';

/**
 * A shared session cluster with two jobs submitted to it.
 */
export class SessionClusterChart extends Chart {
  public readonly session: FlinkDeployment;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, { namespace: 'flink-sessions', ...props });

    this.session = new FlinkDeployment(this, 'shared-session', {
      image: 'flink:2.2',
      flinkVersion: FlinkVersion.V2_2,
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '4' },
      jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
      taskManager: { memory: Size.mebibytes(4096), cpu: 2, replicas: 2 },
    });

    this.session.addSessionJob('top-speed-windowing', {
      job: {
        jarUri: EXAMPLES_JAR,
        entryClass: 'org.apache.flink.streaming.examples.windowing.TopSpeedWindowing',
        parallelism: 2,
        upgradeMode: UpgradeMode.STATELESS,
      },
    });
    this.session.addSessionJob('state-machine', {
      job: {
        jarUri: EXAMPLES_JAR,
        entryClass: 'org.apache.flink.streaming.examples.statemachine.StateMachineExample',
        args: ['--error-rate', '0.05'],
        parallelism: 2,
        upgradeMode: UpgradeMode.STATELESS,
      },
    });
  }
}

import { Chart, ChartProps, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { FlinkDeployment, FlinkVersion, UpgradeMode } from '../../src';

/**
 * A PyFlink job: the operator starts Flink's PythonDriver, which runs the
 * Python program given with `-py` (the image must contain PyFlink and the script).
 */
export class PythonJobChart extends Chart {
  public readonly deployment: FlinkDeployment;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, { namespace: 'flink-apps', ...props });

    this.deployment = new FlinkDeployment(this, 'python-word-count', {
      image: 'registry.example.com/flink-python:1.20',
      flinkVersion: FlinkVersion.V1_20,
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '1' },
      jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
      taskManager: { memory: Size.mebibytes(2048), cpu: 1 },
      job: {
        jarUri: 'local:///opt/flink/opt/flink-python-1.20.1.jar',
        entryClass: 'org.apache.flink.client.python.PythonDriver',
        args: ['-pyclientexec', '/usr/local/bin/python3', '-py', '/opt/flink/usrlib/word_count.py'],
        parallelism: 1,
        upgradeMode: UpgradeMode.STATELESS,
      },
    });
  }
}

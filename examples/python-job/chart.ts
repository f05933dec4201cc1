import { Chart, ChartProps, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { FlinkDeployment, FlinkJob, FlinkVersion, UpgradeMode } from '../../src';

/**
 * A PyFlink job, typed with `FlinkJob.python()`: the operator starts
 * Flink's PythonDriver, which runs the Python program given with `-py`
 * (the image must contain PyFlink and the script); the Python dependencies
 * and interpreter go to the Flink configuration.
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
        source: FlinkJob.python({
          pyFile: '/opt/flink/usrlib/word_count.py',
          pyFiles: ['/opt/flink/usrlib/word_count_helpers.zip'],
          pythonClientExecutable: '/usr/local/bin/python3',
          pythonExecutable: '/usr/local/bin/python3',
        }),
        parallelism: 1,
        upgradeMode: UpgradeMode.STATELESS,
      },
    });
  }
}

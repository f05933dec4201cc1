import { Size } from 'cdk8s';
import { FlinkDeploymentProps, FlinkVersion } from '../../src';

/** The jar of Flink's bundled state machine example. */
export const STATE_MACHINE_JAR = 'local:///opt/flink/examples/streaming/StateMachineExample.jar';

/** Valid FlinkDeployment props (a session cluster unless `job` is given), with overrides. */
export function deploymentProps(extra: Partial<FlinkDeploymentProps> = {}): FlinkDeploymentProps {
  return {
    image: 'flink:2.2',
    flinkVersion: FlinkVersion.V2_2,
    jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
    taskManager: { memory: Size.mebibytes(2048), cpu: 1 },
    ...extra,
  };
}

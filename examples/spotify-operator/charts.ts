import { App, Chart, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { FlinkBackend, FlinkDeployment, FlinkDeploymentProps, FlinkJob, FlinkVersion, PodSecurity, UpgradeMode } from '../../src';

/**
 * The backend of every cluster in this app. Teams on the
 * spotify/flink-on-k8s-operator render `FlinkCluster`s today; migrating to
 * the Apache Flink Kubernetes Operator is changing this one value to
 * `FlinkBackend.APACHE_OPERATOR` (and `podSecurity` back to its restricted
 * default, which the `FlinkCluster` cannot express).
 */
export const BACKEND = FlinkBackend.SPOTIFY_OPERATOR;

/**
 * What every cluster shares: the image, the pod-level security settings the
 * `FlinkCluster` can carry, and the process sizes.
 */
function clusterProps(extra: Partial<FlinkDeploymentProps>): FlinkDeploymentProps {
  return {
    backend: BACKEND,
    // The FlinkCluster has no container security context: Pod Security "baseline", non-root pods.
    podSecurity: PodSecurity.CUSTOM,
    podTemplate: {
      spec: {
        containers: [],
        securityContext: { runAsNonRoot: true, runAsUser: 9999, runAsGroup: 9999, fsGroup: 9999, seccompProfile: { type: 'RuntimeDefault' } },
      },
    },
    image: 'flink:1.18',
    flinkVersion: FlinkVersion.V1_18,
    jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
    taskManager: { memory: Size.mebibytes(4096), cpu: 2 },
    ...extra,
  };
}

/**
 * A team's Flink workloads on the spotify operator: a job cluster with
 * savepoint upgrades, a PyFlink job cluster, and a session cluster with a
 * session job (submitted by a Kubernetes Job, as the spotify operator has no
 * session job resource).
 */
export class SpotifyOperatorChart extends Chart {
  public readonly deployments: FlinkDeployment[];

  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'flink-spotify' });
    const stateMachine = new FlinkDeployment(this, 'state-machine', clusterProps({
      flinkConfiguration: {
        'taskmanager.numberOfTaskSlots': '2',
        'execution.checkpointing.interval': '30s',
        'execution.checkpointing.dir': 'gs://flink-state/state-machine/checkpoints',
        'execution.checkpointing.savepoint-dir': 'gs://flink-state/state-machine/savepoints',
      },
      job: {
        source: FlinkJob.jar({ jarUri: 'local:///opt/flink/examples/streaming/StateMachineExample.jar' }),
        parallelism: 4,
        upgradeMode: UpgradeMode.SAVEPOINT,
      },
    }));
    const wordCount = new FlinkDeployment(this, 'word-count', clusterProps({
      image: 'registry.example.com/flink-python:1.18',
      job: {
        source: FlinkJob.python({
          pyFile: '/opt/flink/usrlib/word_count.py',
          pyFiles: ['/opt/flink/usrlib/helpers.zip'],
          args: ['--output', 'gs://analytics/word-count'],
        }),
        parallelism: 2,
      },
    }));
    const session = new FlinkDeployment(this, 'shared-session', clusterProps({
      taskManager: { memory: Size.mebibytes(4096), cpu: 2, replicas: 2 },
    }));
    session.addSessionJob('top-speed-windowing', {
      job: { jarUri: 'local:///opt/flink/examples/streaming/TopSpeedWindowing.jar', parallelism: 2 },
    });
    this.deployments = [stateMachine, wordCount, session];
  }
}

/** The app: one chart. */
export function buildApp(app: App): Chart[] {
  return [new SpotifyOperatorChart(app, 'spotify-operator')];
}

/**
 * Apps made for the cluster test: every backend in application and session
 * mode (jar, Python and session jobs, ingress, HA, both pod-security settings)
 * and the FlinkOperator options, each rendered to Kubernetes objects as
 * `cdk8s synth` renders them.
 */
import { Chart, Size, Testing } from 'cdk8s';
import { ImagePullPolicy, k8s } from 'cdk8s-plus-27';
import { KubeObject } from './api-client';
import {
  DeploymentMode, FlinkBackend, FlinkDeployment, FlinkDeploymentProps, FlinkJob, FlinkOperator, FlinkOperatorProps,
  FlinkVersion, OperatorLoggingFramework, UpgradeMode, WebhookKeystorePassword,
} from '../../src';
import { PodSecurity } from '../../src/pod-security';

/** One app's rendered objects. */
export interface RenderedApp {
  readonly name: string;
  readonly objects: KubeObject[];
}

const SHA = 'a'.repeat(64);
const HA = {
  'high-availability.type': 'kubernetes',
  'high-availability.storageDir': 's3://cluster-test/ha',
  'execution.checkpointing.dir': 's3://cluster-test/cp',
  'execution.checkpointing.savepoint-dir': 's3://cluster-test/sp',
};

const BACKENDS: Array<[string, FlinkBackend]> = [
  ['apache', FlinkBackend.APACHE_OPERATOR],
  ['standalone', FlinkBackend.KUBERNETES],
  ['spotify', FlinkBackend.SPOTIFY_OPERATOR],
];

/** Deployment variants, each rendered with every backend. */
const DEPLOYMENTS: Array<[string, (spotify: boolean) => Omit<FlinkDeploymentProps, 'backend'>, boolean]> = [
  ['jar-job', (spotify) => ({
    image: 'flink:1.20',
    flinkVersion: FlinkVersion.V1_20,
    flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2', ...HA },
    jobManager: { memory: Size.mebibytes(1536), cpu: 0.5, replicas: 1 },
    taskManager: { memory: Size.gibibytes(2), cpu: 1, replicas: 2 },
    job: {
      source: FlinkJob.jar({ jarUri: 'local:///opt/flink/examples/streaming/StateMachineExample.jar', entryClass: 'org.example.Main', args: ['--a', '1'] }),
      // The spotify operator restores from savepoints only.
      parallelism: 4,
      upgradeMode: spotify ? UpgradeMode.SAVEPOINT : UpgradeMode.LAST_STATE,
    },
    ingress: spotify
      ? { template: '{{name}}.{{namespace}}.flink.example.com', annotations: { 'example.com/x': 'y' } }
      : { template: '{{name}}.{{namespace}}.flink.example.com', className: 'nginx', labels: { team: 'a' }, annotations: { 'example.com/x': 'y' }, tls: [{ hosts: ['flink.example.com'], secretName: 'tls' }] },
  }), false],
  ['python-job', () => ({
    image: 'flink:2.2',
    flinkVersion: FlinkVersion.V2_2,
    imagePullPolicy: ImagePullPolicy.ALWAYS,
    jobManager: { memory: Size.mebibytes(1024), cpu: 1 },
    taskManager: { memory: Size.mebibytes(2048), cpu: 1 },
    job: { source: FlinkJob.python({ pyFile: '/opt/flink/usrlib/main.py', pyFiles: ['/opt/flink/usrlib/lib.zip'], args: ['--x'] }), parallelism: 1 },
  }), false],
  ['session', () => ({
    image: 'flink:2.2',
    flinkVersion: FlinkVersion.V2_2,
    mode: DeploymentMode.STANDALONE,
    flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '4' },
    logConfiguration: { 'log4j-console.properties': 'rootLogger.level = INFO\n' },
    jobManager: { memory: Size.mebibytes(1024), cpu: 1 },
    taskManager: { memory: Size.mebibytes(2048), cpu: 2, replicas: 1 },
  }), true],
  ['custom-pods', () => ({
    image: 'flink:1.20',
    flinkVersion: FlinkVersion.V1_20,
    serviceAccount: 'flink-custom',
    podSecurity: PodSecurity.CUSTOM,
    podTemplate: { metadata: { labels: { app: 'custom' } }, spec: { containers: [{ name: 'flink-main-container', env: [{ name: 'A', value: 'b' }] }] } },
    jobManager: { memory: Size.mebibytes(1024), cpu: 1, ephemeralStorage: Size.gibibytes(1) },
    taskManager: { memory: Size.mebibytes(2048), cpu: 1, podTemplate: { spec: { containers: [], nodeSelector: { pool: 'flink' } } } },
    job: { jarUri: 'local:///opt/flink/examples/streaming/WordCount.jar', parallelism: 2, upgradeMode: UpgradeMode.STATELESS },
  }), false],
];

/** FlinkOperator variants. */
const OPERATORS: Array<[string, FlinkOperatorProps]> = [
  ['operator-default', {}],
  ['operator-no-webhook', { webhook: { enabled: false }, installCrds: false }],
  ['operator-validator-only', { webhook: { mutator: false }, installCrds: false }],
  ['operator-mutator-only', { webhook: { validator: false }, installCrds: false }],
  ['operator-everything', {
    installCrds: false,
    image: 'registry.example.com/flink-kubernetes-operator:1.15.0',
    imagePullPolicy: ImagePullPolicy.ALWAYS,
    imagePullSecrets: ['regcred'],
    watchNamespaces: ['team-a', 'team-b'],
    replicas: 2,
    leaderElection: { leaseName: 'flink-lease' },
    webhook: {
      keystorePassword: WebhookKeystorePassword.fromSecretName('webhook-pw', 'pw'),
      jvmArgs: '-Xmx256m',
      resources: { requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('256Mi') } },
      env: [{ name: 'W', value: '1' }],
      serviceLabels: { svc: 'webhook' },
    },
    defaultConfiguration: { 'kubernetes.operator.reconcile.interval': '30 s' },
    logConfiguration: { 'log4j-operator.properties': 'rootLogger.level = DEBUG\n' },
    jvmArgs: '-Xmx512m',
    resources: { requests: { cpu: k8s.Quantity.fromString('250m'), memory: k8s.Quantity.fromString('512Mi') }, limits: { memory: k8s.Quantity.fromString('512Mi') } },
    metricsPort: 9999,
    healthPort: 8086,
    env: [{ name: 'E', value: '1' }],
    nodeSelector: { pool: 'system' },
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'k', operator: 'In', values: ['v'] }] }] } } },
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'flink', effect: 'NoSchedule' }],
    priorityClassName: 'system-cluster-critical',
    podLabels: { team: 'platform' },
    podAnnotations: { 'example.com/a': 'b' },
    operatorServiceAccountName: 'flink-op',
    operatorServiceAccountAnnotations: { 'example.com/sa': 'op' },
    jobServiceAccountName: 'flink-jobs',
    jobServiceAccountAnnotations: { 'example.com/sa': 'job' },
    listNodes: true,
    plugins: [{ name: 'audit', url: 'https://artifacts.example.com/audit.jar', sha256: SHA, listenerClass: 'com.example.Audit', listenerConfiguration: { level: 'all' } }],
    operatorLibs: [{ name: 's3', url: 'https://artifacts.example.com/s3.jar', sha256: SHA }],
    pluginInstallerImage: 'registry.example.com/curl:8.11.1',
  }],
  ['operator-logback', { installCrds: false, loggingFramework: OperatorLoggingFramework.LOGBACK, watchNamespaces: ['team-c'] }],
];

/** Every generated app, synthesized. */
export function generatedApps(): RenderedApp[] {
  const apps: RenderedApp[] = [];
  for (const [variant, props, session] of DEPLOYMENTS) {
    for (const [backendName, backend] of BACKENDS) {
      const name = `${variant}-${backendName}`;
      apps.push(render(name, (chart) => {
        // The FlinkCluster cannot meet Pod Security "restricted": the backend asks for CUSTOM.
        const podSecurity = backend === FlinkBackend.SPOTIFY_OPERATOR ? PodSecurity.CUSTOM : undefined;
        const deployment = new FlinkDeployment(chart, variant, { podSecurity, ...props(backend === FlinkBackend.SPOTIFY_OPERATOR), backend });
        if (session && backend !== FlinkBackend.SPOTIFY_OPERATOR) {
          deployment.addSessionJob('top-speed', {
            job: {
              // The operator downloads https jars; the standalone submitter runs a jar in the image.
              jarUri: backend === FlinkBackend.KUBERNETES ? 'local:///opt/flink/examples/streaming/TopSpeedWindowing.jar' : 'https://artifacts.example.com/TopSpeedWindowing.jar',
              parallelism: 1,
            },
          });
        }
      }));
    }
  }
  for (const [name, props] of OPERATORS) {
    apps.push(render(name, (chart) => new FlinkOperator(chart, 'operator', props)));
  }
  return apps;
}

function render(name: string, build: (chart: Chart) => void): RenderedApp {
  const chart = new Chart(Testing.app(), name, { namespace: `gen-${name}`.slice(0, 63) });
  build(chart);
  // Testing.synth runs the synth hooks as `cdk8s synth` does.
  return { name: `generated/${name}`, objects: Testing.synth(chart) as KubeObject[] };
}

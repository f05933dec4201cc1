import { App, Chart, Size } from 'cdk8s';
import { ArgoCdSyncWave, FlinkDeployment, FlinkOperator, FlinkVersion, UpgradeMode, WebhookKeystorePassword } from '../../src';
import { ArgoCdApplication, GitSource } from './application';

/** The Git repository and folder this app's output is committed to. */
export const SOURCE: GitSource = {
  repoUrl: 'https://git.example.com/platform/flink-gitops.git',
  revision: 'main',
  path: 'examples/argocd/dist',
};

const FLINK = { image: 'flink:2.2', flinkVersion: FlinkVersion.V2_2 };

/** The namespaces of the teams' Flink workloads, which the operator watches. */
export const TEAM_NAMESPACES = ['team-payments', 'team-analytics'];

/**
 * The Flink Kubernetes Operator with its CRDs, RBAC for the teams'
 * namespaces and the webhook (cert-manager issues its certificate; the
 * keystore password Secret is created out of band, e.g. by a secret manager).
 */
export function flinkOperator(app: App): Chart {
  const chart = new Chart(app, 'flink-operator', { namespace: 'flink-operator' });
  new FlinkOperator(chart, 'operator', {
    watchNamespaces: TEAM_NAMESPACES,
    webhook: { keystorePassword: WebhookKeystorePassword.fromSecretName('flink-operator-webhook-password') },
  });
  return chart;
}

/** Team payments: one application cluster with savepoint upgrades. */
export function teamPayments(app: App): Chart {
  const chart = new Chart(app, 'team-payments', { namespace: 'team-payments', labels: { team: 'payments' } });
  new FlinkDeployment(chart, 'fraud-detection', {
    ...FLINK,
    flinkConfiguration: {
      'taskmanager.numberOfTaskSlots': '2',
      'execution.checkpointing.interval': '1m',
      'execution.checkpointing.dir': 's3://flink-state/payments/fraud-detection/checkpoints',
      'execution.checkpointing.savepoint-dir': 's3://flink-state/payments/fraud-detection/savepoints',
    },
    jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
    taskManager: { memory: Size.mebibytes(4096), cpu: 2 },
    job: {
      jarUri: 'local:///opt/flink/examples/streaming/StateMachineExample.jar',
      parallelism: 4,
      upgradeMode: UpgradeMode.SAVEPOINT,
    },
  });
  return chart;
}

/** Team analytics: a shared session cluster with two jobs. */
export function teamAnalytics(app: App): Chart {
  const chart = new Chart(app, 'team-analytics', { namespace: 'team-analytics', labels: { team: 'analytics' } });
  const session = new FlinkDeployment(chart, 'analytics-session', {
    ...FLINK,
    flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '4' },
    jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
    taskManager: { memory: Size.mebibytes(4096), cpu: 2, replicas: 2 },
  });
  const jar = 'https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming/2.2.0/flink-examples-streaming-2.2.0.jar';
  session.addSessionJob('top-speed-windowing', {
    job: { jarUri: jar, entryClass: 'org.apache.flink.streaming.examples.windowing.TopSpeedWindowing', parallelism: 2, upgradeMode: UpgradeMode.STATELESS },
  });
  session.addSessionJob('session-windowing', {
    job: { jarUri: jar, entryClass: 'org.apache.flink.streaming.examples.windowing.SessionWindowing', parallelism: 2, upgradeMode: UpgradeMode.STATELESS },
  });
  return chart;
}

/** The Argo CD Applications, one per chart folder (an app of apps). */
export function argoCdApplications(app: App, charts: Chart[]): Chart {
  const chart = new Chart(app, 'argocd-applications', { namespace: 'argocd' });
  for (const target of charts) {
    const syncWave = target.node.id === 'flink-operator' ? ArgoCdSyncWave.OPERATOR : ArgoCdSyncWave.CLUSTERS;
    new ArgoCdApplication(chart, target.node.id, { source: SOURCE, chart: target, namespace: target.namespace ?? 'default', syncWave });
  }
  return chart;
}

/** Builds the whole GitOps repository. */
export function buildApp(app: App): Chart[] {
  const synced = [flinkOperator(app), teamPayments(app), teamAnalytics(app)];
  return [...synced, argoCdApplications(app, synced)];
}

import * as fs from 'fs';
import * as path from 'path';
import { Testing, YamlOutputType } from 'cdk8s';
import { crdSchemaErrors } from './support/crd-schema';
import { strictFlinkClusterSchemaErrors } from './support/flink-cluster-schema';
import { k8sSchemaErrors } from './support/k8s-schema';
import { ApplicationClusterChart } from '../examples/application-cluster/chart';
import { buildApp as buildArgoCdApp, SOURCE } from '../examples/argocd/charts';
import { buildApp as buildBackendsApp } from '../examples/backends/charts';
import { PythonJobChart } from '../examples/python-job/chart';
import { SessionClusterChart } from '../examples/session-cluster/chart';
import { BACKEND, buildApp as buildSpotifyApp } from '../examples/spotify-operator/charts';
import { FlinkBackend, FlinkTesting } from '../src';
import { flinkClusterErrors } from '../src/render/spotify/_flink-cluster-errors';

const EXAMPLES = path.join(__dirname, '..', 'examples');

describe('examples', () => {
  test('every example directory is a cdk8s app covered here', () => {
    const apps = fs.readdirSync(EXAMPLES).filter((d) => fs.existsSync(path.join(EXAMPLES, d, 'cdk8s.yaml'))).sort();
    expect(apps).toEqual(['application-cluster', 'argocd', 'backends', 'blue-green', 'operator', 'python-job', 'session-cluster', 'spotify-operator', 'state-snapshots']);
  });

  test('application-cluster renders one HA application cluster with savepoint upgrades', () => {
    const docs = Testing.synth(new ApplicationClusterChart(Testing.app(), 'application-cluster'));
    expect(docs).toMatchSnapshot();
    expect(docs.map((d) => `${d.kind}/${d.metadata.namespace}/${d.metadata.name}`)).toEqual(['FlinkDeployment/flink-apps/state-machine']);
    expect(docs[0].spec.job.upgradeMode).toEqual('savepoint');
    expect(docs[0].spec.flinkConfiguration['high-availability.type']).toEqual('kubernetes');
    docs.forEach((d) => expect(crdSchemaErrors(d)).toEqual([]));
  });

  test('session-cluster renders a session cluster and two session jobs targeting it', () => {
    const docs = Testing.synth(new SessionClusterChart(Testing.app(), 'session-cluster'));
    expect(docs).toMatchSnapshot();
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'FlinkDeployment/shared-session',
      'FlinkSessionJob/top-speed-windowing',
      'FlinkSessionJob/state-machine',
    ]);
    expect(docs[0].spec.job).toBeUndefined();
    expect(docs.slice(1).map((d) => [d.spec.deploymentName, d.metadata.labels['target.session'], d.metadata.namespace]))
      .toEqual([['shared-session', 'shared-session', 'flink-sessions'], ['shared-session', 'shared-session', 'flink-sessions']]);
    docs.forEach((d) => expect(crdSchemaErrors(d)).toEqual([]));
  });

  test('backends renders the same job on the operator and as a standalone cluster, and a standalone session job', () => {
    const app = Testing.app();
    const charts = buildBackendsApp(app);
    const byChart = Object.fromEntries(charts.map((c) => [c.node.id, Testing.synth(c)]));
    expect(byChart).toMatchSnapshot();
    const kinds = (id: string) => byChart[id].map((d: any) => `${d.kind}/${d.metadata.name}`);
    expect(kinds('orders-operator')).toEqual(['FlinkDeployment/orders']);
    expect(kinds('orders-standalone')).toEqual([
      'Deployment/orders', expect.stringMatching(/^ConfigMap\/flink-config-orders-[0-9a-f]{10}$/), 'Deployment/orders-taskmanager',
      'Service/orders', 'Service/orders-rest', 'ServiceAccount/orders', 'Role/orders-ha', 'RoleBinding/orders-ha',
    ]);
    expect(kinds('analytics-standalone')).toEqual([
      'Deployment/analytics', expect.stringMatching(/^ConfigMap\/flink-config-analytics-/), 'Deployment/analytics-taskmanager',
      'Service/analytics', 'Service/analytics-rest', 'ServiceAccount/analytics', expect.stringMatching(/^Job\/word-count-submit-[0-9a-f]{10}$/),
    ]);
    // The same job: the operator's spec.job and the standalone JobManager's arguments.
    const job = byChart['orders-operator'][0].spec.job;
    const jobManager = byChart['orders-standalone'][0].spec.template.spec.containers[0];
    expect(jobManager.args).toEqual(['standalone-job', '--host', '$(POD_IP)', `--jars=${job.jarURI}`, '--', ...job.args]);
    byChart['orders-operator'].forEach((d: any) => expect(crdSchemaErrors(d)).toEqual([]));
    [...byChart['orders-standalone'], ...byChart['analytics-standalone']].forEach((d: any) => expect(k8sSchemaErrors(d)).toBeUndefined());
  });

  test('spotify-operator renders FlinkClusters that pass the CRD schema and the webhook, and a submitter Job', () => {
    const [chart] = buildSpotifyApp(Testing.app());
    const docs = Testing.synth(chart);
    expect(docs).toMatchSnapshot();
    expect(BACKEND).toBe(FlinkBackend.SPOTIFY_OPERATOR);
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'FlinkCluster/state-machine', 'FlinkCluster/word-count', 'FlinkCluster/shared-session', expect.stringMatching(/^Job\/top-speed-windowing-submit-/),
    ]);
    expect(docs[0].spec.job).toMatchObject({ jarFile: '/opt/flink/examples/streaming/StateMachineExample.jar', takeSavepointOnUpdate: true });
    expect(docs[1].spec.job).toMatchObject({ pyFile: '/opt/flink/usrlib/word_count.py', pyFiles: '/opt/flink/usrlib/helpers.zip' });
    expect(docs[3].spec.template.spec.containers[0].command.slice(3, 5)).toEqual(['submit', 'shared-session-jobmanager:8081']);
    for (const doc of docs.slice(0, 3)) {
      expect(strictFlinkClusterSchemaErrors(doc)).toEqual([]);
      expect(flinkClusterErrors(doc)).toEqual([]);
    }
    expect(k8sSchemaErrors(docs[3])).toBeUndefined();
  });

  test('python-job runs the PythonDriver with the script after -py', () => {
    const docs = Testing.synth(new PythonJobChart(Testing.app(), 'python-job'));
    expect(docs).toMatchSnapshot();
    const job = docs[0].spec.job;
    expect(job.entryClass).toEqual('org.apache.flink.client.python.PythonDriver');
    expect(job.args.slice(job.args.indexOf('-py'), job.args.indexOf('-py') + 2)).toEqual(['-py', '/opt/flink/usrlib/word_count.py']);
    docs.forEach((d) => expect(crdSchemaErrors(d)).toEqual([]));
  });

  test('argocd renders the operator and two teams, one folder per chart, with an Argo CD Application per folder', () => {
    const app = Testing.app({ yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
    const charts = buildArgoCdApp(app);
    FlinkTesting.assertValid(app);
    const byChart = Object.fromEntries(charts.map((c) => [c.node.id, Testing.synth(c)]));
    const names = (id: string) => byChart[id].map((d) => `${d.kind}/${d.metadata.namespace ?? ''}/${d.metadata.name}`);
    expect(Object.keys(byChart)).toEqual(['flink-operator', 'team-payments', 'team-analytics', 'argocd-applications']);
    expect(names('team-payments')).toEqual(['FlinkDeployment/team-payments/fraud-detection']);
    expect(names('team-analytics')).toEqual([
      'FlinkDeployment/team-analytics/analytics-session',
      'FlinkSessionJob/team-analytics/top-speed-windowing',
      'FlinkSessionJob/team-analytics/session-windowing',
    ]);
    expect(names('flink-operator')).toEqual(expect.arrayContaining([
      'CustomResourceDefinition//flinkdeployments.flink.apache.org',
      'Deployment/flink-operator/flink-kubernetes-operator',
      'ServiceAccount/team-payments/flink',
      'ServiceAccount/team-analytics/flink',
      'Certificate/flink-operator/flink-operator-serving-cert',
    ]));
    expect(byChart['argocd-applications'].map((a) => [a.metadata.name, a.spec.source.path, a.spec.destination.namespace, a.metadata.annotations['argocd.argoproj.io/sync-wave']])).toEqual([
      ['flink-operator', `${SOURCE.path}/flink-operator`, 'flink-operator', '-1'],
      ['team-payments', `${SOURCE.path}/team-payments`, 'team-payments', '0'],
      ['team-analytics', `${SOURCE.path}/team-analytics`, 'team-analytics', '0'],
    ]);
    // CRDs first, then certificates and the operator, then clusters, then jobs.
    const wave = (d: any) => Number(d.metadata.annotations['argocd.argoproj.io/sync-wave']);
    const operatorWaves = byChart['flink-operator'].map((d) => [d.kind, wave(d)]);
    expect(operatorWaves.filter(([k]) => k === 'CustomResourceDefinition').map(([, w]) => w)).toEqual([-3, -3, -3, -3]);
    expect(operatorWaves.find(([k]) => k === 'Certificate')![1]).toEqual(-2);
    expect(operatorWaves.find(([k]) => k === 'Deployment')![1]).toEqual(-1);
    for (const doc of [...byChart['team-payments'], ...byChart['team-analytics']]) {
      expect(wave(doc)).toEqual(doc.kind === 'FlinkDeployment' ? 0 : 1);
      expect(doc.metadata.annotations['argocd.argoproj.io/sync-options']).toEqual('SkipDryRunOnMissingResource=true');
      expect(crdSchemaErrors(doc)).toEqual([]);
    }
    expect(JSON.stringify(byChart)).not.toMatch(/caBundle/);
    expect(byChart['team-analytics'][0].metadata.labels).toEqual({ team: 'analytics' });
  });
});

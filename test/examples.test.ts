import * as fs from 'fs';
import * as path from 'path';
import { Testing, YamlOutputType } from 'cdk8s';
import { FlinkTesting } from '../src';
import { crdSchemaErrors } from './support/crd-schema';
import { ApplicationClusterChart } from '../examples/application-cluster/chart';
import { buildApp as buildArgoCdApp, SOURCE } from '../examples/argocd/charts';
import { PythonJobChart } from '../examples/python-job/chart';
import { SessionClusterChart } from '../examples/session-cluster/chart';

const EXAMPLES = path.join(__dirname, '..', 'examples');

describe('examples', () => {
  test('every example directory is a cdk8s app covered here', () => {
    const apps = fs.readdirSync(EXAMPLES).filter((d) => fs.existsSync(path.join(EXAMPLES, d, 'cdk8s.yaml'))).sort();
    expect(apps).toEqual(['application-cluster', 'argocd', 'blue-green', 'python-job', 'session-cluster', 'state-snapshots']);
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

  test('python-job runs the PythonDriver with the script after -py', () => {
    const docs = Testing.synth(new PythonJobChart(Testing.app(), 'python-job'));
    expect(docs).toMatchSnapshot();
    const job = docs[0].spec.job;
    expect(job.entryClass).toEqual('org.apache.flink.client.python.PythonDriver');
    expect(job.args.slice(job.args.indexOf('-py'), job.args.indexOf('-py') + 2)).toEqual(['-py', '/opt/flink/usrlib/word_count.py']);
    docs.forEach((d) => expect(crdSchemaErrors(d)).toEqual([]));
  });

  test('argocd renders one folder per chart, with an Argo CD Application per workload folder', () => {
    const app = Testing.app({ yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
    const charts = buildArgoCdApp(app);
    FlinkTesting.assertValid(app);
    const byChart = Object.fromEntries(charts.map((c) => [c.node.id, Testing.synth(c)]));
    expect(Object.fromEntries(Object.entries(byChart).map(([id, docs]) => [id, docs.map((d) => `${d.kind}/${d.metadata.name}`)]))).toEqual({
      'team-payments': ['FlinkDeployment/fraud-detection'],
      'team-analytics': ['FlinkDeployment/analytics-session', 'FlinkSessionJob/top-speed-windowing', 'FlinkSessionJob/session-windowing'],
      'argocd-applications': ['Application/team-payments', 'Application/team-analytics'],
    });
    expect(byChart['argocd-applications'].map((a) => [a.spec.source.path, a.spec.destination.namespace, a.spec.source.repoURL])).toEqual([
      [`${SOURCE.path}/team-payments`, 'team-payments', SOURCE.repoUrl],
      [`${SOURCE.path}/team-analytics`, 'team-analytics', SOURCE.repoUrl],
    ]);
    // Clusters before jobs within a folder; every Flink resource tolerates a CRD created in the same sync.
    for (const doc of [...byChart['team-payments'], ...byChart['team-analytics']]) {
      expect(doc.metadata.annotations['argocd.argoproj.io/sync-wave']).toEqual(doc.kind === 'FlinkDeployment' ? '0' : '1');
      expect(doc.metadata.annotations['argocd.argoproj.io/sync-options']).toEqual('SkipDryRunOnMissingResource=true');
      expect(crdSchemaErrors(doc)).toEqual([]);
    }
    expect(byChart['team-analytics'][0].metadata.labels).toEqual({ team: 'analytics' });
  });
});

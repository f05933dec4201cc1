import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { crdSchemaErrors } from './support/crd-schema';
import { ApplicationClusterChart } from '../examples/application-cluster/chart';
import { PythonJobChart } from '../examples/python-job/chart';
import { SessionClusterChart } from '../examples/session-cluster/chart';

const EXAMPLES = path.join(__dirname, '..', 'examples');

describe('examples', () => {
  test('every example directory is a cdk8s app covered here', () => {
    const apps = fs.readdirSync(EXAMPLES).filter((d) => fs.existsSync(path.join(EXAMPLES, d, 'cdk8s.yaml'))).sort();
    expect(apps).toEqual(['application-cluster', 'python-job', 'session-cluster']);
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
});

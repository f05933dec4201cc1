import { App, Chart, Size, Testing } from 'cdk8s';
import { FlinkDeployment, FlinkSessionJob, FlinkVersion, UpgradeMode } from '../src';
import { crdSchemaErrors } from './support/crd-schema';
import { synthErrors } from './support/prop-errors';

const JAR = 'https://repo.example.com/jobs/top-speed-1.0.jar';

function session(chart: Chart, id = 'session', namespace?: string): FlinkDeployment {
  return new FlinkDeployment(chart, id, {
    image: 'flink:2.2',
    flinkVersion: FlinkVersion.V2_2,
    namespace,
    jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
    taskManager: { memory: Size.mebibytes(2048), cpu: 1 },
  });
}

describe('FlinkSessionJob', () => {
  test('addSessionJob renders a session job targeting the deployment', () => {
    const chart = Testing.chart();
    const s = session(chart, 'shared', 'flink');
    const job = s.addSessionJob('TopSpeed', {
      job: { jarUri: JAR, parallelism: 4, upgradeMode: UpgradeMode.STATELESS },
      flinkConfiguration: { 'pipeline.name': 'top-speed' },
      restartNonce: 1,
    });
    const docs = Testing.synth(chart);
    expect(docs).toMatchSnapshot();
    expect(docs.map((d) => d.kind)).toEqual(['FlinkDeployment', 'FlinkSessionJob']);
    const sj = docs[1];
    expect(sj.metadata).toEqual({
      name: 'top-speed',
      namespace: 'flink',
      labels: { 'target.session': 'shared' },
      annotations: { 'argocd.argoproj.io/sync-wave': '1', 'argocd.argoproj.io/sync-options': 'SkipDryRunOnMissingResource=true' },
    });
    expect(sj.spec).toEqual({
      deploymentName: 'shared',
      flinkConfiguration: { 'pipeline.name': 'top-speed' },
      job: { jarURI: JAR, parallelism: 4, upgradeMode: 'stateless' },
      restartNonce: 1,
    });
    expect(job.resourceName).toEqual('top-speed');
    expect(job.namespace).toEqual('flink');
    expect(job.deployment).toBe(s);
    docs.forEach((d) => expect(crdSchemaErrors(d)).toEqual([]));
  });

  test('targets a deployment defined elsewhere by name', () => {
    const chart = Testing.chart();
    new FlinkSessionJob(chart, 'job', {
      deployment: FlinkDeployment.fromName(chart, 'target', 'team-session', 'flink'),
      job: { jarUri: JAR },
    });
    const [doc] = Testing.synth(chart);
    expect(doc.metadata.namespace).toEqual('flink');
    expect(doc.spec.deploymentName).toEqual('team-session');
  });

  test('inherits the chart namespace when the deployment has none', () => {
    const app = new App();
    const chart = new Chart(app, 'c', { namespace: 'jobs' });
    const job = new FlinkSessionJob(chart, 'job', { deployment: FlinkDeployment.fromName(chart, 't', 's'), job: { jarUri: JAR } });
    expect(job.namespace).toEqual('jobs');
  });

  test('fails synth when its namespace differs from the session cluster namespace', () => {
    const chart = Testing.chart();
    const s = session(chart, 's', 'flink');
    s.addSessionJob('j', { namespace: 'other', job: { jarUri: JAR } });
    expect(synthErrors(chart)).toMatch(/^\[test\/s\/j\] namespace: must be the session cluster's namespace "flink", got "other"$/m);
  });

  test('fails synth without a job or a deployment, and renders nothing for them', () => {
    const chart = Testing.chart();
    new FlinkSessionJob(chart, 'a', { deployment: session(chart), job: undefined as any });
    new FlinkSessionJob(chart, 'b', { deployment: undefined as any, job: { jarUri: JAR } });
    expect(synthErrors(chart)).toMatch([
      '[test/a] job: is required for a FlinkSessionJob, got undefined',
      '[test/b] deployment: must be a FlinkDeployment or FlinkDeployment.fromName(...), got undefined',
    ].join('\n'));
    expect(() => Testing.synth(chart)).toThrow(/^Validation failed with the following errors:\n {2}\[test\/a\] job: is required/);
  });

  test('addFlinkConfiguration after construction reaches the YAML', () => {
    const chart = Testing.chart();
    const job = session(chart).addSessionJob('j', { job: { jarUri: JAR, parallelism: 1 } });
    job.addFlinkConfiguration('pipeline.name', 'x');
    expect(Testing.synth(chart)[1].spec.flinkConfiguration).toEqual({ 'pipeline.name': 'x' });
  });
});

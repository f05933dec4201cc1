import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Duration, Size, Testing } from 'cdk8s';
import {
  FlinkBlueGreenDeployment, FlinkDeployment, FlinkHooks, FlinkJob, FlinkOperator, FlinkSessionJob, FlinkStateSnapshot, FlinkTesting, SnapshotType,
} from '../src';
import { deploymentProps, STATE_MACHINE_JAR } from './support/fixtures';

/** An app with wrong props on several constructs, and one whose spec the operator would reject. */
function brokenApp(outdir: string): App {
  const app = new App({ outdir });
  const chart = new Chart(app, 'team-a', { namespace: 'flink' });
  new FlinkOperator(chart, 'operator', { replicas: 0, watchNamespaces: ['Team_B'] });
  const session = new FlinkDeployment(chart, 'session', deploymentProps({
    jobManager: { memory: '2048m' as any, cpu: -1 },
    restartNonce: 'x' as any,
  }));
  session.addFlinkConfiguration('taskmanager.numberOfTaskSlots', () => 2);
  new FlinkSessionJob(chart, 'etl', { deployment: session, job: { source: FlinkJob.python({ pyFile: 'etl.txt' }), parallelism: 0 } });
  new FlinkStateSnapshot(chart, 'checkpoint', { type: SnapshotType.CHECKPOINT, path: 's3://b/cp' });
  new FlinkBlueGreenDeployment(chart, 'orders', { ...deploymentProps({ job: { jarUri: STATE_MACHINE_JAR, parallelism: 1 } }), abortGracePeriod: Duration.millis(0.5) });
  new FlinkDeployment(chart, 'fraud', deploymentProps({ job: { jarUri: STATE_MACHINE_JAR } }));
  return app;
}

const EXPECTED = [
  '[team-a/operator] watchNamespaces: must be a lowercase DNS label ([a-z0-9-], at most 63 characters), got "Team_B"',
  '[team-a/operator] replicas: must be an integer from 1 to 100, got 0',
  '[team-a/session] restartNonce: must be a whole number, got "x"',
  '[team-a/session] jobManager.cpu: must be a positive number, got -1',
  '[team-a/session] jobManager.memory: must be a Size (e.g. Size.mebibytes(2048)), got "2048m"',
  '[team-a/etl] job.source.pyFile: It only accepts Python file which ends with \'.py\' for option \'-py\', got \'etl.txt\'.',
  '[team-a/etl] job.parallelism: must be a whole number >= 1, got 0',
  '[team-a/checkpoint] path: applies to savepoints only, got "s3://b/cp" on a checkpoint',
  '[team-a/orders] abortGracePeriod: must be a whole number of milliseconds, got "0.5 millis"',
  '[team-a/fraud] job.parallelism (spec.job.parallelism): Job parallelism must be larger than 0',
];

describe('prop errors are collected, not thrown', () => {
  test('no constructor throws; app.synth() reports every error of every construct at once, with paths, props and values', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'prop-errors-'));
    let app: App | undefined;
    expect(() => {
      app = brokenApp(outdir);
    }).not.toThrow();
    let error: Error | undefined;
    try {
      app!.synth();
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message.split('\n')).toEqual(['Validation failed with the following errors:', ...EXPECTED.map((line) => `  ${line}`)]);
    expect(fs.readdirSync(outdir, { recursive: true })).toEqual([]);
  });

  test('a wrong argument of an add* method is reported the same way and changes nothing', () => {
    const chart = Testing.chart();
    const deployment = new FlinkDeployment(chart, 'd', deploymentProps({ flinkConfiguration: { 'a.b': '1' } }));
    deployment.addFlinkConfiguration('a.b', '2');
    expect(FlinkTesting.validationErrors(chart)).toEqual(['[test/d] flinkConfiguration.a.b: is already set to "1"; refusing to overwrite it with "2"']);
  });

  test('a construct that cannot be built renders nothing; rendering it directly fails with its errors', () => {
    const chart = Testing.chart();
    new FlinkDeployment(chart, 'd', { image: 'flink:2.2', flinkVersion: 'v2_2' as any, taskManager: { memory: Size.mebibytes(-0) } });
    expect(() => Testing.synth(chart)).toThrow([
      'Validation failed with the following errors:',
      '  [test/d] flinkVersion: must be a FlinkVersion (e.g. FlinkVersion.V2_2), got "v2_2"',
      '  [test/d] taskManager.memory: memory must be a positive whole number of kibibytes, got 0 KiB',
    ].join('\n'));
  });

  test('valid constructs beside a broken one keep their own checks', () => {
    const chart = Testing.chart();
    const broken = new FlinkDeployment(chart, 'broken', deploymentProps({ image: '' }));
    broken.addSessionJob('job', { job: { jarUri: 'https://repo.example.com/job.jar', parallelism: 1 } });
    expect(FlinkTesting.validationErrors(chart)).toEqual(['[test/broken] image: must be a non-empty image reference, got ""']);
  });

  describe('labels and annotations get the API server\'s metadata checks', () => {
    const KEY_RULE = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
      + "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    test('an invalid key or value is a prop error, and a "__proto__" key (from JSON) is reported, not dropped', () => {
      const chart = Testing.chart();
      new FlinkDeployment(chart, 'd', deploymentProps({
        labels: JSON.parse('{"__proto__": "x", "team": "a", "bad key": "v", "ok": "-x"}'),
        annotations: { 'example.com/a/b': 'v' },
      }));
      expect(FlinkTesting.validationErrors(chart)).toEqual([
        `[test/d] labels: Invalid value: "__proto__": ${KEY_RULE}`,
        `[test/d] labels: Invalid value: "bad key": ${KEY_RULE}`,
        expect.stringMatching(/^\[test\/d\] labels: Invalid value: "-x": a valid label must be an empty string or consist of alphanumeric characters/),
        expect.stringMatching(/^\[test\/d\] annotations: Invalid value: "example.com\/a\/b": a valid label key must consist of/),
      ]);
    });

    test('a label a mutator adds gets the same check', () => {
      const chart = Testing.chart();
      FlinkHooks.of(chart).addMutator({
        mutateDeployment: (d: any) => ({ ...d, metadata: { ...d.metadata, labels: { 'Bad Label': 'x' } } }),
        mutateSessionJob: (j: any) => j,
      });
      new FlinkDeployment(chart, 'd', deploymentProps());
      expect(FlinkTesting.validationErrors(chart)).toEqual([`[test/d] metadata.labels: Invalid value: "Bad Label": ${KEY_RULE}`]);
    });

    test('valid labels, prefixed keys and empty values pass', () => {
      const chart = Testing.chart();
      new FlinkDeployment(chart, 'd', deploymentProps({ labels: { 'app.kubernetes.io/name': 'orders', 'tier': '' }, annotations: { 'Example.com/Note': 'any text' } }));
      expect(FlinkTesting.validationErrors(chart)).toEqual([]);
    });
  });
});

import { Chart, Testing } from 'cdk8s';
import { FlinkBackend, FlinkDeployment, FlinkJob } from '../src';
import { crdSchemaErrors } from './support/crd-schema';
import { deploymentProps } from './support/fixtures';
import { buildErrors } from './support/prop-errors';

function chart(): Chart {
  return new Chart(Testing.app(), 'test', { namespace: 'flink' });
}

describe('FlinkJob', () => {
  test('FlinkJob.jar() is the jarUri/entryClass/args shorthand', () => {
    const typed = chart();
    new FlinkDeployment(typed, 'job', deploymentProps({ job: { source: FlinkJob.jar({ jarUri: 'local:///opt/flink/usrlib/a.jar', entryClass: 'com.example.A', args: ['x'] }), parallelism: 1 } }));
    const shorthand = chart();
    new FlinkDeployment(shorthand, 'job', deploymentProps({ job: { jarUri: 'local:///opt/flink/usrlib/a.jar', entryClass: 'com.example.A', args: ['x'], parallelism: 1 } }));
    expect(Testing.synth(typed)).toEqual(Testing.synth(shorthand));
    expect(FlinkJob.jar().isPython).toBe(false);
  });

  test('a Python application on the operator runs PythonDriver with -py; dependencies go to the configuration', () => {
    const c = chart();
    new FlinkDeployment(c, 'py', deploymentProps({
      job: {
        source: FlinkJob.python({
          pyFile: '/opt/flink/usrlib/word_count.py',
          pyFiles: ['/opt/flink/usrlib/lib.zip', '/opt/flink/usrlib/util.py'],
          pyArchives: ['/opt/flink/usrlib/venv.zip#venv'],
          pythonExecutable: 'venv/bin/python',
          pythonClientExecutable: '/usr/bin/python3',
          args: ['--output', 's3://out'],
        }),
        parallelism: 1,
      },
    }));
    const [doc] = Testing.synth(c);
    expect(crdSchemaErrors(doc)).toEqual([]);
    expect(doc.spec.job).toEqual({
      entryClass: 'org.apache.flink.client.python.PythonDriver',
      args: ['-py', '/opt/flink/usrlib/word_count.py', '--output', 's3://out'],
      parallelism: 1,
    });
    expect(doc.spec.flinkConfiguration).toEqual({
      'python.files': '/opt/flink/usrlib/lib.zip,/opt/flink/usrlib/util.py',
      'python.archives': '/opt/flink/usrlib/venv.zip#venv',
      'python.executable': 'venv/bin/python',
      'python.client.executable': '/usr/bin/python3',
    });
  });

  test('a Python session job on the operator carries the jar the operator uploads and its dependencies', () => {
    const c = chart();
    const session = new FlinkDeployment(c, 'session', deploymentProps());
    session.addSessionJob('py', {
      job: { source: FlinkJob.python({ pyModule: 'jobs.main', pyFiles: ['s3://bucket/jobs.zip'], jarUri: 'https://repo.example.com/flink-python-2.2.0.jar' }), parallelism: 1 },
    });
    const doc = Testing.synth(c).find((d) => d.kind === 'FlinkSessionJob');
    expect(crdSchemaErrors(doc)).toEqual([]);
    expect(doc.spec.job).toMatchObject({ jarURI: 'https://repo.example.com/flink-python-2.2.0.jar', entryClass: 'org.apache.flink.client.python.PythonDriver', args: ['-pym', 'jobs.main'] });
    expect(doc.spec.flinkConfiguration).toEqual({ 'python.files': 's3://bucket/jobs.zip' });
  });

  test.each([
    [{ pyFile: 'a.py', pyModule: 'a' }, ["job.source.pyFile: exactly one of 'pyFile' and 'pyModule' must be set, got both"]],
    [{}, ["job.source.pyFile: exactly one of 'pyFile' and 'pyModule' must be set, got neither"]],
    [{ pyFile: 'job.jar' }, ["job.source.pyFile: It only accepts Python file which ends with '.py' for option '-py', got 'job.jar'."]],
    [{ pyModule: 'a', pyFiles: ['a,b'] }, ["job.source.pyFiles: items must be non-empty and hold no ',' (Flink joins them with ','), got \"a,b\""]],
    [{ pyModule: 'a', args: [1] }, ['job.source.args[0]: must be a string, got 1']],
    [{ pyModule: ' ' }, ['job.source.pyModule: must be a non-empty string, got " "']],
    [{ pyModule: ' ', pyFiles: [''], pythonExecutable: 1 }, [
      'job.source.pyModule: must be a non-empty string, got " "',
      'job.source.pythonExecutable: must be a non-empty string, got 1',
      "job.source.pyFiles: items must be non-empty and hold no ',' (Flink joins them with ','), got \"\"",
    ]],
  ])('FlinkJob.python(%j) fails synth of the construct that runs it', (options, messages) => {
    const job = FlinkJob.python(options as any);
    expect(buildErrors((c) => new FlinkDeployment(c, 'x', deploymentProps({ job: { source: job, parallelism: 1 } }))).split('\n'))
      .toEqual(messages.map((m) => `[test/x] ${m}`));
  });

  test('FlinkJob.jar() checks its options', () => {
    const wrong = (source: FlinkJob) => buildErrors((c) => new FlinkDeployment(c, 'x', deploymentProps({ job: { source, parallelism: 1 } })));
    expect(wrong(FlinkJob.jar({ jarUri: 3 } as any))).toEqual('[test/x] job.source.jarUri: must be a non-empty string, got 3');
    expect(wrong(FlinkJob.jar('x' as any))).toEqual('[test/x] job.source.options: must be a map, got "x"');
  });

  test('source and the shorthand are exclusive; source must be a FlinkJob', () => {
    expect(buildErrors((c) => new FlinkDeployment(c, 'x', deploymentProps({ job: { source: FlinkJob.python({ pyModule: 'a' }), jarUri: 'local:///a.jar' } }))))
      .toEqual("[test/x] job.jarUri: must be unset when 'job.source' is given (pass it to FlinkJob.python(...)), got \"local:///a.jar\"");
    expect(buildErrors((c) => new FlinkDeployment(c, 'x', deploymentProps({ job: { source: { pyFile: 'a.py' } as any } }))))
      .toEqual('[test/x] job.source: must be a FlinkJob (FlinkJob.jar(...) or FlinkJob.python(...)), got {"pyFile":"a.py"}');
  });

  test('a Python option that conflicts with the configuration is an error naming the key', () => {
    expect(buildErrors((c) => new FlinkDeployment(c, 'x', deploymentProps({
      flinkConfiguration: { 'python.executable': 'python3.11' },
      job: { source: FlinkJob.python({ pyModule: 'a', pythonExecutable: 'python3' }), parallelism: 1 },
    })))).toMatch('[test/x] flinkConfiguration.python.executable: is already set to "python3.11"; refusing to overwrite it with "python3"');
  });

  test('the same Python job renders on the operator and standalone backends', () => {
    const source = FlinkJob.python({ pyFile: '/opt/flink/usrlib/wc.py' });
    for (const backend of [FlinkBackend.APACHE_OPERATOR, FlinkBackend.KUBERNETES]) {
      const c = chart();
      new FlinkDeployment(c, 'wc', deploymentProps({ backend, job: { source, parallelism: 1 } }));
      expect(JSON.stringify(Testing.synth(c))).toContain('org.apache.flink.client.python.PythonDriver');
    }
  });
});

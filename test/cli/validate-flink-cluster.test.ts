import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { cli, tmpdir } from '../support/cli';
import { SPOTIFY_FIXTURES, spotifyFixtureFiles } from '../support/spotify';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLES = path.join(SPOTIFY_FIXTURES, 'config', 'samples');
const JOB_CLUSTER = path.join(SAMPLES, 'flinkoperator_v1beta1_flinkjobcluster.yaml');

/** A copy of the upstream job cluster sample with a change, written to a temporary file. */
function brokenJobCluster(change: (cluster: any) => void): string {
  const cluster = parse(fs.readFileSync(JOB_CLUSTER, 'utf8'));
  change(cluster);
  const file = path.join(tmpdir(), 'cluster.yaml');
  fs.writeFileSync(file, stringify(cluster));
  return file;
}

describe('cdk8s-flink validate on spotify operator FlinkClusters', () => {
  test('the fixtures are the upstream files (SHA256SUMS)', () => {
    const sums = fs.readFileSync(path.join(SPOTIFY_FIXTURES, 'SHA256SUMS'), 'utf8').trim().split('\n').map((line) => line.split(/\s+/));
    expect(sums.map(([, file]) => file.replace(/^\.\//, ''))).toEqual(spotifyFixtureFiles());
    for (const [sum, file] of sums) {
      expect([file, createHash('sha256').update(fs.readFileSync(path.join(SPOTIFY_FIXTURES, file))).digest('hex')]).toEqual([file, sum]);
    }
  });

  test('every upstream sample and the envtest request are valid', () => {
    const r = cli('validate', '--format', 'json', SAMPLES, path.join(SPOTIFY_FIXTURES, 'apis'));
    expect(r.err).toMatch(/^6 resources in \d+ files: 0 errors, 0 warnings\n$/);
    const reports = JSON.parse(r.out);
    // Arguments in order, each directory's files in the CLI's sorted order.
    expect(reports.map((x: any) => [path.basename(x.file), x.kind, x.name, x.namespace, x.errors])).toEqual([
      ['flinkoperator_v1beta1_flinkjobcluster_volcano.yaml', 'FlinkCluster', 'flinkjobcluster-sample', null, []],
      ['flinkoperator_v1beta1_flinkjobcluster.yaml', 'FlinkCluster', 'flinkjobcluster-sample', null, []],
      ['flinkoperator_v1beta1_flinksessioncluster_volcano.yaml', 'FlinkCluster', 'flinksessioncluster-sample', null, []],
      ['flinkoperator_v1beta1_flinksessioncluster.yaml', 'FlinkCluster', 'flinksessioncluster-sample', null, []],
      ['flinkoperator_v1beta1_remotejobjar.yaml', 'FlinkCluster', 'flinkjobcluster-http', null, []],
      ['flinkcluster_type_request.yaml', 'FlinkCluster', 'state-machine', 'default', []],
    ]);
    expect(r.code).toBe(0);
  });

  test('the envtest\'s expected object (the request as the API server stores it) is valid too', () => {
    const expected = parse(fs.readFileSync(path.join(SPOTIFY_FIXTURES, 'apis/flinkcluster/v1beta1/assets/test/flinkcluster_type_expected.yaml'), 'utf8'));
    const file = path.join(tmpdir(), 'expected.yaml');
    fs.writeFileSync(file, stringify({ apiVersion: 'flinkoperator.k8s.io/v1beta1', kind: 'FlinkCluster', ...expected }));
    expect(cli('validate', file)).toEqual({ code: 0, out: '1 resource in 1 file: 0 errors, 0 warnings\n', err: '' });
  });

  test('the upstream examples without the required flinkVersion pass (the webhook\'s Go encoding fills it); other kinds are skipped', () => {
    // The operator's mutating webhook answers with the object in its Go encoding, `flinkVersion: ""`
    // included, before the API server checks the schema: the operator admits these examples.
    expect(cli('validate', path.join(SPOTIFY_FIXTURES, 'examples'))).toEqual({ code: 0, out: '6 resources in 11 files: 0 errors, 0 warnings\n', err: '' });
  });

  test.each([
    ['a name that is no DNS-1035 label', (c: any) => { c.metadata.name = 'Flink_Job'; },
      "cluster name Flink_Job is invalid: a DNS-1035 name must consist of lower case alphanumeric characters or '-', start with an alphabetic "
      + "character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?'"],
    ['an extra port named like a Flink port', (c: any) => { c.spec.jobManager.extraPorts = [{ name: 'ui', containerPort: 9999 }]; },
      'duplicate port name ui in jobmanager, each port name of ports and extraPorts must be unique'],
    ['a job cancelled at creation', (c: any) => { c.spec.job.cancelRequested = true; },
      'property `cancelRequested` cannot be set to true for a new job'],
    ['no jar, Python file or module', (c: any) => { delete c.spec.job.jarFile; },
      'job jarFile or pythonFile or pythonModule is unspecified'],
    ['a malformed version', (c: any) => { c.spec.flinkVersion = '1.x'; }, 'malformed version: 1.x'],
    ['off-heap settings with Flink 1.14', (c: any) => { c.spec.taskManager.memoryOffHeapRatio = 25; },
      "MemoryOffHeapRatio or MemoryOffHeapMin config cannot be used with flinkVersion >= 1.11'; use memoryProcessRatio istead"],
    ['a restart policy without a maximum state age', (c: any) => { c.spec.job.restartPolicy = 'FromSavepointOnFailure'; },
      'maxStateAgeToRestoreSeconds must be specified when restartPolicy is set as FromSavepointOnFailure'],
    ['no TaskManager', (c: any) => { c.spec.taskManager.replicas = 0; }, 'spec.taskManager.replicas: must be >= 1'],
    ['a restart policy the CRD does not know', (c: any) => { c.spec.job.restartPolicy = 'Always'; },
      'spec.job.restartPolicy: must be equal to one of the allowed values: "Never", "FromSavepointOnFailure"'],
  ])('%s: the upstream message, as file: FlinkCluster/name: message', (_what, change, message) => {
    const file = brokenJobCluster(change);
    const name = parse(fs.readFileSync(file, 'utf8')).metadata.name;
    const r = cli('validate', file);
    expect(r.out.split('\n')).toContain(`${file}: FlinkCluster/${name}: ${message}`);
    expect(r.code).toBe(1);
  });

  test('schema errors come first, then the webhook\'s; json output as for Flink resources, in input order', () => {
    const dir = tmpdir();
    const cluster = parse(fs.readFileSync(JOB_CLUSTER, 'utf8'));
    cluster.metadata.namespace = 'flink';
    cluster.spec.jobManager.ports.ui = 'web';
    cluster.spec.job.parallelism = 0;
    const deployment = { apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkDeployment', metadata: { name: 'd', namespace: 'flink' }, spec: {} };
    const file = path.join(dir, 'mixed.yaml');
    fs.writeFileSync(file, [stringify(cluster), stringify(deployment), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n'].join('---\n'));
    const r = cli('validate', '--format', 'json', dir);
    const reports = JSON.parse(r.out);
    expect(reports.map((x: any) => x.kind)).toEqual(['FlinkCluster', 'FlinkDeployment']);
    expect(reports[0]).toEqual({
      file,
      kind: 'FlinkCluster',
      name: 'flinkjobcluster-sample',
      namespace: 'flink',
      errors: ['spec.jobManager.ports.ui: must be integer', 'job parallelism must be >= 1'],
      warnings: [],
    });
    expect(reports[1].errors.length).toBeGreaterThan(0);
    expect(r.code).toBe(1);
  });

  test('--help names FlinkClusters', () => {
    expect(cli('validate', '--help').out).toContain('FlinkClusters of the spotify\noperator (flinkoperator.k8s.io/v1beta1)');
    expect(cli('--help').out).toContain('(spotify operator) FlinkCluster');
  });

  test('the CLI loads neither construct code nor ajv until it meets a FlinkCluster', () => {
    const script = `
      const { validateCommand } = require('./src/cli/validate');
      const heavy = () => Object.keys(require.cache)
        .filter((p) => /node_modules\\/(cdk8s-plus-27|ajv)\\//.test(p) || /\\/src\\/(props\\/_checks|manifest\\/_ir)\\.ts$/.test(p) || /\\/src\\/imports\\//.test(p))
        .map((p) => p.includes('node_modules/ajv/') ? 'ajv' : p)
        .filter((p, i, all) => all.indexOf(p) === i);
      const before = heavy();
      validateCommand([${JSON.stringify(path.join(SPOTIFY_FIXTURES, 'examples', 'beam'))}]);
      process.stdout.write(JSON.stringify([before, heavy()]));
    `;
    const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toEqual('');
    expect(JSON.parse(result.stdout)).toEqual([[], ['ajv']]);
  });
});

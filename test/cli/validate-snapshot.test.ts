import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { UPSTREAM_EXAMPLES } from '../support/upstream';

function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(argv, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

function write(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-snapshot-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const DEPLOYMENT = `apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata: { name: orders, namespace: flink }
spec:
  image: flink:2.2
  flinkVersion: v2_2
  serviceAccount: flink
  jobManager: { resource: { memory: "2048m", cpu: 1 } }
  taskManager: { resource: { memory: "2048m", cpu: 1 } }
  job: { jarURI: "local:///opt/flink/examples/streaming/StateMachineExample.jar", parallelism: 2 }
`;

function snapshot(name: string, spec: string): string {
  return `apiVersion: flink.apache.org/v1beta1
kind: FlinkStateSnapshot
metadata: { name: ${name}, namespace: flink }
spec: ${spec}
`;
}

describe('cdk8s-flink validate: FlinkStateSnapshot and FlinkBlueGreenDeployment', () => {
  test('the upstream snapshot examples are valid', () => {
    const r = cli('validate', '--policy', 'operator', '--format', 'json', path.join(UPSTREAM_EXAMPLES, 'snapshot'));
    const reports = JSON.parse(r.out);
    expect(reports.map((x: any) => `${x.kind}/${x.name}`)).toEqual([
      'FlinkStateSnapshot/example-checkpoint',
      'FlinkStateSnapshot/example-savepoint',
      'FlinkDeployment/example-deployment',
      'FlinkStateSnapshot/example-savepoint',
      'FlinkStateSnapshot/example-savepoint',
      'FlinkStateSnapshot/example-savepoint',
    ]);
    expect(reports.filter((x: any) => x.errors.length > 0)).toEqual([]);
    expect(r.code).toBe(0);
  });

  test('reports the upstream snapshot messages, one line per error', () => {
    const file = write('snapshots.yaml', [
      DEPLOYMENT,
      snapshot('both', '{ jobReference: { kind: FlinkDeployment, name: orders }, savepoint: {}, checkpoint: {} }'),
      snapshot('no-reference', '{ savepoint: { path: "s3://b/sp" } }'),
      snapshot('no-name', '{ jobReference: { kind: FlinkDeployment }, checkpoint: {} }'),
      snapshot('ok', '{ jobReference: { kind: FlinkDeployment, name: orders }, checkpoint: {} }'),
      snapshot('elsewhere', '{ jobReference: { kind: FlinkSessionJob, name: defined-elsewhere }, checkpoint: {} }'),
    ].join('---\n'));
    const r = cli('validate', file);
    expect(r.out).toEqual([
      `${file}: FlinkStateSnapshot/both: Exactly one of checkpoint or savepoint configurations has to be set.`,
      `${file}: FlinkStateSnapshot/no-reference: Job reference must be supplied for this snapshot`,
      `${file}: FlinkStateSnapshot/no-name: Target for snapshot flink/null was not found`,
      `${file}: FlinkStateSnapshot/elsewhere: warning: FlinkSessionJob flink/defined-elsewhere is not among the inputs, so the checks against it did not run`,
      '6 resources in 1 file: 3 errors, 1 warning',
      '',
    ].join('\n'));
    expect(r.code).toBe(1);
  });

  test('a plugin validator with validateStateSnapshot gets the snapshot and the target found among the inputs', () => {
    const file = write('all.yaml', `${DEPLOYMENT}---\n${snapshot('sp', '{ jobReference: { kind: FlinkDeployment, name: orders }, savepoint: {} }')}`);
    const plugin = write('policy.js', `
      module.exports = {
        validateDeployment: () => undefined,
        validateSessionJob: () => undefined,
        validateStateSnapshot: (s, target) => 'target ' + (target ? target.metadata.name + ' parallelism ' + target.spec.job.parallelism : 'unknown'),
      };
    `);
    const r = cli('validate', '--plugin', plugin, file);
    expect(r.out).toEqual(`${file}: FlinkStateSnapshot/sp: target orders parallelism 2\n2 resources in 1 file: 1 error, 0 warnings\n`);
    expect(r.code).toBe(1);
  });

  test('validates a FlinkBlueGreenDeployment as its blue and green deployments', () => {
    const file = write('bg.yaml', `apiVersion: flink.apache.org/v1beta1
kind: FlinkBlueGreenDeployment
metadata: { name: ${'a'.repeat(40)}, namespace: flink }
spec:
  configuration: { kubernetes.operator.bluegreen.deployment-deletion.delay: "2s" }
  template:
    spec:
      image: flink:2.2
      flinkVersion: v2_2
      serviceAccount: flink
      jobManager: { resource: { memory: "2048m", cpu: 1 } }
      taskManager: { resource: { memory: "2048m", cpu: 1 } }
      job: { jarURI: "local:///opt/flink/examples/streaming/StateMachineExample.jar", parallelism: 0 }
`);
    const r = cli('validate', '--format', 'json', file);
    const [report] = JSON.parse(r.out);
    expect(report.kind).toEqual('FlinkBlueGreenDeployment');
    // The blue deployment's messages first, then what only the green one adds.
    expect(report.errors).toEqual([
      'Job parallelism must be larger than 0',
      expect.stringMatching(/^The FlinkDeployment name: a{40}-green is invalid/),
    ]);
    expect(r.code).toBe(1);
  });
});

test('a plugin exporting only validateStateSnapshot validates snapshots', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'snap-plugin-'));
  fs.writeFileSync(path.join(dir, 'snap.yaml'), 'apiVersion: flink.apache.org/v1beta1\nkind: FlinkStateSnapshot\nmetadata: { name: sp }\nspec:\n  savepoint: { alreadyExists: true, path: "s3://b/sp-1" }\n');
  fs.writeFileSync(path.join(dir, 'plugin.js'), "exports.v = { validateStateSnapshot: (s) => s.spec.savepoint.path.startsWith('s3://approved/') ? undefined : 'savepoints must live in s3://approved/' };");
  let out = '';
  const code = runCli(['validate', '--plugin', path.join(dir, 'plugin.js'), path.join(dir, 'snap.yaml')], (s) => { out += s; }, () => undefined);
  expect(code).toBe(1);
  expect(out).toEqual(`${path.join(dir, 'snap.yaml')}: FlinkStateSnapshot/sp: savepoints must live in s3://approved/\n1 resource in 1 file: 1 error, 0 warnings\n`);
});

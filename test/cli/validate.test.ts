import { spawnSync } from 'child_process';
import * as path from 'path';
import { cli, SESSION_DEPLOYMENT, SESSION_JOB, tmpdir, write } from '../support/cli';
import { UPSTREAM_EXAMPLES, UPSTREAM_EXAMPLES_1_16 } from '../support/upstream';

const BIN = path.join(__dirname, '..', '..', 'lib', 'cli', 'main.js');

describe('cdk8s-flink validate', () => {
  test('the upstream examples pass the operator\'s admission rules', () => {
    const r = cli('validate', '--policy', 'operator', '--format', 'json', UPSTREAM_EXAMPLES);
    const reports = JSON.parse(r.out);
    // 9 warnings: upstream examples set 1.x keys (state.checkpoints.dir, ...) that Flink 1.20+ reads only as deprecated.
    expect(r.err).toEqual('27 resources in 32 files: 0 errors, 9 warnings\n');
    // 22 FlinkDeployments and FlinkSessionJobs, 5 FlinkStateSnapshots.
    expect(reports).toHaveLength(27);
    expect(reports.filter((x: any) => x.errors.length > 0)).toEqual([]);
    expect(r.code).toBe(0);
  });

  test('the 1.16 upstream examples pass the operator 1.16 admission rules, and 1.15 names each `resources` field it lacks', () => {
    const r = cli('validate', '--policy', 'operator', '--operator-version', '1.16', '--format', 'json', UPSTREAM_EXAMPLES_1_16);
    expect(r.err).toEqual('27 resources in 32 files: 0 errors, 9 warnings\n');
    expect(JSON.parse(r.out).filter((x: any) => x.errors.length > 0)).toEqual([]);
    expect(r.code).toBe(0);
    // Under 1.15 each of the 17 FlinkDeployments has 2 fields its CRD lacks, and no memory for each process.
    const old = cli('validate', '--policy', 'operator', '--operator-version', '1.15', '--format', 'json', UPSTREAM_EXAMPLES_1_16);
    const errors: string[] = JSON.parse(old.out).flatMap((x: any) => x.errors);
    expect(errors.filter((e) => /^spec\.(jobManager|taskManager)\.resources is not a field of the FlinkDeployment CRD of Flink Kubernetes Operator 1\.15\.0/.test(e))).toHaveLength(34);
    expect(errors).toHaveLength(68);
  });

  test('the library\'s policy (the default) reports what the upstream examples do that "restricted" forbids', () => {
    const r = cli('validate', '--format', 'json', UPSTREAM_EXAMPLES);
    const errors: string[] = JSON.parse(r.out).flatMap((x: any) => x.errors);
    // hostPath volumes for checkpoints, and the TLS examples' keystore passwords in plain text.
    expect(errors.filter((e) => /hostPath\.path: \/tmp\/flink mounts a directory of the node/.test(e))).toHaveLength(4);
    expect(errors.filter((e) => /^flinkConfiguration\.security\.ssl\.[a-z.-]+-password: looks like a credential/.test(e))).toHaveLength(15);
    expect(errors).toHaveLength(19);
    expect(r.err).toEqual('27 resources in 32 files: 19 errors, 9 warnings\n');
    expect(r.code).toBe(1);
  });

  test('json output has one entry per Flink resource and skips other documents', () => {
    const dir = tmpdir();
    write(dir, 'all.yaml', `${SESSION_DEPLOYMENT}---\n${SESSION_JOB}---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n---\n`);
    const r = cli('validate', '--format', 'json', dir);
    expect(JSON.parse(r.out)).toEqual([
      { file: path.join(dir, 'all.yaml'), kind: 'FlinkDeployment', name: 'session', namespace: 'flink', errors: [], warnings: [] },
      { file: path.join(dir, 'all.yaml'), kind: 'FlinkSessionJob', name: 'job', namespace: 'flink', errors: [], warnings: [] },
    ]);
    expect(r.code).toBe(0);
  });

  test('configuration keys the Flink version reads only as deprecated are warnings, errors with --strict', () => {
    const dir = tmpdir();
    const file = write(dir, 'dep.yaml', SESSION_DEPLOYMENT.replace('spec:\n', 'spec:\n  flinkConfiguration:\n    state.savepoints.dir: s3://b/sp\n'));
    const message = "spec.flinkConfiguration.state.savepoints.dir: 'state.savepoints.dir' is deprecated in Flink 2.2; use 'execution.checkpointing.savepoint-dir' instead";
    const lenient = cli('validate', file);
    expect([lenient.code, lenient.out]).toEqual([0, `${file}: FlinkDeployment/session: warning: ${message}\n1 resource in 1 file: 0 errors, 1 warning\n`]);
    const json = cli('validate', '--format', 'json', file);
    expect(JSON.parse(json.out)[0]).toMatchObject({ errors: [], warnings: [message] });
    const strict = cli('validate', '--strict', file);
    expect([strict.code, strict.out]).toEqual([1, `${file}: FlinkDeployment/session: ${message}\n1 resource in 1 file: 1 error, 0 warnings\n`]);
  });

  test('a session job\'s keys are read by its cluster\'s Flink version', () => {
    const dir = tmpdir();
    write(dir, 'dep.yaml', SESSION_DEPLOYMENT.replace('v2_2', 'v1_19'));
    const job = write(dir, 'job.yaml', SESSION_JOB.replace('spec:\n', 'spec:\n  flinkConfiguration:\n    state.backend.async: "true"\n'));
    expect(cli('validate', dir).out).toEqual(`${job}: FlinkSessionJob/job: warning: spec.flinkConfiguration.state.backend.async: 'state.backend.async' is deprecated in Flink 1.19; it has no replacement\n2 resources in 2 files: 0 errors, 1 warning\n`);
    write(dir, 'dep.yaml', SESSION_DEPLOYMENT);
    expect(cli('validate', dir).out).toEqual(`${job}: FlinkSessionJob/job: warning: spec.flinkConfiguration.state.backend.async: Flink 2.2 no longer reads 'state.backend.async'; it has no replacement\n2 resources in 2 files: 0 errors, 1 warning\n`);
  });

  test('a plugin validator runs on hand-written YAML; text output is file: Kind/name: message', () => {
    const dir = tmpdir();
    const file = write(dir, 'apps/dep.yaml', SESSION_DEPLOYMENT);
    const plugin = write(dir, 'policy.js', `
      class RegistryPolicy {
        validateDeployment(d) { return d.spec.image.startsWith('registry.example.com/') ? undefined : 'image must come from registry.example.com'; }
        validateSessionJob() { return undefined; }
      }
      module.exports = { RegistryPolicy, teamLabel: { validateDeployment: (d) => d.metadata.labels?.team ? undefined : 'label team is required', validateSessionJob: () => undefined } };
    `);
    const r = cli('validate', '--plugin', plugin, dir);
    expect(r.out).toEqual(`${file}: FlinkDeployment/session: image must come from registry.example.com\n${file}: FlinkDeployment/session: label team is required\n`
      + '1 resource in 1 file: 2 errors, 0 warnings\n');
    expect(r.code).toBe(1);
  });

  test('mutators from plugins run before validators, and session jobs see their mutated cluster', () => {
    const dir = tmpdir();
    write(dir, 'a.yaml', SESSION_JOB);
    write(dir, 'b.yaml', SESSION_DEPLOYMENT);
    const plugin = write(dir, 'plugin.js', `
      exports.mutator = { mutateDeployment: (d) => ({ ...d, spec: { ...d.spec, image: 'registry.example.com/flink:2.2' } }), mutateSessionJob: (j) => j };
      exports.validator = {
        validateDeployment: (d) => d.spec.image.startsWith('registry.example.com/') ? undefined : 'not mutated',
        validateSessionJob: (j, s) => s && s.spec.image.startsWith('registry.example.com/') && j.metadata.labels['target.session'] === 'session' ? undefined : 'session cluster not seen',
      };
    `);
    const r = cli('validate', '--format', 'json', '--plugin', plugin, dir);
    expect(JSON.parse(r.out).map((x: any) => x.errors)).toEqual([[], []]);
    expect(r.code).toBe(0);
  });

  test('--operator-config takes nested YAML and is what validators see', () => {
    const dir = tmpdir();
    write(dir, 'dep.yaml', SESSION_DEPLOYMENT);
    const config = write(dir, 'operator.yaml', 'kubernetes.operator:\n  reconcile.interval: 30 s\n');
    const plugin = write(dir, 'seen.js', `
      exports.v = { validateDeployment: (d, ctx) => 'seen ' + ctx.operatorConfiguration['kubernetes.operator.reconcile.interval'] + ' / ' + ctx.operatorConfiguration['taskmanager.numberOfTaskSlots'], validateSessionJob: () => undefined };
    `);
    // merged over the target release's chart defaults: the 1.16 chart no longer sets the task slots, 1.15.0's did
    const r = cli('validate', '--operator-config', config, '--plugin', plugin, dir);
    expect(r.out).toContain('FlinkDeployment/session: seen 30 s / undefined');
    const old = cli('validate', '--operator-version', '1.15', '--operator-config', config, '--plugin', plugin, dir);
    expect(old.out).toContain('FlinkDeployment/session: seen 30 s / 1');
    const defaults = cli('validate', '--operator-version', '1.15', '--plugin', plugin, dir);
    expect(defaults.out).toContain('FlinkDeployment/session: seen 15 s / 1');
  });

  test.each([
    [['validate'], /^cdk8s-flink: no PATH given/],
    [['validate', '--format', 'xml', '.'], /^cdk8s-flink: --format must be text or json, got 'xml'/],
    [['validate', '--bogus', '.'], /^cdk8s-flink: Unknown option '--bogus'/],
    [['validate', '/does/not/exist'], /^cdk8s-flink: \/does\/not\/exist: no such file or directory/],
    [['frobnicate'], /^cdk8s-flink: unknown command 'frobnicate'/],
    [[], /^cdk8s-flink: no command given/],
  ])('usage errors exit 2: %j', (argv, message) => {
    const r = cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  test.each([
    ['malformed YAML', 'a: [1, 2\nb: c\n', /bad\.yaml:\d+: malformed YAML: /],
    ['a binary file', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), /bad\.yaml: binary file, not YAML/],
    ['an alias bomb', 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n', /bad\.yaml:1: Excessive alias count/],
  ])('%s exits 2 with a one-line file:line message', (_what, content, message) => {
    const dir = tmpdir();
    write(dir, 'bad.yaml', content as any);
    const r = cli('validate', path.join(dir, 'bad.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  test('a plugin that cannot be loaded or exports no hook exits 2', () => {
    const dir = tmpdir();
    write(dir, 'dep.yaml', SESSION_DEPLOYMENT);
    const empty = write(dir, 'empty.js', 'exports.x = 1;');
    expect(cli('validate', '--plugin', empty, dir)).toMatchObject({ code: 2, err: expect.stringMatching(/exports no validator/) });
    expect(cli('validate', '--plugin', './nope.js', dir)).toMatchObject({ code: 2, err: expect.stringMatching(/\.\/nope\.js: cannot load plugin/) });
  });

  test('the installed bin runs with the same exit codes', () => {
    const ok = spawnSync(process.execPath, [BIN, 'validate', '--policy', 'operator', UPSTREAM_EXAMPLES], { encoding: 'utf8' });
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toMatch(/\n27 resources in 32 files: 0 errors, 9 warnings\n$/);
    const dir = tmpdir();
    write(dir, 'bad.yaml', 'a: [');
    const bad = spawnSync(process.execPath, [BIN, 'validate', dir], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^cdk8s-flink: .*bad\.yaml:\d+: malformed YAML/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  test('ends with a summary line; a path without any Flink resource is a warning, not an error', () => {
    const dir = tmpdir();
    const flink = write(dir, 'flink/all.yaml', `${SESSION_DEPLOYMENT}---\n${SESSION_JOB}`);
    const other = write(dir, 'other/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n');
    const r = cli('validate', path.dirname(flink), path.dirname(other));
    expect(r).toEqual({
      code: 0,
      out: `${path.dirname(other)}: warning: no Flink resource found (FlinkDeployment, FlinkSessionJob, FlinkStateSnapshot, FlinkBlueGreenDeployment or FlinkCluster)\n`
        + '2 resources in 2 files: 0 errors, 1 warning\n',
      err: '',
    });
  });

  test('a session job whose cluster is not among the inputs is a warning; --strict-references makes it an error', () => {
    const dir = tmpdir();
    const file = write(dir, 'job.yaml', SESSION_JOB);
    const warning = 'session cluster FlinkDeployment flink/session is not among the inputs, so the checks against it did not run';
    expect(cli('validate', file)).toEqual({ code: 0, out: `${file}: FlinkSessionJob/job: warning: ${warning}\n1 resource in 1 file: 0 errors, 1 warning\n`, err: '' });
    expect(cli('validate', '--strict-references', file)).toEqual({ code: 1, out: `${file}: FlinkSessionJob/job: ${warning}\n1 resource in 1 file: 1 error, 0 warnings\n`, err: '' });
    const json = cli('validate', '--format', 'json', file);
    expect(JSON.parse(json.out)[0].warnings).toEqual([warning]);
    expect(json.err).toEqual('1 resource in 1 file: 0 errors, 1 warning\n');
  });

  test('a snapshot whose job is not among the inputs: a warning, or with --strict-references the operator\'s own message', () => {
    const dir = tmpdir();
    const file = write(dir, 'sp.yaml', 'apiVersion: flink.apache.org/v1beta1\nkind: FlinkStateSnapshot\nmetadata: { name: sp, namespace: flink }\n'
      + 'spec: { jobReference: { kind: FlinkDeployment, name: orders }, savepoint: { path: "s3://b/sp" } }\n');
    expect(cli('validate', file).out).toEqual(`${file}: FlinkStateSnapshot/sp: warning: FlinkDeployment flink/orders is not among the inputs, so the checks against it did not run\n`
      + '1 resource in 1 file: 0 errors, 1 warning\n');
    expect(cli('validate', '--strict-references', file)).toEqual({
      code: 1, out: `${file}: FlinkStateSnapshot/sp: Target for snapshot flink/orders was not found\n1 resource in 1 file: 1 error, 0 warnings\n`, err: '',
    });
  });
});

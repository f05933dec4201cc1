import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthCommand } from '../../src/cli/synth';

const ROOT = path.join(__dirname, '..', '..');
const TSX = `"${process.execPath}" "${path.join(ROOT, 'node_modules', '.bin', 'tsx')}"`;

/** A directory for a test app; inside the repository so that its imports resolve. */
function appDir(): string {
  return fs.mkdtempSync(path.join(ROOT, '.test-synth-'));
}

function synth(cwd: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const outcome = synthCommand(argv, cwd, (s) => { out += s; }, (s) => { err += s; });
  return { ...outcome, out, err };
}

/** A shell command that writes the given files into $CDK8S_OUTDIR. */
function writer(files: Record<string, string>): string {
  const script = `const fs=require('fs'),p=require('path');for(const [f,c] of Object.entries(${JSON.stringify(files)})){fs.writeFileSync(p.join(process.env.CDK8S_OUTDIR,f),c)}`;
  return `"${process.execPath}" -e ${JSON.stringify(script)}`;
}

afterAll(() => {
  for (const d of fs.readdirSync(ROOT).filter((n) => n.startsWith('.test-synth-'))) {
    fs.rmSync(path.join(ROOT, d), { recursive: true, force: true });
  }
});

describe('cdk8s-flink synth', () => {
  test('replaces the output content on success: stale files of removed charts disappear', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-'));
    const output = path.join(cwd, 'dist');
    fs.mkdirSync(output);
    fs.writeFileSync(path.join(output, 'removed-chart.k8s.yaml'), 'old');
    const r = synth(cwd, '--app', writer({ 'a.k8s.yaml': 'kind: A\n', 'b.k8s.yaml': 'kind: B\n' }));
    expect(r.exitCode).toBe(0);
    expect(r.files).toEqual(['a.k8s.yaml', 'b.k8s.yaml']);
    expect(fs.readdirSync(output).sort()).toEqual(['a.k8s.yaml', 'b.k8s.yaml']);
    expect(fs.readFileSync(path.join(output, 'a.k8s.yaml'), 'utf8')).toEqual('kind: A\n');
    expect(fs.readdirSync(cwd)).toEqual(['dist']);
  });

  test('leaves the output untouched and exits 1 when the app fails, printing its errors', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-'));
    const output = path.join(cwd, 'out');
    fs.mkdirSync(output);
    fs.writeFileSync(path.join(output, 'keep.k8s.yaml'), 'kept');
    const failing = `"${process.execPath}" -e "require('fs').writeFileSync(process.env.CDK8S_OUTDIR + '/half.yaml', 'x'); console.error('first error'); console.error('second error'); process.exit(3)"`;
    const r = synth(cwd, '--app', failing, '--output', 'out');
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain('first error\nsecond error\n');
    expect(r.err).toContain('cdk8s-flink: the app failed (exit code 3); out is unchanged');
    expect(fs.readdirSync(output)).toEqual(['keep.k8s.yaml']);
    expect(fs.readFileSync(path.join(output, 'keep.k8s.yaml'), 'utf8')).toEqual('kept');
    expect(fs.readdirSync(cwd)).toEqual(['out']);
  });

  test('takes the app and output from cdk8s.yaml', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-'));
    fs.writeFileSync(path.join(cwd, 'cdk8s.yaml'), `app: ${JSON.stringify(writer({ 'c.k8s.yaml': 'kind: C\n' }))}\noutput: manifests\n`);
    const r = synth(cwd);
    expect(r.exitCode).toBe(0);
    expect(fs.readdirSync(path.join(cwd, 'manifests'))).toEqual(['c.k8s.yaml']);
  });

  test('an invalid cdk8s app writes nothing and every validation error is printed', () => {
    const cwd = appDir();
    fs.mkdirSync(path.join(cwd, 'dist'));
    fs.writeFileSync(path.join(cwd, 'dist', 'previous.k8s.yaml'), 'previous');
    fs.writeFileSync(path.join(cwd, 'main.ts'), `
      import { App, Chart, Size } from 'cdk8s';
      import { FlinkDeployment, FlinkVersion } from '../src';
      const app = new App();
      const a = new Chart(app, 'team-a');
      const b = new Chart(app, 'team-b');
      const props = { image: 'flink:2.2', jobManager: { memory: Size.mebibytes(1024) }, taskManager: { memory: Size.mebibytes(1024) } };
      new FlinkDeployment(a, 'one', { ...props, flinkVersion: FlinkVersion.V1_14 });
      new FlinkDeployment(b, 'two', { ...props, flinkVersion: FlinkVersion.V2_2, job: { jarUri: 'local:///x.jar' } });
      app.synth();
    `);
    const r = synth(cwd, '--app', `${TSX} main.ts`);
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain('[team-a/one] Flink version v1_14 is not supported by this operator version');
    expect(r.err).toContain('[team-b/two] job.parallelism (spec.job.parallelism): Job parallelism must be larger than 0');
    expect(fs.readdirSync(path.join(cwd, 'dist'))).toEqual(['previous.k8s.yaml']);
    // The error list, not cdk8s' stack trace.
    expect(r.err).toContain('Error: Validation failed with the following errors:');
    expect(r.err).not.toMatch(/^\s+at /m);
    expect(r.err).not.toMatch(/node_modules/);
  });

  test('wrong props of several constructs are listed with the pipeline errors, without a stack trace', () => {
    const cwd = appDir();
    fs.mkdirSync(path.join(cwd, 'dist'));
    fs.writeFileSync(path.join(cwd, 'dist', 'previous.k8s.yaml'), 'previous');
    fs.writeFileSync(path.join(cwd, 'main.ts'), `
      import { App, Chart, Size } from 'cdk8s';
      import { FlinkDeployment, FlinkOperator, FlinkVersion } from '../src';
      const app = new App();
      const chart = new Chart(app, 'team-a', { namespace: 'flink' });
      new FlinkOperator(chart, 'operator', { replicas: 0 });
      new FlinkDeployment(chart, 'payments', {
        image: 'flink:2.2', flinkVersion: FlinkVersion.V2_2,
        jobManager: { memory: '2048m' as any }, taskManager: { memory: Size.mebibytes(1024), cpu: 0 },
      });
      new FlinkDeployment(chart, 'fraud', {
        image: 'flink:2.2', flinkVersion: FlinkVersion.V2_2,
        jobManager: { memory: Size.mebibytes(1024) }, taskManager: { memory: Size.mebibytes(1024) }, job: { jarUri: 'local:///x.jar' },
      });
      app.synth();
    `);
    const r = synth(cwd, '--app', `${TSX} main.ts`);
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain([
      'Error: Validation failed with the following errors:',
      '  [team-a/operator] replicas: must be an integer from 1 to 100, got 0',
      '  [team-a/payments] jobManager.memory: must be a Size (e.g. Size.mebibytes(2048)), got "2048m"',
      '  [team-a/payments] taskManager.cpu: must be a positive number, got 0',
      '  [team-a/fraud] job.parallelism (spec.job.parallelism): Job parallelism must be larger than 0',
    ].join('\n'));
    expect(r.err).not.toMatch(/^\s+at /m);
    expect(r.err).not.toMatch(/node_modules|PropError/);
    expect(fs.readdirSync(path.join(cwd, 'dist'))).toEqual(['previous.k8s.yaml']);
  });

  test('a bug (any other error) keeps its stack trace', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-'));
    const r = synth(cwd, '--app', `"${process.execPath}" -e "function broken() { throw new TypeError('boom') } broken()"`);
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain('TypeError: boom');
    expect(r.err).toMatch(/^\s+at broken/m);
  });

  test('an app that writes nothing fails and leaves the output untouched', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-'));
    const output = path.join(cwd, 'dist');
    fs.mkdirSync(output);
    fs.writeFileSync(path.join(output, 'keep.k8s.yaml'), 'kept');
    const r = synth(cwd, '--app', `"${process.execPath}" -e "0"`);
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain('cdk8s-flink: the app wrote no file to CDK8S_OUTDIR: it must not set `outdir` in `new App()`');
    expect(r.err).toContain('dist is unchanged');
    expect(fs.readdirSync(output)).toEqual(['keep.k8s.yaml']);
    expect(fs.readdirSync(cwd)).toEqual(['dist']);
  });

  test('an app that ignores CDK8S_OUTDIR and writes into the output itself fails; its files are not replaced by nothing', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-'));
    const output = path.join(cwd, 'dist');
    fs.mkdirSync(output);
    fs.writeFileSync(path.join(output, 'old.k8s.yaml'), 'old');
    const ownOutdir = `"${process.execPath}" -e "require('fs').writeFileSync('dist/app.k8s.yaml', 'kind: A')"`;
    const r = synth(cwd, '--app', ownOutdir);
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain('the app wrote no file to CDK8S_OUTDIR but changed dist itself');
    expect(r.err).not.toContain('wrote 0 file(s)');
    expect(fs.readdirSync(output).sort()).toEqual(['app.k8s.yaml', 'old.k8s.yaml']);
  });

  test('keeps the output directory itself: its mode, and a symlink stays a symlink', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-'));
    const real = path.join(cwd, 'manifests');
    fs.mkdirSync(real);
    fs.chmodSync(real, 0o755);
    fs.writeFileSync(path.join(real, 'old.k8s.yaml'), 'old');
    fs.symlinkSync('manifests', path.join(cwd, 'dist'));
    const r = synth(cwd, '--app', writer({ 'a.k8s.yaml': 'kind: A\n' }));
    expect(r.exitCode).toBe(0);
    expect(fs.lstatSync(path.join(cwd, 'dist')).isSymbolicLink()).toBe(true);
    expect((fs.statSync(real).mode % 0o1000).toString(8)).toBe('755');
    expect(fs.readdirSync(real)).toEqual(['a.k8s.yaml']);
    expect(fs.readdirSync(cwd).sort()).toEqual(['dist', 'manifests']);
  });

  test('says which files were added, changed and removed', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-'));
    const output = path.join(cwd, 'dist');
    fs.mkdirSync(output);
    fs.writeFileSync(path.join(output, 'same.k8s.yaml'), 'same\n');
    fs.writeFileSync(path.join(output, 'edited.k8s.yaml'), 'before\n');
    fs.writeFileSync(path.join(output, 'gone.k8s.yaml'), 'gone\n');
    const r = synth(cwd, '--app', writer({ 'same.k8s.yaml': 'same\n', 'edited.k8s.yaml': 'after\n', 'new.k8s.yaml': 'new\n' }));
    expect(r.exitCode).toBe(0);
    expect(r.out).toContain('cdk8s-flink: wrote 3 file(s) to dist: 1 added, 1 changed, 1 removed, 1 unchanged\n'
      + '  + new.k8s.yaml\n  ~ edited.k8s.yaml\n  - gone.k8s.yaml\n');
  });

  test('a real example renders into the output directory', () => {
    const cwd = path.join(ROOT, 'examples', 'session-cluster');
    const output = path.join(appDir(), 'dist');
    const r = synth(cwd, '--app', `${TSX} main.ts`, '--output', output);
    expect(r.exitCode).toBe(0);
    expect(r.files).toEqual(['session-cluster.k8s.yaml']);
    expect(fs.readFileSync(path.join(output, 'session-cluster.k8s.yaml'), 'utf8')).toMatch(/kind: FlinkSessionJob/);
  });

  test('without an app to run it is a usage error', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-'));
    expect(() => synth(cwd)).toThrow(/no app to run: pass --app CMD or run in a directory whose cdk8s.yaml has "app"/);
  });
});

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { planCommand } from '../../src/cli/plan';

function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(argv, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

function write(dir: string, name: string, text: string): void {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const deployment = (parallelism: number, upgradeMode = 'stateless') => `apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: orders
  namespace: team
spec:
  image: flink:2.2
  flinkVersion: v2_2
  job:
    jarURI: local:///opt/flink/job.jar
    parallelism: ${parallelism}
    upgradeMode: ${upgradeMode}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: team
data:
  a: "1"
`;

describe('cdk8s-flink plan', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-plan-'));
    write(dir, 'base/app.k8s.yaml', deployment(2));
    write(dir, 'dist/app.k8s.yaml', deployment(4));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('compares a base directory with the output directory of cdk8s.yaml', () => {
    write(dir, 'cdk8s.yaml', 'app: node main.js\noutput: dist\n');
    const outcome = planCommand(['--base', 'base'], dir);
    expect(outcome.exitCode).toEqual(0);
    expect(outcome.stdout).toEqual([
      'Plan: 0 to create, 1 to update, 0 to delete, 1 unchanged; 1 can lose state.',
      '',
      '~ FlinkDeployment team/orders: update UPGRADE (job.parallelism) [state loss]',
      '    UPGRADE with upgradeMode stateless: the job restarts from empty state',
      '',
    ].join('\n'));
  });

  test('JSON has exactly the documented shape', () => {
    const out = JSON.parse(planCommand(['--base', 'base', 'dist', '--format', 'json'], dir).stdout);
    expect(out).toEqual([
      {
        kind: 'FlinkDeployment',
        name: 'orders',
        namespace: 'team',
        change: 'update',
        diffType: 'UPGRADE',
        fields: ['job.parallelism'],
        consequence: 'UPGRADE with upgradeMode stateless: the job restarts from empty state',
        warnings: [],
      },
      { kind: 'ConfigMap', name: 'settings', namespace: 'team', change: 'none', diffType: null, fields: [], consequence: '', warnings: [] },
    ]);
  });

  test('markdown has a summary table, risky first, and a Mermaid diagram', () => {
    write(dir, 'dist/more.k8s.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: new\n  namespace: team\n');
    const out = planCommand(['--base', 'base', 'dist', '--format', 'markdown'], dir).stdout;
    const rows = out.split('\n').filter((l) => l.startsWith('| '));
    expect(rows.slice(2)).toEqual([
      '| **state loss** | `FlinkDeployment` team/orders | update | UPGRADE | UPGRADE with upgradeMode stateless: the job restarts from empty state |',
      '| none | `ConfigMap` team/new | create |  |  |',
    ]);
    expect(out).toContain('```mermaid\nflowchart LR\n  operator(["Flink Kubernetes Operator"])\n  n0["FlinkDeployment<br/>team/orders<br/>update UPGRADE"]:::update\n  operator --> n0\n');
  });

  test('--fail-on state-loss and upgrade set exit code 1 only when the condition holds', () => {
    expect(cli('plan', '--base', path.join(dir, 'base'), path.join(dir, 'dist'), '--fail-on', 'state-loss').code).toEqual(1);
    expect(cli('plan', '--base', path.join(dir, 'base'), path.join(dir, 'dist'), '--fail-on', 'upgrade').code).toEqual(1);
    write(dir, 'dist/app.k8s.yaml', deployment(4, 'savepoint'));
    write(dir, 'base/app.k8s.yaml', deployment(2, 'savepoint'));
    expect(cli('plan', '--base', path.join(dir, 'base'), path.join(dir, 'dist'), '--fail-on', 'state-loss').code).toEqual(0);
    expect(cli('plan', '--base', path.join(dir, 'base'), path.join(dir, 'dist'), '--fail-on', 'upgrade').code).toEqual(1);
    expect(cli('plan', '--base', path.join(dir, 'base'), path.join(dir, 'base'), '--fail-on', 'upgrade').code).toEqual(0);
  });

  test('reads the base at a git revision, with or without a path', () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.email=a@b', '-c', 'user.name=a', 'commit', '-q', '--allow-empty', '-m', 'empty');
    fs.copyFileSync(path.join(dir, 'base/app.k8s.yaml'), path.join(dir, 'dist/app.k8s.yaml'));
    git('add', 'dist');
    git('-c', 'user.email=a@b', '-c', 'user.name=a', 'commit', '-q', '-m', 'base');
    write(dir, 'dist/app.k8s.yaml', deployment(4));
    const sameRef = JSON.parse(planCommand(['--base', 'HEAD', 'dist', '--format', 'json'], dir).stdout);
    expect(sameRef[0]).toEqual(expect.objectContaining({ change: 'update', diffType: 'UPGRADE' }));
    const withPath = JSON.parse(planCommand(['--base', 'HEAD:dist', 'dist', '--format', 'json'], dir).stdout);
    expect(withPath).toEqual(sameRef);
    const before = JSON.parse(planCommand(['--base', 'HEAD~1', 'dist', '--format', 'json'], dir).stdout);
    expect(before.map((e: any) => e.change)).toEqual(['create', 'create']);
  });

  test('fails with one line and exit code 2 on bad arguments', () => {
    expect(cli('plan', 'dist')).toEqual({ code: 2, out: '', err: 'cdk8s-flink: --base is required (see cdk8s-flink plan --help)\n' });
    expect(cli('plan', '--base', path.join(dir, 'base'), '--format', 'yaml').err).toEqual("cdk8s-flink: --format must be text, markdown or json, got 'yaml'\n");
    expect(cli('plan', '--base', path.join(dir, 'base'), '--fail-on', 'x').err).toEqual("cdk8s-flink: --fail-on must be state-loss or upgrade, got 'x'\n");
    expect(cli('plan', '--base', path.join(dir, 'base'), '--operator-version', '1.14').err).toEqual("cdk8s-flink: --operator-version must be 1.15 or 1.16, got '1.14'\n");
    expect(cli('plan', '--base', 'no-such-ref-or-dir', path.join(dir, 'dist')).err).toEqual("cdk8s-flink: --base 'no-such-ref-or-dir' is neither a directory nor a git revision\n");
    expect(cli('plan', '--help').out).toMatch(/^Usage: cdk8s-flink plan --base/);
  });

  test('the plan commands of the Argo CD example workflow are valid', () => {
    const workflow = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'argocd', '.github', 'workflows', 'flink-plan.yml'), 'utf8');
    const commands = [...workflow.matchAll(/npx cdk8s-flink plan ([^>\n]+)/g)].map((m) => m[1].trim());
    expect(commands.length).toEqual(2);
    for (const command of commands) {
      const argv = command.split(/\s+/).map((a) => (a === '"origin/${{' ? 'base' : a)).filter((a) => a !== 'github.base_ref' && a !== '}}"');
      expect(argv).toContain('base');
      expect([0, 1]).toContain(planCommand(argv, dir).exitCode);
    }
  });
});

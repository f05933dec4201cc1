/**
 * Requiring the library loads what an app uses when it creates constructs;
 * the hook pipeline (the upstream admission rules, the JVM ports they use,
 * the library's policy, the CRD checks and their data), the backends, the
 * plan and the CLI's parsers load only when used. Each case runs in a fresh
 * Node.js process on the built package (lib/) and lists the modules it
 * loaded.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

/** The temporary folder of the child processes (their synth output), removed after the tests. */
let tmp: string;

/** Modules loaded only when a resource is validated (at synth or by the CLI). */
const PIPELINE = [
  'lib/hooks/_pipeline.js',
  'lib/hooks/_library-policy.js',
  'lib/hooks/_stale-keys.js',
  'lib/hooks/default-validator/_rules.js',
  'lib/manifest/_crd-checks.js',
  'lib/security/_plaintext-credentials.js',
  'lib/jvm/_flink-config.js',
  'lib/jvm/_java-uri.js',
  'lib/jvm/_flink-key-history.generated.js',
  'lib/hooks/default-validator/_jar-uri.js',
];

/** The parser of the operator's default configuration (the chart's YAML), read at the first validation. */
const YAML_PARSER = 'node_modules/js-yaml/';

/** Modules that render a FlinkOperator: the chart's data, its configuration files, RBAC, the webhook, plugins, the CRDs. */
const OPERATOR = [
  'lib/operator/_operator-configuration.js',
  'lib/operator/_operator-rbac.js',
  'lib/operator/_operator-webhook.js',
  'lib/operator/_plugin-installer.js',
  'lib/manifest/_operator-chart.js',
  'lib/manifest/_operator-crds.js',
  'lib/manifest/_configuration.js',
];

/** Modules of what an app may not use at all. */
const UNUSED = [
  'lib/render/kubernetes/standalone-cluster-renderer.js',
  'lib/render/spotify/flink-cluster-renderer.js',
  'lib/plan/_plan.js',
  'lib/cli/validate.js',
  'node_modules/ajv/',
];

/** The modules (relative to the project, `node_modules/<package>/` for packages) a script loaded in a fresh process. */
function loadedBy(script: string): string[] {
  const result = spawnSync(process.execPath, ['-e', `${script}
    process.stdout.write(JSON.stringify(Object.keys(require.cache)));`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp } });
  if (result.status !== 0) {
    throw new Error(`node failed (${result.status}): ${result.stderr}`);
  }
  return (JSON.parse(result.stdout) as string[]).map((file) => {
    const relative = path.relative(ROOT, file).split(path.sep).join('/');
    const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(relative);
    return pkg ? `node_modules/${pkg[1]}/` : relative;
  });
}

const APP = `
  const { App, Chart, Size } = require('cdk8s');
  const { FlinkDeployment, FlinkVersion } = require('./lib');
  const app = new App({ outdir: require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'lazy-')) });
  const chart = new Chart(app, 'chart', { namespace: 'flink' });
  new FlinkDeployment(chart, 'job', {
    image: 'flink:2.2',
    flinkVersion: FlinkVersion.V2_2,
    flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' },
    jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
    taskManager: { memory: Size.mebibytes(2048), cpu: 1 },
    job: { jarUri: 'local:///opt/flink/job.jar', parallelism: 2 },
  });
`;

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
    throw new Error('lib/ is not built: run `npx projen pre-compile && npx projen compile` first');
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lazy-loading-'));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('requiring the library loads neither the hook pipeline nor what an app may not use', () => {
  const loaded = loadedBy("require('./lib');");
  expect(loaded).toContain('lib/index.js');
  expect(loaded).toContain('lib/flink-deployment.js');
  expect([...PIPELINE, YAML_PARSER, ...OPERATOR, ...UNUSED].filter((file) => loaded.includes(file))).toEqual([]);
});

test('an app with a FlinkOperator loads the modules that render it, not the pipeline of Flink resources', () => {
  const loaded = loadedBy(`
    const { App, Chart } = require('cdk8s');
    const { FlinkOperator } = require('./lib');
    const app = new App({ outdir: require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'lazy-')) });
    new FlinkOperator(new Chart(app, 'chart', { namespace: 'flink' }), 'operator');
    app.synth();
  `);
  expect(OPERATOR.filter((file) => !loaded.includes(file))).toEqual([]);
  expect(PIPELINE.filter((file) => loaded.includes(file))).toEqual([]);
});

test('creating a FlinkDeployment does not load the pipeline; synth does, and nothing of another backend', () => {
  const created = loadedBy(APP);
  expect([...PIPELINE, YAML_PARSER, ...UNUSED].filter((file) => created.includes(file))).toEqual([]);
  const synthesized = loadedBy(`${APP} app.synth();`);
  expect(PIPELINE.filter((file) => !synthesized.includes(file))).toEqual([]);
  expect(UNUSED.filter((file) => synthesized.includes(file))).toEqual([]);
});

test('the standalone backend loads its renderer when used', () => {
  const loaded = loadedBy(`${APP.replace("image: 'flink:2.2',", "image: 'flink:2.2', backend: require('./lib').FlinkBackend.KUBERNETES,")} app.synth();`);
  expect(loaded).toContain('lib/render/kubernetes/standalone-cluster-renderer.js');
});

test('cdk8s-flink validate loads neither cdk8s nor the constructs', () => {
  const file = path.join(tmp, 'deployment.yaml');
  fs.writeFileSync(file, [
    'apiVersion: flink.apache.org/v1beta1',
    'kind: FlinkDeployment',
    'metadata: { name: job, namespace: flink }',
    'spec:',
    '  image: flink:2.2',
    '  flinkVersion: v2_2',
    '  serviceAccount: flink',
    '  jobManager: { resource: { memory: 2048m, cpu: 1 } }',
    '  taskManager: { resource: { memory: 2048m, cpu: 1 } }',
    '  job: { jarUri: local:///opt/flink/job.jar, parallelism: 2 }',
    '',
  ].join('\n'));
  const loaded = loadedBy(`
    const code = require('./lib/cli/main').runCli(['validate', ${JSON.stringify(file)}], () => {}, (s) => process.stderr.write(s));
    if (code !== 0 && code !== 1) throw new Error('validate exited ' + code);
  `);
  expect(loaded).toContain('lib/cli/validate.js');
  expect(PIPELINE.filter((module) => !loaded.includes(module))).toEqual([]);
  expect(loaded.filter((module) => module === 'node_modules/cdk8s/' || module === 'node_modules/constructs/'
    || module === 'lib/flink-deployment.js' || module === 'lib/index.js')).toEqual([]);
});

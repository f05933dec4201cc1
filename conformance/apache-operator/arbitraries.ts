/**
 * Seeded fast-check generators of Flink resources near the edges of the
 * operator's rules: memory and cpu strings, parallelism and replicas,
 * upgrade modes with and without HA and state directories, jarURI schemes
 * and hosts (IP literals and localhost: nothing that needs DNS), autoscaler
 * options, ingress templates, logging, flinkVersion, mode, spec changes
 * against `status.reconciliationStatus.lastReconciledSpec`, and snapshot rules.
 */
import * as fc from 'fast-check';
import { ConformanceCase } from './case';

/** `arb` one time in `every`, else undefined (left out). */
const opt = <T>(arb: fc.Arbitrary<T>, every = 2): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const NUMBERS = ['0', '1', '2', '64', '512', '1024', '2048', '1.5', '-1', '0.0', '9223372036854775807', '9223372036854775808', '0x10', ' 2 ', '', '1e3', '00', '1_0'];
const UNITS = ['', 'b', 'bytes', 'k', 'kb', 'kibibytes', 'm', 'mb', 'mebibytes', 'g', 'gb', 'gibibytes', 't', 'tb', 'K', 'M', 'G', 'Mi', 'Gi', 'Ki', 'Ti', 'e3', 'm ', ' mb', 'B', 'MB', 'x'];

/** Memory sizes as Flink and Kubernetes both read them. */
export const memory: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('1g', '2048m', '2g', '1024m', '4096m', '1Gi', '2Gi', '512Mi', '768m', '1536m') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...NUMBERS), fc.constantFrom(...UNITS)).map(([n, u]) => n + u) },
);

/** CPU amounts. */
export const cpu: fc.Arbitrary<number> = fc.constantFrom(1, 0.5, 2, 0, -1, 0.001, 1e-9, 4.25, 1000, 1.0000001);

const parallelism = fc.constantFrom(1, 2, 4, 0, -1, 100, 2147483647);
const replicas = fc.constantFrom(1, 2, 0, -1, 3);
const upgradeMode = fc.constantFrom('stateless', 'savepoint', 'last-state');
const jobState = fc.constantFrom('running', 'suspended');
const flinkVersion = fc.constantFrom('v1_15', 'v1_16', 'v1_17', 'v1_18', 'v1_19', 'v1_20', 'v2_0', 'v2_1', 'v1_13');

const SCHEMES = ['local', 'https', 'http', 'file', 's3', 'hdfs', 'HTTPS', 'Http', 'ftp', 'jar', 'oss'];
const HOSTS = ['1.2.3.4', '8.8.8.8', '127.0.0.1', '10.0.0.1', '192.168.1.1', '172.16.0.1', '172.32.0.1', '169.254.169.254',
  '0.0.0.0', '224.0.0.1', '255.255.255.255', '[::1]', '[::]', '[fe80::1]', '[fec0::1]', '[::ffff:127.0.0.1]', '[::ffff:8.8.8.8]',
  '[2001:db8::1]', '[ff02::1]', '[::127.0.0.1]', '2130706433', '0x7f.0.0.1', '017.0.0.1', '127.1', '1.2.3', 'localhost',
  'LOCALHOST', '1.2.3.4:8080', '[::1]:443', '256.1.1.1', '[1::2::3]', '', 'user@8.8.8.8', '8.8.8.8:', '1.2.3.4.5'];
// No IPv6 scope ids ('%eth0'): the JDK resolves them against this machine's network interfaces.
const PATHS = ['/x.jar', '/flink/job.jar', '/a b.jar', '/x%20y.jar', '/%zz.jar', '', '/x.jar?q=1#f', '/x.jar#frag', '/ü.jar', '/../x.jar'];

/** Session job jarURIs (no host that needs DNS). */
export const jarUri: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...SCHEMES), fc.constantFrom(...HOSTS), fc.constantFrom(...PATHS)).map(([s, h, p]) => `${s}://${h}${p}`) },
  { weight: 1, arbitrary: fc.constantFrom('local:///opt/flink/x.jar', 'x.jar', '/opt/x.jar', 'https:x.jar', 'https:///x.jar', 'https://[::1/x.jar',
    'local://x.jar', ':///x.jar', 'https://1.2.3.4/x y.jar', 'https://1.2.3.4/x.jar?a=%', 's3://bucket/x.jar', 'https://', 'https://1.2.3.4') },
);

const K8S_HA = 'org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory';
const DURATIONS = ['1 s', '10 s', '15 s', '1 min', '15 min', '0 ms', '5m', '1h', 'abc', '-1 s', '60000', '10 sec'];

/** A subset of flinkConfiguration keys with edge values. */
const flinkConfiguration: fc.Arbitrary<Record<string, string>> = fc.record({
  'taskmanager.numberOfTaskSlots': opt(fc.constantFrom('1', '2', '0', '-1', 'abc', '4')),
  'high-availability.type': opt(fc.constantFrom('kubernetes', 'KUBERNETES', 'zookeeper', 'NONE', K8S_HA, 'none')),
  'high-availability': opt(fc.constantFrom('kubernetes', 'NONE'), 8),
  'high-availability.storageDir': opt(fc.constantFrom('file:///ha', 's3://b/ha', '')),
  'execution.checkpointing.dir': opt(fc.constantFrom('file:///cp', 's3://b/cp', '')),
  'state.checkpoints.dir': opt(fc.constantFrom('file:///cp'), 8),
  'execution.checkpointing.savepoint-dir': opt(fc.constantFrom('file:///sp', 's3://b/sp', '')),
  'state.savepoints.dir': opt(fc.constantFrom('file:///sp'), 8),
  'kubernetes.namespace': opt(fc.constantFrom('default', 'other'), 10),
  'kubernetes.cluster-id': opt(fc.constantFrom('x'), 10),
  'jobmanager.memory.process.size': opt(memory, 4),
  'jobmanager.memory.heap.size': opt(memory, 6),
  'taskmanager.memory.process.size': opt(memory, 4),
  'taskmanager.memory.flink.size': opt(memory, 6),
  'taskmanager.memory.managed.fraction': opt(fc.constantFrom('0.4', '0', '1', '1.5', '-0.1', 'x'), 8),
  'kubernetes.operator.deployment.rollback.enabled': opt(fc.constantFrom('true', 'false', 'TRUE', 'yes'), 6),
  'kubernetes.operator.cluster.health-check.enabled': opt(fc.constantFrom('true', 'false'), 8),
  'kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age': opt(fc.constantFrom(...DURATIONS), 8),
  'kubernetes.operator.periodic.savepoint.interval': opt(fc.constantFrom(...DURATIONS, '0 0 * * * ?', '0 */5 * * * ?', '* * *'), 8),
  'job.autoscaler.enabled': opt(fc.constantFrom('true', 'false'), 3),
  'job.autoscaler.metrics.window': opt(fc.constantFrom(...DURATIONS), 4),
  'kubernetes.operator.reconcile.interval': opt(fc.constantFrom(...DURATIONS), 6),
  'parallelism.default': opt(fc.constantFrom('1', '2', '0', '-1'), 8),
}).map(dropUndefined);

const resource = fc.record({ memory, cpu, ephemeralStorage: opt(fc.constantFrom('1G', '2Gi', 'x'), 6) }).map(dropUndefined);

const job = fc.record({
  jarURI: fc.constantFrom('local:///opt/flink/examples/streaming/StateMachineExample.jar', 'local:///x.jar', 'https://1.2.3.4/x.jar'),
  parallelism: opt(parallelism, 6),
  upgradeMode: opt(upgradeMode, 2),
  state: opt(jobState, 3),
  savepointRedeployNonce: opt(fc.constantFrom(1, 2), 6),
  initialSavepointPath: opt(fc.constantFrom('file:///sp/1', ''), 6),
  allowNonRestoredState: opt(fc.boolean(), 6),
  entryClass: opt(fc.constantFrom('org.example.Main'), 6),
}).map(dropUndefined);

const NAMES = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('basic', 'basic-example', 'a', 'a'.repeat(45)) },
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(46), 'a'.repeat(48), 'Basic', 'basic_example', '-basic', 'basic.x', '1basic', 'basic-') });
const TEMPLATES = ['{{name}}.{{namespace}}.flink.k8s.io', '/{{namespace}}/{{name}}(/|$)(.*)', 'flink.example.com/{{namespace}}/{{name}}',
  '{{name}}-{{namespace}}.example.com', 'Bad_Host.example.com', '{{url}}.example.com', 'example.com:8080/{{name}}', '', '{{name}}.{{namespace}}.example.com/'];

/** A FlinkDeployment spec. */
export const deploymentSpec: fc.Arbitrary<any> = fc.record({
  image: opt(fc.constantFrom('flink:1.20', 'flink:2.0'), 2),
  flinkVersion: opt(flinkVersion, 8),
  serviceAccount: opt(fc.constantFrom('flink', ''), 8),
  mode: opt(fc.constantFrom('native', 'standalone'), 2),
  flinkConfiguration: opt(flinkConfiguration, 6),
  jobManager: opt(fc.record({ resource: opt(resource, 8), replicas: opt(replicas, 3) }).map(dropUndefined), 10),
  taskManager: opt(fc.record({ resource: opt(resource, 8), replicas: opt(replicas, 3) }).map(dropUndefined), 10),
  job: opt(job, 2),
  ingress: opt(fc.record({ template: fc.constantFrom(...TEMPLATES), className: opt(fc.constantFrom('nginx'), 2) }).map(dropUndefined), 4),
  logConfiguration: opt(fc.constantFrom<Record<string, string>>({ 'log4j-console.properties': 'rootLogger.level = INFO' },
    { 'logback-console.xml': '<configuration/>' }, { 'log4j.properties': 'x' }), 6),
}).map(dropUndefined);

/** A change of spec: the spec reconciled last, derived from the current one. */
function lastReconciled(spec: any): fc.Arbitrary<any> {
  return fc.record({
    flinkVersion: fc.constantFrom(spec.flinkVersion, 'v1_15', 'v1_20', 'v2_0', undefined),
    jobChange: fc.constantFrom('same', 'none', 'add', 'upgradeMode', 'suspended'),
    mode: fc.constantFrom(spec.mode, 'native', 'standalone'),
    ha: fc.boolean(),
  }).map((c) => {
    const last = structuredClone(spec);
    last.flinkVersion = c.flinkVersion;
    if (last.flinkVersion === undefined) delete last.flinkVersion;
    if (c.mode === undefined) delete last.mode; else last.mode = c.mode;
    if (c.jobChange === 'none') delete last.job;
    if (c.jobChange === 'add') last.job = { jarURI: 'local:///x.jar', upgradeMode: 'stateless', state: 'running', parallelism: 1 };
    if (c.jobChange === 'upgradeMode' && last.job) last.job.upgradeMode = last.job.upgradeMode === 'savepoint' ? 'last-state' : 'savepoint';
    if (c.jobChange === 'suspended' && last.job) last.job.state = 'suspended';
    if (c.ha) last.flinkConfiguration = { ...(last.flinkConfiguration ?? {}), 'high-availability.type': 'kubernetes' };
    return last;
  });
}

/** A FlinkDeployment manifest, sometimes with a last reconciled spec. */
export const deployment: fc.Arbitrary<any> = fc.record({
  name: NAMES,
  namespace: opt(fc.constantFrom('default', 'flink'), 3),
  spec: deploymentSpec,
  withLast: fc.integer({ min: 0, max: 3 }),
}).chain((d) => (d.withLast === 0 ? lastReconciled(d.spec) : fc.constant(undefined)).map((last) => {
  const manifest: any = {
    apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkDeployment',
    metadata: dropUndefined({ name: d.name, namespace: d.namespace }), spec: d.spec,
  };
  if (last !== undefined) {
    // As the operator writes it: the spec with the resource's metadata.
    manifest.status = { reconciliationStatus: { state: 'DEPLOYED', lastReconciledSpec: JSON.stringify({ spec: last, resource_metadata: { apiVersion: 'flink.apache.org/v1beta1', firstDeployment: false } }) } };
  }
  return manifest;
}));

/** A FlinkSessionJob with its session cluster (sometimes an application cluster, another name or missing). */
export const sessionJob: fc.Arbitrary<{ resource: any; sessionDeployment?: any }> = fc.record({
  name: fc.constantFrom('job', 'job', 'job', 'a'.repeat(46), 'Bad_Job'),
  deploymentName: fc.oneof({ weight: 12, arbitrary: fc.constant('session') },
    { weight: 1, arbitrary: fc.constantFrom(undefined, 'Bad_Session', '', 'a'.repeat(46)) }),
  job: fc.record({
    jarURI: jarUri, parallelism: opt(parallelism, 4), upgradeMode: opt(upgradeMode, 2), state: opt(jobState, 3),
    entryClass: opt(fc.constantFrom('org.example.Main'), 4),
  }).map(dropUndefined),
  noJob: fc.integer({ min: 0, max: 30 }),
  flinkConfiguration: opt(flinkConfiguration, 2),
  session: fc.constantFrom('none', 'session', 'session', 'application', 'clusterId'),
  sessionSpec: deploymentSpec,
  operatorConfiguration: fc.constantFrom<Record<string, string> | undefined>(undefined, undefined,
    { 'kubernetes.operator.user.artifacts.allowed-schemes': 'https,http,local,s3' },
    { 'kubernetes.operator.user.artifacts.disallow-restricted-hosts': 'false' },
    { 'kubernetes.operator.user.artifacts.allowed-schemes': 'HTTPS, Local', 'kubernetes.operator.user.artifacts.disallow-restricted-hosts': 'true' }),
}).map((j) => {
  const resource: any = {
    apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkSessionJob',
    metadata: { name: j.name, namespace: 'default' },
    spec: dropUndefined({ deploymentName: j.deploymentName, job: j.noJob === 0 ? undefined : j.job, flinkConfiguration: j.flinkConfiguration }),
  };
  let sessionDeployment: any;
  if (j.session !== 'none') {
    const spec = structuredClone(j.sessionSpec);
    if (j.session === 'application') spec.job = { jarURI: 'local:///x.jar', upgradeMode: 'stateless', state: 'running', parallelism: 1 };
    else delete spec.job;
    if (j.session === 'clusterId') spec.flinkConfiguration = { ...(spec.flinkConfiguration ?? {}), 'kubernetes.cluster-id': 'other' };
    sessionDeployment = { apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkDeployment', metadata: { name: j.deploymentName ?? 'session', namespace: 'default' }, spec };
  }
  return { resource, sessionDeployment, operatorConfiguration: j.operatorConfiguration };
});

/** A FlinkStateSnapshot with or without its target. */
export const stateSnapshot: fc.Arbitrary<{ resource: any; snapshotTarget?: any }> = fc.record({
  which: fc.constantFrom('savepoint', 'checkpoint', 'both', 'neither'),
  savepoint: fc.record({ path: opt(fc.constantFrom('file:///sp/1', '')), alreadyExists: opt(fc.boolean()), disposeOnDelete: opt(fc.boolean()),
    formatType: opt(fc.constantFrom('CANONICAL', 'NATIVE')) }).map(dropUndefined),
  reference: opt(fc.record({ kind: opt(fc.constantFrom('FlinkDeployment', 'FlinkSessionJob'), 8), name: opt(fc.constantFrom('basic', 'job'), 8) }).map(dropUndefined), 6),
  state: opt(fc.constantFrom('TRIGGER_PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'ABANDONED'), 1),
  backoffLimit: opt(fc.constantFrom(-1, 0, 1, 3), 3),
  target: fc.constantFrom('known', 'known', 'missing'),
}).map((s) => {
  const spec: any = dropUndefined({ backoffLimit: s.backoffLimit, jobReference: s.reference });
  if (s.which === 'savepoint' || s.which === 'both') spec.savepoint = s.savepoint;
  if (s.which === 'checkpoint' || s.which === 'both') spec.checkpoint = {};
  const resource: any = { apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkStateSnapshot', metadata: { name: 'snap', namespace: 'default' }, spec };
  if (s.state) resource.status = { state: s.state };
  const kind = s.reference?.kind;
  const snapshotTarget = s.target === 'missing' || kind === undefined ? undefined : {
    apiVersion: 'flink.apache.org/v1beta1', kind, metadata: { name: s.reference?.name ?? 'basic', namespace: 'default' },
    spec: kind === 'FlinkDeployment' ? { flinkVersion: 'v1_20', job: { jarURI: 'local:///x.jar', upgradeMode: 'stateless', state: 'running' },
      jobManager: { resource: { memory: '2048m', cpu: 1 } }, taskManager: { resource: { memory: '2048m', cpu: 1 } } }
      : { deploymentName: 'session', job: { jarURI: 'local:///x.jar', upgradeMode: 'stateless', state: 'running' } },
  };
  return { resource, snapshotTarget };
});

/** `count` generated cases of each kind (deployments : session jobs : snapshots = 5 : 2 : 1), from one seed. */
export function generatedCases(deployments: number, seed: number): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  fc.sample(deployment, { numRuns: deployments, seed }).forEach((resource, i) =>
    cases.push({ source: `generated FlinkDeployment #${i} (seed ${seed})`, kind: 'FlinkDeployment', resource }));
  fc.sample(sessionJob, { numRuns: Math.ceil(deployments * 2 / 5), seed: seed + 1 }).forEach((j: any, i) =>
    cases.push({ source: `generated FlinkSessionJob #${i} (seed ${seed + 1})`, kind: 'FlinkSessionJob', ...j }));
  fc.sample(stateSnapshot, { numRuns: Math.ceil(deployments / 5), seed: seed + 2 }).forEach((s, i) =>
    cases.push({ source: `generated FlinkStateSnapshot #${i} (seed ${seed + 2})`, kind: 'FlinkStateSnapshot', ...s }));
  return cases;
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

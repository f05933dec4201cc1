/**
 * fast-check arbitraries for the public props of the constructs, mixing
 * valid values with invalid ones: wrong JSON types (cast with `as any`),
 * `undefined` / `null`, huge strings, unicode, negative / NaN / infinite
 * numbers, unknown enum values and malformed Kubernetes objects.
 *
 * Values whose factory may itself throw (`Size.mebibytes(-1)`,
 * `FlinkVersion.of('x')`, `Duration.seconds(NaN)`, ...) are generated as
 * `Deferred` and built by the property with `realize()`, so the throw is
 * part of the case under test.
 */
import { Duration, Size } from 'cdk8s';
import { ImagePullPolicy, k8s } from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import {
  DeploymentMode, FlinkVersion, JobState, OperatorLoggingFramework, SavepointFormat, SnapshotType, UpgradeMode,
  WebhookKeystorePassword,
} from '../../src';
import { FlinkBackend } from '../../src/flink-backend';
import { FlinkJob } from '../../src/flink-job';
import { PodSecurity } from '../../src/pod-security';

/** A factory (`Size.mebibytes`, `FlinkVersion.of`, ...) refused its input while a case was being built. */
export class FactoryRejection extends Error {
  constructor(public readonly recipe: string, public readonly reason: unknown) {
    super(`${recipe} threw: ${reason instanceof Error ? reason.message : String(reason)}`);
  }
}

/** A value built when the case runs, printed by its recipe. */
export class Deferred<T = unknown> {
  constructor(private readonly recipe: string, private readonly factory: () => T) {}

  /** Builds the value; a throw of the factory becomes a `FactoryRejection`. */
  public make(): T {
    try {
      return this.factory();
    } catch (e) {
      throw new FactoryRejection(this.recipe, e);
    }
  }

  public [fc.toStringMethod](): string {
    return this.recipe;
  }

  public toString(): string {
    return this.recipe;
  }
}

/**
 * The value with every `Deferred` (in arrays and plain objects) built;
 * other values are kept as they are (same identity when nothing is deferred).
 */
export function realize<T>(value: T): T {
  if (value instanceof Deferred) {
    return value.make() as T;
  }
  if (Array.isArray(value)) {
    const items = value.map(realize);
    return (items.every((item, i) => item === value[i]) ? value : items) as T;
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    return value;
  }
  let changed = false;
  const copy = Object.create(proto);
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    const built = realize(item);
    changed ||= built !== item;
    Object.defineProperty(copy, key, { value: built, enumerable: true, writable: true, configurable: true });
  }
  return changed ? copy : value;
}

// ---------------------------------------------------------------------------
// Building blocks

/** Objects as users write them (object literals); null-prototype maps are drawn separately by `junk`. */
const PLAIN = { noNullPrototype: true } as const;

/** Strings that often break naive code. `undefined` and `[object Object]` are left out: the property rejects them in messages. */
const NASTY_STRINGS = [
  '', ' ', '  x  ', '\n', '\t', 'a\nb', 'line1\r\nline2', '\u0000', '\ud800', '\u202e', '💥', '名前', 'Ünïcødé',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'null', 'NaN', '-1', '0', '1e309', 'true',
  '${x}', '{{name}}', '{{namespace}}', '%s%n', '../../etc/passwd', '\'', '"', '`', '\\', '*', '&a', '!!binary',
  'UPPER', 'a.b.c', 'a..b', '.', '-', 'a-', '-a', 'x'.repeat(63), 'x'.repeat(64), 'y'.repeat(46),
];

/** A string of 64 KiB to 96 KiB. */
export const hugeString: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 64 * 1024, max: 96 * 1024 }), fc.constantFrom('x', 'é', '\n', 'ab '))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

/** Any string: ascii, graphemes, raw code points (lone surrogates included), nasty and huge ones. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 40, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 15, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 8, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 20, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: hugeString },
);

/** Numbers of every kind: integers, fractions, negative, huge, NaN, infinities, -0. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -3, max: 100 }) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.double() },
  {
    weight: 2,
    arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.5, 1.5, -1, 2 ** 31, 2 ** 53, 2 ** 53 + 2,
      Number.MAX_VALUE, Number.MIN_VALUE, 1e21, -1e21),
  },
);

/** A DNS-1123 label, as Kubernetes names are. */
export const dnsLabel: fc.Arbitrary<string> = fc.stringMatching(/^[a-z]([-a-z0-9]{0,14}[a-z0-9])?$/);

/** Any JSON-ish value of a wrong type, or none: undefined, null, booleans, numbers, strings, lists, maps. */
export const junk: fc.Arbitrary<any> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(undefined, null, true, false, 0, -1, NaN, Infinity, '', 'x', [], {}, [null], { a: null }) },
  { weight: 2, arbitrary: anyNumber },
  { weight: 2, arbitrary: anyString },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.dictionary(anyString, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(anyString, anyNumber, fc.constant(null)), { maxLength: 3 }) },
);

/** The value most of the time, otherwise unset or junk (cast to the value's type). */
export function maybe<T>(arbitrary: fc.Arbitrary<T>, weights: { value?: number; unset?: number; junk?: number } = {}): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    { weight: weights.value ?? 6, arbitrary },
    { weight: weights.unset ?? 3, arbitrary: fc.constant(undefined) },
    { weight: weights.junk ?? 1, arbitrary: junk as fc.Arbitrary<T> },
  );
}

/** Weights for values that are mostly unset. */
const RARE = { value: 2, unset: 6, junk: 1 };

/** One of the arbitraries, by weight. */
function pick(...entries: Array<[number, fc.Arbitrary<any>]>): fc.Arbitrary<any> {
  return fc.oneof(...entries.map(([weight, arbitrary]) => ({ weight, arbitrary })));
}

/** An optional record: each key unset, valid or junk; sometimes the whole record is junk. */
function optionalRecord<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.record(model as any, { requiredKeys: [], ...PLAIN }) as fc.Arbitrary<T> },
    { weight: 1, arbitrary: junk as fc.Arbitrary<T> },
  );
}

/** String maps (labels, annotations, node selectors), or junk. */
export const stringMap: fc.Arbitrary<{ [key: string]: string } | undefined> = maybe(
  fc.dictionary(fc.oneof(dnsLabel, fc.constantFrom('app.kubernetes.io/name', 'team', 'example.com/owner'), anyString),
    fc.oneof({ weight: 4, arbitrary: anyString }, { weight: 1, arbitrary: junk }), { maxKeys: 4, ...PLAIN }),
);

/** A name: mostly a valid label, sometimes any string or junk. */
export const resourceName: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 5, arbitrary: dnsLabel },
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: anyString },
  { weight: 1, arbitrary: junk },
);

/** Ids the properties give their own helper constructs in the same chart. */
const HARNESS_IDS = ['ref', 'session', 'app', 'fork', 'operator', 'job'];

/**
 * A construct id: any non-empty string except the names of `Object.prototype`
 * members and the harness's own ids. These exclusions are the constructs
 * library's, not this one's: it rejects an empty id, finds `valueOf`,
 * `toString`, ... among the children of every scope ("There is already a
 * Construct with name 'valueOf'"), and rejects two children with one id.
 */
export const constructId: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('d', 'payments', 'Payments Job', 'a/b', 'x'.repeat(80)) },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
).filter((id) => !(id in Object.prototype) && !HARNESS_IDS.includes(id));

/** An enum's values (mostly), or any string / junk cast to it. */
function enumValue<T>(values: T[]): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...values) },
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: anyString as fc.Arbitrary<any> },
    { weight: 1, arbitrary: junk },
  );
}

// ---------------------------------------------------------------------------
// cdk8s values and library value classes

const SIZE_UNITS = ['kibibytes', 'mebibytes', 'gibibytes', 'tebibytes', 'pebibyte'] as const;

/** A `Size`: mostly whole, sometimes fractional, zero, negative, NaN, infinite; or junk in its place. */
export const size: fc.Arbitrary<Size | undefined> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(fc.constantFrom(...SIZE_UNITS), pick([4, fc.integer({ min: 1, max: 65536 })], [2, anyNumber]))
      .map(([unit, amount]) => new Deferred(`Size.${unit}(${amount})`, () => Size[unit](amount)) as unknown as Size),
  },
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom<any>('2048m', '2Gi', 2048, {}, { amount: 1, unit: 'MiB' }, [], null) },
);

/** A `Duration`, from any number (negative ones make the factory throw); or junk. */
export const duration: fc.Arbitrary<Duration | undefined> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(fc.constantFrom('millis', 'seconds', 'minutes', 'hours', 'days') as fc.Arbitrary<'millis' | 'seconds' | 'minutes' | 'hours' | 'days'>,
      fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 10_000 }) }, { weight: 2, arbitrary: anyNumber }))
      .map(([unit, amount]) => new Deferred(`Duration.${unit}(${amount})`, () => Duration[unit](amount)) as unknown as Duration),
  },
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: junk },
);

const KNOWN_VERSIONS = [
  FlinkVersion.V1_13, FlinkVersion.V1_14, FlinkVersion.V1_15, FlinkVersion.V1_16, FlinkVersion.V1_17, FlinkVersion.V1_18,
  FlinkVersion.V1_19, FlinkVersion.V1_20, FlinkVersion.V2_0, FlinkVersion.V2_1, FlinkVersion.V2_2,
];

/** A `FlinkVersion`: a constant, `FlinkVersion.of()` of a well-formed or any string, or junk. */
export const flinkVersion: fc.Arbitrary<FlinkVersion> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KNOWN_VERSIONS) },
  {
    weight: 2,
    arbitrary: fc.oneof(fc.stringMatching(/^v\d{1,4}_\d{1,4}$/), anyString)
      .map((s) => new Deferred(`FlinkVersion.of(${JSON.stringify(s.length > 100 ? `${s.slice(0, 100)}…` : s)})`, () => FlinkVersion.of(s)) as unknown as FlinkVersion),
  },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom<any>('v2_2', { value: 'v2_2', major: 2, minor: 2 }), junk) },
);

// ---------------------------------------------------------------------------
// Kubernetes objects

const quantity = fc.oneof(
  fc.constantFrom('1', '500m', '2Gi', '0', 'garbage').map((q) => k8s.Quantity.fromString(q)),
  fc.constantFrom(1, 0.5, 2048).map((n) => k8s.Quantity.fromNumber(n)),
  junk,
);

const container = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      name: fc.oneof(fc.constantFrom('flink-main-container', 'sidecar'), anyString, junk),
      image: maybe(anyString),
      args: maybe(fc.array(anyString, { maxLength: 3 })),
      env: maybe(fc.array(fc.record({ name: anyString, value: maybe(anyString) }, { requiredKeys: ['name'], ...PLAIN }), { maxLength: 3 })),
      resources: maybe(fc.record({ limits: maybe(fc.dictionary(fc.constantFrom('cpu', 'memory'), quantity, PLAIN)) }, { requiredKeys: [], ...PLAIN })),
      volumeMounts: maybe(fc.array(fc.record({ name: anyString, mountPath: anyString }, PLAIN), { maxLength: 2 })),
    }, { requiredKeys: ['name'], ...PLAIN }),
  },
  { weight: 1, arbitrary: junk },
);

/** A pod template: mostly well-formed, sometimes with fields of the wrong type at any level. */
export const podTemplate: fc.Arbitrary<k8s.PodTemplateSpec | undefined> = maybe(optionalRecord<k8s.PodTemplateSpec>({
  metadata: maybe(fc.record({ labels: stringMap, annotations: stringMap }, { requiredKeys: [], ...PLAIN })),
  spec: maybe(optionalRecord<k8s.PodSpec>({
    containers: fc.oneof({ weight: 5, arbitrary: fc.array(container, { maxLength: 3 }) }, { weight: 1, arbitrary: junk }),
    initContainers: maybe(fc.array(container, { maxLength: 2 })),
    serviceAccountName: maybe(anyString),
    nodeSelector: stringMap,
    tolerations: maybe(fc.array(fc.record({ key: maybe(anyString), operator: maybe(fc.constantFrom('Exists', 'Equal')), effect: maybe(anyString) }, { requiredKeys: [], ...PLAIN }), { maxLength: 2 })),
    volumes: maybe(fc.array(fc.record({ name: anyString, emptyDir: maybe(fc.constant({})) }, { requiredKeys: ['name'], ...PLAIN }), { maxLength: 2 })),
  } as any)),
} as any), { value: 3, unset: 6, junk: 1 });

// ---------------------------------------------------------------------------
// Flink configuration

const CONFIG_KEYS = [
  'taskmanager.numberOfTaskSlots', 'parallelism.default', 'execution.checkpointing.dir', 'execution.checkpointing.savepoint-dir',
  'execution.checkpointing.interval', 'state.checkpoints.dir', 'state.savepoints.dir', 'high-availability.type', 'high-availability',
  'high-availability.storageDir', 'jobmanager.memory.process.size', 'taskmanager.memory.process.size', 'taskmanager.memory.flink.size',
  'jobmanager.memory.heap.size', 'kubernetes.jobmanager.cpu', 'kubernetes.taskmanager.cpu', 'kubernetes.jobmanager.replicas',
  'kubernetes.cluster-id', 'kubernetes.namespace', 'job.autoscaler.enabled', 'job.autoscaler.metrics.window',
  'kubernetes.operator.periodic.savepoint.interval', 'kubernetes.operator.job.upgrade.last-state-fallback.enabled',
  'pipeline.max-parallelism', 'kubernetes.operator.cluster.health-check.enabled', 'execution.savepoint.path', 'jobmanager.archive.fs.dir',
  'job.autoscaler.excluded.periods', 'job.autoscaler.utilization.target', 'kubernetes.operator.savepoint.history.max.count',
  'kubernetes.operator.bluegreen.abort.grace-period', 's3.secret-key', 'fs.s3a.secret.key', 's3.access-key',
];

const CONFIG_VALUES = [
  '1', '2', '-1', '0', '4', '1024m', '2g', '1.5 gb', 'abc', 'true', 'false', 'kubernetes', 'zookeeper', 'NONE', '10 s', '1 min', 'PT1M',
  's3://bucket/path', 'file:///tmp', '/relative', '', '0.7', '1.5', '* * 9-17 ? * MON-FRI', '-', '9223372036854775808',
];

const configLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CONFIG_VALUES) },
  { weight: 2, arbitrary: anyString },
  { weight: 2, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
);

const configKey: fc.Arbitrary<string> = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...CONFIG_KEYS) }, { weight: 2, arbitrary: anyString });

const { configValue } = fc.letrec<{ configValue: unknown }>((tie) => ({
  configValue: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: configLeaf },
    { weight: 1, arbitrary: fc.array(tie('configValue'), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom('dir', 'type', 'size', 'enabled'), anyString), tie('configValue'), { maxKeys: 3, ...PLAIN }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  ),
}));

/** A Flink configuration map: flat or nested keys, values of every JSON type (and some that are not). */
export const flinkConfiguration: fc.Arbitrary<{ [key: string]: any } | undefined> = maybe(
  fc.dictionary(configKey, configValue, { maxKeys: 6, ...PLAIN }),
);

/** Logging files by name. */
export const logConfiguration: fc.Arbitrary<{ [file: string]: string } | undefined> = maybe(
  fc.dictionary(fc.oneof(fc.constantFrom('log4j-console.properties', 'logback-console.xml', 'log4j-operator.properties', 'logback-operator.xml'), anyString),
    fc.oneof({ weight: 5, arbitrary: anyString }, { weight: 1, arbitrary: junk }), { maxKeys: 3, ...PLAIN }),
  RARE,
);

// ---------------------------------------------------------------------------
// FlinkDeployment and its pieces

const nonce = maybe(pick([4, fc.integer({ min: -5, max: 1000 })], [1, anyNumber]), RARE);

const jarUri = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('local:///opt/flink/usrlib/job.jar', 'https://repo.example.com/jobs/job.jar', 's3://bucket/job.jar', 'http://127.0.0.1/job.jar', 'http://10.0.0.1/j.jar', 'file:///job.jar', 'job.jar', 'local://', 'http://[::1]/x.jar', 'https://0x7f.1/job.jar') },
  { weight: 2, arbitrary: anyString },
);

/** Typed job sources: jar and Python programs (built lazily: the factories check their options). */
const jobSource = fc.oneof(
  fc.constantFrom(
    () => FlinkJob.jar({ jarUri: 'local:///opt/flink/usrlib/job.jar', entryClass: 'com.example.Main', args: ['--x', 'y'] }),
    () => FlinkJob.python({ pyFile: '/opt/flink/usrlib/job.py', pyFiles: ['/opt/flink/usrlib/lib.zip'], args: ['--host', 'h'] }),
    () => FlinkJob.python({ pyModule: 'jobs.main', pythonExecutable: 'python3', jarUri: 'https://repo.example.com/flink-python.jar' }),
  ).map((make) => make()),
  junk,
);

/** Job options of an application deployment or a session job. */
export const jobOptions = optionalRecord<any>({
  source: maybe(jobSource, RARE),
  jarUri: maybe(jarUri),
  entryClass: maybe(fc.oneof(fc.constantFrom('com.example.Main', 'org.apache.flink.client.python.PythonDriver'), anyString)),
  args: maybe(fc.array(fc.oneof({ weight: 5, arbitrary: anyString }, { weight: 1, arbitrary: junk }), { maxLength: 4 })),
  parallelism: maybe(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 64 }) }, { weight: 2, arbitrary: anyNumber })),
  upgradeMode: enumValue(Object.values(UpgradeMode)),
  state: enumValue(Object.values(JobState)),
  initialSavepointPath: maybe(fc.oneof(fc.constantFrom('s3://bucket/savepoints/savepoint-1', '/sp'), anyString), RARE),
  allowNonRestoredState: maybe(fc.boolean()),
  savepointTriggerNonce: nonce,
  checkpointTriggerNonce: nonce,
  savepointRedeployNonce: nonce,
  autoscalerResetNonce: nonce,
});

/** JobManager / TaskManager options. */
export const processOptions = maybe(optionalRecord<any>({
  cpu: maybe(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(0.5, 1, 2, 4) }, { weight: 2, arbitrary: anyNumber })),
  memory: size,
  ephemeralStorage: size,
  replicas: maybe(pick([4, fc.integer({ min: 0, max: 4 })], [1, anyNumber]), RARE),
  podTemplate,
}), { value: 8, unset: 2, junk: 1 });

const tls = fc.array(optionalRecord<k8s.IngressTls>({ hosts: maybe(fc.array(anyString, { maxLength: 2 })), secretName: maybe(anyString) }),
  { maxLength: 2 });

/** Ingress options. */
export const ingressOptions = maybe(optionalRecord<any>({
  template: fc.oneof(fc.constantFrom('flink.example.com/{{namespace}}/{{name}}(/|$)(.*)', '{{name}}.{{namespace}}.flink.k8s.io', '/{{namespace}}/{{name}}', 'x'), anyString, junk),
  className: maybe(fc.oneof(fc.constantFrom('nginx'), anyString)),
  annotations: stringMap,
  labels: stringMap,
  tls: maybe(tls),
}), RARE);

/** Configuration keys allowed to hold a credential in plain text. */
const plaintextConfigurationKeys = maybe(fc.array(fc.oneof(fc.constantFrom('s3.secret-key', 'password', 'fs.azure.account.key'), anyString), { maxLength: 2 }),
  { value: 1, unset: 6, junk: 1 });

const metadataModel = {
  name: resourceName,
  namespace: resourceName,
  labels: stringMap,
  annotations: stringMap,
};

/** The deployment props (image and version always given, possibly as junk), with or without a job. */
function deploymentPropsWith(job: fc.Arbitrary<any>): fc.Arbitrary<any> {
  return fc.record({
    ...metadataModel,
    image: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('flink:2.2', 'flink:1.20', 'registry.example.com/flink@sha256:' + 'a'.repeat(64)) }, { weight: 2, arbitrary: anyString }, { weight: 1, arbitrary: junk }),
    flinkVersion,
    imagePullPolicy: enumValue(Object.values(ImagePullPolicy)),
    serviceAccount: maybe(fc.oneof(fc.constant('flink'), anyString)),
    mode: enumValue(Object.values(DeploymentMode)),
    flinkConfiguration,
    logConfiguration,
    podTemplate,
    jobManager: processOptions,
    taskManager: processOptions,
    ingress: ingressOptions,
    restartNonce: nonce,
    podSecurity: enumValue(Object.values(PodSecurity)),
    backend: enumValue(Object.values(FlinkBackend)),
    plaintextConfigurationKeys,
    job,
  }, { requiredKeys: ['image', 'flinkVersion'], ...PLAIN });
}

/** `FlinkDeploymentProps`: application (with a job) or session clusters. */
export const deploymentProps: fc.Arbitrary<any> = deploymentPropsWith(fc.oneof(
  { weight: 3, arbitrary: jobOptions },
  { weight: 1, arbitrary: fc.constant(undefined) },
));

/** `FlinkDeploymentProps` of a session cluster (no job). */
export const sessionClusterProps: fc.Arbitrary<any> = deploymentPropsWith(fc.constant(undefined));

/** `FlinkDeploymentProps` of an application cluster (a job, possibly junk). */
export const applicationClusterProps: fc.Arbitrary<any> = deploymentPropsWith(jobOptions);

/** `FlinkBlueGreenDeploymentProps`. */
export const blueGreenProps: fc.Arbitrary<any> = fc.tuple(deploymentProps, fc.record({
  abortGracePeriod: duration,
  reconciliationRescheduleInterval: duration,
  deploymentDeletionDelay: duration,
  blueGreenConfiguration: maybe(fc.dictionary(fc.oneof(fc.constantFrom('kubernetes.operator.bluegreen.abort.grace-period', 'kubernetes.operator.bluegreen.deployment-deletion.delay'), anyString),
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom('30s', '10 min', '0', 'abc') }, { weight: 1, arbitrary: junk }), { maxKeys: 3, ...PLAIN }), RARE),
  activeIngress: ingressOptions,
}, { requiredKeys: [], ...PLAIN })).map(([d, bg]) => ({ ...d, ...bg }));

// ---------------------------------------------------------------------------
// FlinkSessionJob and FlinkStateSnapshot

/** `FlinkSessionJobOptions` (the job is always given, possibly as junk). */
export const sessionJobOptions: fc.Arbitrary<any> = fc.record({
  ...metadataModel,
  job: fc.oneof({ weight: 8, arbitrary: jobOptions }, { weight: 1, arbitrary: fc.constant(undefined) }),
  flinkConfiguration,
  restartNonce: nonce,
  plaintextConfigurationKeys,
}, { requiredKeys: ['job'], ...PLAIN });

/** Where a session job runs: a session cluster of the app, one known by name, or junk. */
export const sessionJobTarget = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('cluster' as const), props: sessionClusterProps }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('name' as const), name: fc.oneof(dnsLabel, anyString), namespace: resourceName }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('junk' as const), value: junk }) },
);

/** `FlinkSavepointOptions` / `FlinkCheckpointOptions` plus the snapshot type. */
export const snapshotOptions: fc.Arbitrary<any> = fc.record({
  ...metadataModel,
  type: enumValue(Object.values(SnapshotType)),
  path: maybe(fc.oneof(fc.constantFrom('s3://bucket/savepoints/savepoint-1', '/tmp/sp'), anyString)),
  format: enumValue(Object.values(SavepointFormat)),
  disposeOnDelete: maybe(fc.boolean()),
  alreadyExists: maybe(fc.boolean()),
  backoffLimit: maybe(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -2, max: 5 }) }, { weight: 1, arbitrary: anyNumber })),
}, { requiredKeys: [], ...PLAIN });

/** What a snapshot is taken of. */
export const snapshotTarget = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deployment' as const), props: deploymentProps }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sessionJob' as const), cluster: sessionClusterProps, options: sessionJobOptions }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sessionJobName' as const), name: fc.oneof(dnsLabel, anyString, junk), namespace: resourceName }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deploymentName' as const), name: fc.oneof(dnsLabel, anyString), namespace: resourceName }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('junk' as const), value: junk }) },
);

// ---------------------------------------------------------------------------
// FlinkOperator

const sha256 = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[0-9a-f]{64}$/) },
  { weight: 1, arbitrary: anyString },
);

const jar = {
  name: fc.oneof({ weight: 4, arbitrary: dnsLabel }, { weight: 1, arbitrary: anyString }, { weight: 1, arbitrary: junk }),
  url: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('https://artifacts.example.com/p.jar', 'http://repo/x.jar') }, { weight: 1, arbitrary: anyString }, { weight: 1, arbitrary: junk }),
  sha256,
};

const plugin = fc.record({
  ...jar,
  listenerClass: maybe(fc.oneof(fc.constantFrom('com.example.Listener', 'Listener', 'com.example.'), anyString), RARE),
  listenerConfiguration: maybe(fc.dictionary(fc.oneof(fc.constantFrom('endpoint', 'class', 'a b'), anyString), anyString, { maxKeys: 2, ...PLAIN }), { value: 1, unset: 6, junk: 1 }),
}, { requiredKeys: ['name', 'url', 'sha256'], ...PLAIN });

const operatorConfigurationKey = fc.oneof(
  fc.constantFrom('kubernetes.operator.reconcile.interval', 'kubernetes.operator.watched.namespaces', 'kubernetes.operator.leader-election.enabled',
    'kubernetes.operator.health.probe.port', 'taskmanager.numberOfTaskSlots', 'kubernetes.operator.metrics.reporter.prom.port', 'parallelism.default'),
  anyString,
);

const envVar = fc.oneof(
  { weight: 4, arbitrary: fc.record({ name: anyString, value: maybe(anyString) }, { requiredKeys: ['name'], ...PLAIN }) },
  { weight: 1, arbitrary: junk },
);

/** `FlinkOperatorProps`. */
export const operatorProps: fc.Arbitrary<any> = fc.record({
  namespace: pick([4, dnsLabel], [3, fc.constant(undefined)], [1, anyString], [1, junk]),
  image: maybe(fc.oneof(fc.constantFrom('apache/flink-kubernetes-operator:1.15.0'), anyString)),
  imagePullPolicy: enumValue(Object.values(ImagePullPolicy)),
  imagePullSecrets: maybe(fc.array(anyString, { maxLength: 2 })),
  watchNamespaces: maybe(fc.array(pick([4, dnsLabel], [1, anyString], [1, junk]), { maxLength: 3 })),
  replicas: maybe(fc.oneof(fc.integer({ min: 0, max: 3 }), anyNumber)),
  leaderElection: maybe(fc.record({ leaseName: maybe(fc.oneof(dnsLabel, anyString)) }, { requiredKeys: [], ...PLAIN }), RARE),
  webhook: maybe(fc.record({
    enabled: maybe(fc.boolean()),
    validator: maybe(fc.boolean()),
    mutator: maybe(fc.boolean()),
    keystorePassword: maybe(fc.tuple(fc.oneof(dnsLabel, anyString), maybe(anyString))
      .map(([secret, key]) => new Deferred(`WebhookKeystorePassword.fromSecretName(${JSON.stringify(secret)}, ${JSON.stringify(key)})`,
        () => WebhookKeystorePassword.fromSecretName(secret, key)) as unknown as WebhookKeystorePassword)),
    jvmArgs: maybe(anyString),
    env: maybe(fc.array(envVar, { maxLength: 2 })),
    serviceLabels: stringMap,
  }, { requiredKeys: [], ...PLAIN })),
  // Rendering the four CRDs costs ~0.5 s per case, so they are installed in few cases only.
  installCrds: pick([30, fc.constant(false)], [1, fc.constantFrom(true, undefined)], [1, junk]),
  defaultConfiguration: maybe(fc.dictionary(operatorConfigurationKey, configValue, { maxKeys: 4, ...PLAIN })),
  logConfiguration: logConfiguration,
  loggingFramework: enumValue(Object.values(OperatorLoggingFramework)),
  jvmArgs: maybe(anyString),
  resources: maybe(fc.record({ limits: maybe(fc.dictionary(fc.constantFrom('cpu', 'memory'), quantity, PLAIN)) }, { requiredKeys: [], ...PLAIN })),
  metricsPort: maybe(fc.oneof(fc.integer({ min: 0, max: 70000 }), fc.constant(8085), anyNumber), RARE),
  healthPort: maybe(fc.oneof(fc.integer({ min: 0, max: 70000 }), anyNumber), RARE),
  env: maybe(fc.array(envVar, { maxLength: 2 })),
  nodeSelector: stringMap,
  tolerations: maybe(fc.array(fc.record({ key: maybe(anyString), effect: maybe(anyString) }, { requiredKeys: [], ...PLAIN }), { maxLength: 2 })),
  priorityClassName: maybe(anyString),
  podLabels: stringMap,
  podAnnotations: stringMap,
  operatorServiceAccountName: maybe(fc.oneof(dnsLabel, anyString)),
  operatorServiceAccountAnnotations: stringMap,
  jobServiceAccountAnnotations: stringMap,
  jobServiceAccountName: maybe(fc.oneof(dnsLabel, anyString)),
  listNodes: maybe(fc.boolean()),
  plugins: maybe(fc.array(plugin, { maxLength: 2 }), RARE),
  operatorLibs: maybe(fc.array(fc.record(jar, PLAIN), { maxLength: 2 }), RARE),
  pluginInstallerImage: maybe(anyString, { value: 1, unset: 6, junk: 1 }),
}, { requiredKeys: [], ...PLAIN });

/** The chart's namespace. */
export const chartNamespace: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 4, arbitrary: dnsLabel },
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: anyString },
);

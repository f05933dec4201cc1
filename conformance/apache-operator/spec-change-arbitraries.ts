/**
 * Seeded generators of spec changes near the diff rules' edges: a spec and
 * a copy of it with a few fields changed, removed, nulled or rewritten in
 * an equal form (`1Gi` for `1024Mi`, a nested configuration for a flat
 * key, an absent field for its default).
 */
import * as fc from 'fast-check';

/** One request to the diff oracle and to the port. */
export interface SpecChangeCase {
  readonly kind: 'FlinkDeployment' | 'FlinkSessionJob' | 'FlinkBlueGreenDeployment';
  readonly before: any;
  readonly after: any;
  /** A session job's cluster mode. */
  readonly mode?: 'native' | 'standalone';
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const nonce = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(null));
const quantity = fc.constantFrom('1', '1000m', '0.5', '500m', '2', '1Gi', '1024Mi', '1G', '1000M', '1073741824', '2Gi', '1e3', '1k', 1, 2);
const configKey = fc.constantFrom(
  'taskmanager.numberOfTaskSlots', 'parallelism.default', 'parallelism.defaultX', 'job.autoscaler.enabled', 'job.autoscalerX',
  'kubernetes.operator.periodic.savepoint.interval', 'kubernetes.operatorX', 'pipeline.jobvertex-parallelism-overrides',
  'state.savepoints.dir', 'execution.checkpointing.interval', 'jobmanager.scheduler', 'a.b', 'a',
);
const configValue = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('1', '2', 'x', 'true', '', 'null', '1;2', 'adaptive') },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 3 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom([], ['1', '2'], [1, 2], ['x']) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('b', 'c', 'enabled'), fc.constantFrom('1', '2', 'x'), { maxKeys: 2 }) },
);
const configuration = fc.dictionary(configKey, configValue, { maxKeys: 4 });
const stringMap = fc.dictionary(fc.constantFrom('a', 'b', 'log4j-console.properties'), fc.constantFrom('x', 'y', ''), { maxKeys: 2 });

const resources = fc.record({
  limits: maybe(fc.dictionary(fc.constantFrom('cpu', 'memory'), quantity, { maxKeys: 2 })),
  requests: maybe(fc.dictionary(fc.constantFrom('cpu', 'memory'), quantity, { maxKeys: 2 })),
}, { requiredKeys: [] });

const podTemplate = fc.record({
  apiVersion: maybe(fc.constant('v1')),
  kind: maybe(fc.constant('Pod')),
  metadata: maybe(fc.record({ labels: maybe(stringMap), annotations: maybe(stringMap) }, { requiredKeys: [] })),
  spec: maybe(fc.record({
    serviceAccountName: maybe(fc.constantFrom('a', 'b')),
    containers: maybe(fc.array(fc.record({
      name: fc.constantFrom('flink-main-container', 'sidecar'),
      image: maybe(fc.constantFrom('busybox', 'alpine')),
      env: maybe(fc.array(fc.record({ name: fc.constantFrom('A', 'B'), value: fc.constantFrom('1', '2') }), { maxLength: 2 })),
      resources: maybe(resources),
    }), { maxLength: 2 })),
  }, { requiredKeys: [] })),
}, { requiredKeys: [] });

const resource = fc.record({
  cpu: maybe(fc.constantFrom(0.5, 1, 2)),
  memory: maybe(fc.constantFrom('1024m', '2048m', '1g', '2Gi')),
  ephemeralStorage: maybe(fc.constantFrom('1Gi', '2Gi')),
}, { requiredKeys: [] });

const jobManager = fc.record({
  resource: maybe(resource),
  resources: maybe(resources),
  replicas: maybe(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant(null))),
  podTemplate: maybe(podTemplate),
}, { requiredKeys: [] });

const taskManager = fc.record({
  resource: maybe(resource),
  resources: maybe(resources),
  replicas: maybe(fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(null))),
  podTemplate: maybe(podTemplate),
}, { requiredKeys: [] });

const job = fc.record({
  jarURI: maybe(fc.constantFrom('local:///opt/flink/job.jar', 'https://repo/job.jar')),
  parallelism: maybe(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(null))),
  entryClass: maybe(fc.constantFrom('org.example.Job', 'org.example.Other')),
  args: maybe(fc.oneof(fc.array(fc.constantFrom('--a', '1', 'x'), { maxLength: 2 }), fc.constant(null))),
  state: maybe(fc.constantFrom('running', 'suspended', null)),
  savepointTriggerNonce: maybe(nonce),
  initialSavepointPath: maybe(fc.constantFrom('s3://sp/1', 's3://sp/2', null)),
  checkpointTriggerNonce: maybe(nonce),
  upgradeMode: maybe(fc.constantFrom('stateless', 'savepoint', 'last-state')),
  allowNonRestoredState: maybe(fc.constantFrom(true, false, null)),
  savepointRedeployNonce: maybe(nonce),
  autoscalerResetNonce: maybe(nonce),
}, { requiredKeys: [] });

const ingress = fc.record({
  template: maybe(fc.constantFrom('{{name}}.example.com', '/{{namespace}}/{{name}}')),
  className: maybe(fc.constantFrom('nginx', 'traefik')),
  annotations: maybe(stringMap),
  labels: maybe(stringMap),
  tls: maybe(fc.array(fc.record({ hosts: maybe(fc.array(fc.constantFrom('a.example.com', 'b.example.com'), { maxLength: 2 })), secretName: maybe(fc.constantFrom('s1', 's2')) }, { requiredKeys: [] }), { maxLength: 2 })),
}, { requiredKeys: [] });

const deploymentSpec = fc.record({
  image: maybe(fc.constantFrom('flink:1.20', 'flink:2.2')),
  imagePullPolicy: maybe(fc.constantFrom('Always', 'IfNotPresent')),
  serviceAccount: maybe(fc.constantFrom('flink', 'other')),
  flinkVersion: maybe(fc.constantFrom('v1_18', 'v1_20', 'v2_2')),
  ingress: maybe(ingress),
  podTemplate: maybe(podTemplate),
  jobManager: maybe(jobManager),
  taskManager: maybe(taskManager),
  logConfiguration: maybe(fc.oneof(stringMap, fc.constant(null))),
  mode: maybe(fc.constantFrom('native', 'standalone')),
  job: maybe(job),
  restartNonce: maybe(nonce),
  flinkConfiguration: maybe(fc.oneof({ weight: 9, arbitrary: configuration }, { weight: 1, arbitrary: fc.constant(null) })),
}, { requiredKeys: [] });

const sessionJobSpec = fc.record({
  deploymentName: maybe(fc.constantFrom('session', 'other')),
  job: maybe(job),
  restartNonce: maybe(nonce),
  flinkConfiguration: maybe(configuration),
}, { requiredKeys: [] });

/** Fields of the before spec that the after spec takes from an independently generated spec. */
function changed(before: any, other: any, picks: string[], drops: string[]): any {
  const after = JSON.parse(JSON.stringify(before ?? {}));
  for (const path of picks) {
    setPath(after, path, getPath(other, path));
  }
  for (const path of drops) {
    setPath(after, path, undefined);
  }
  return after;
}

function getPath(value: any, path: string): any {
  return path.split('/').reduce((v, k) => (v === undefined || v === null ? undefined : v[k]), value);
}

function setPath(value: any, path: string, item: any): void {
  const keys = path.split('/');
  let target = value;
  for (const key of keys.slice(0, -1)) {
    if (target[key] === undefined || target[key] === null || typeof target[key] !== 'object') {
      if (item === undefined) {
        return;
      }
      target[key] = {};
    }
    target = target[key];
  }
  const last = keys[keys.length - 1];
  if (item === undefined) {
    delete target[last];
  } else {
    target[last] = JSON.parse(JSON.stringify(item));
  }
}

const DEPLOYMENT_PATHS = [
  'image', 'imagePullPolicy', 'serviceAccount', 'flinkVersion', 'ingress', 'ingress/tls', 'ingress/annotations', 'podTemplate',
  'podTemplate/metadata', 'podTemplate/spec', 'podTemplate/apiVersion', 'jobManager', 'jobManager/replicas', 'jobManager/resources',
  'jobManager/resource', 'taskManager', 'taskManager/replicas', 'taskManager/resources', 'taskManager/resource', 'taskManager/podTemplate',
  'logConfiguration', 'mode', 'restartNonce', 'flinkConfiguration', 'job', ...jobPaths(),
  ...['taskmanager.numberOfTaskSlots', 'parallelism.default', 'job.autoscaler.enabled', 'kubernetes.operator.periodic.savepoint.interval', 'pipeline.jobvertex-parallelism-overrides', 'a'].map((k) => `flinkConfiguration/${k}`),
];
const SESSION_JOB_PATHS = ['deploymentName', 'restartNonce', 'flinkConfiguration', 'job', ...jobPaths(), 'flinkConfiguration/pipeline.jobvertex-parallelism-overrides', 'flinkConfiguration/job.autoscaler.enabled'];

function jobPaths(): string[] {
  return ['jarURI', 'parallelism', 'entryClass', 'args', 'state', 'savepointTriggerNonce', 'initialSavepointPath', 'checkpointTriggerNonce',
    'upgradeMode', 'allowNonRestoredState', 'savepointRedeployNonce', 'autoscalerResetNonce'].map((f) => `job/${f}`);
}

/** Fields whose changes may be scale or ignore changes: picked alone, they reach SCALE. */
const SCALE_PATHS = ['job/parallelism', 'taskManager/replicas', 'flinkConfiguration/pipeline.jobvertex-parallelism-overrides', 'job/upgradeMode', 'flinkConfiguration/job.autoscaler.enabled'];

function change<T>(spec: fc.Arbitrary<T>, paths: string[]): fc.Arbitrary<{ before: T; after: T }> {
  const picks = fc.oneof({ weight: 3, arbitrary: fc.subarray(paths, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.subarray(SCALE_PATHS.filter((p) => paths.includes(p)), { minLength: 1 }) });
  return fc.tuple(spec, spec, picks, fc.subarray(paths, { maxLength: 1 }), fc.integer({ min: 0, max: 9 }))
    .map(([before, other, picks, drops, same]) => ({ before, after: same === 0 ? JSON.parse(JSON.stringify(before)) : changed(before, other, picks, drops) }));
}

/** Spec changes of the three diffed kinds. */
export const specChangeCase: fc.Arbitrary<SpecChangeCase> = fc.oneof(
  { weight: 6, arbitrary: change(deploymentSpec, DEPLOYMENT_PATHS).map((c) => ({ kind: 'FlinkDeployment' as const, ...c })) },
  {
    weight: 3,
    arbitrary: fc.tuple(change(sessionJobSpec, SESSION_JOB_PATHS), fc.constantFrom('native' as const, 'standalone' as const))
      .map(([c, mode]) => ({ kind: 'FlinkSessionJob' as const, mode, ...c })),
  },
  {
    weight: 2,
    arbitrary: change(deploymentSpec, DEPLOYMENT_PATHS).map((c) => ({
      kind: 'FlinkBlueGreenDeployment' as const,
      before: { configuration: { 'kubernetes.operator.bluegreen.deployment-deletion.delay': '1s' }, template: { spec: c.before } },
      after: { configuration: { 'kubernetes.operator.bluegreen.deployment-deletion.delay': '1s' }, template: { spec: c.after } },
    })),
  },
);

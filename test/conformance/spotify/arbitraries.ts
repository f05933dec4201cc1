/**
 * Seeded fast-check arbitraries for FlinkCluster documents near the
 * webhook's and the CRD's edges: names around the length limit and DNS
 * rules, namespaces, Flink versions around 1.10 and unparseable ones,
 * duplicate port numbers and names, resource requests and limits (zero,
 * missing, odd quantities), memory ratios around 0 and 100, off-heap minimums
 * around the memory limit, replicas, job specs (files, modes, parallelism,
 * restart policies, savepoint settings), GCP service accounts, pod labels
 * and annotations, probes, volumes, missing and wrong-typed fields.
 */
import * as fc from 'fast-check';

/** `arb` in `tenths` of ten cases (half by default), `undefined` in the others. */
const opt = <T>(arb: fc.Arbitrary<T>, tenths = 5): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 10 - tenths }, { arbitrary: arb, weight: tenths });

/** Mostly valid, so that the rules after the name's are reached. */
const mostly = <T>(valid: fc.Arbitrary<T>, edges: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: valid, weight: 7 }, { arbitrary: edges, weight: 1 });

const names = mostly(fc.stringMatching(/^[a-z]([-a-z0-9]{0,45}[a-z0-9])?$/), fc.oneof(
  fc.constantFrom('my-cluster', 'a', 'flinkjobcluster-sample', 'abc-123', 'x'.repeat(48), 'x'.repeat(49), 'x'.repeat(50),
    '', 'My-Cluster', '1cluster', 'cluster-', '-cluster', 'clu.ster', 'clu_ster', 'ä-cluster', 'a'.repeat(47) + 'é'),
  fc.stringMatching(/^[a-z][-a-z0-9]{0,52}$/),
));

const namespaces = mostly(fc.constantFrom(undefined, 'default', 'flink'), fc.constantFrom('Flink', 'ns_1', 'n'.repeat(63), 'n'.repeat(64), '-ns', 'ns.dot'));

const versions = fc.constantFrom(undefined, '1.8', '1.9', '1.9.3', '1.10', '1.10.0', '1.10.0-rc1', '1.11', '1.17', '1.18.1', '2.0',
  'v1.10', '1', '1.10.x', 'latest', '', ' 1.10', '1.9-SNAPSHOT', '01.10');

const portNumbers = fc.constantFrom(6123, 6124, 6125, 6121, 6122, 8081, 9249, 9250, 1, 65535, 0);
const portNames = fc.constantFrom('rpc', 'blob', 'query', 'ui', 'data', 'metrics', 'http', '', 'prom');

const quantities = fc.constantFrom('0', '1', '0.5', '500m', '200m', '1Gi', '0Gi', '2G', '100Mi', '600M', '600Mi', '1e3', '1024Mi',
  '1.5Gi', '1000000', '0.000001', '2Ti');

const resourceMap = fc.record({ cpu: opt(quantities, 8), memory: opt(quantities, 8) });
const resources = fc.oneof(
  fc.record({ requests: opt(resourceMap), limits: opt(resourceMap, 7) }),
  fc.constant({}),
  fc.constant({ requests: { cpu: '200m', memory: '1Gi' }, limits: { cpu: '1', memory: '2Gi' } }),
);

const ratios = fc.constantFrom(-1, 0, 1, 25, 80, 99, 100, 101, 1000);

const labelKeys = fc.constantFrom('app', 'team', 'example.com/role', 'Bad Key', 'k'.repeat(64), '-x', 'a/b/c', 'kubernetes.io/x', '');
const labelValues = fc.constantFrom('flink', '', 'v'.repeat(63), 'v'.repeat(64), 'bad value', '-x', 'a.b_c');
const stringMaps = fc.dictionary(labelKeys, labelValues, { maxKeys: 3 });

const extraPorts = fc.array(fc.record({ name: opt(portNames), containerPort: portNumbers, protocol: opt(fc.constantFrom('TCP', 'UDP')) },
  { requiredKeys: ['containerPort'] }), { maxLength: 3 });

const probes = fc.record({
  initialDelaySeconds: opt(fc.constantFrom(0, 1, 30)),
  timeoutSeconds: opt(fc.constantFrom(0, 3)),
  periodSeconds: opt(fc.constantFrom(0, 20)),
  failureThreshold: opt(fc.constantFrom(0, 2)),
  successThreshold: opt(fc.constantFrom(0, 1)),
  terminationGracePeriodSeconds: opt(fc.constantFrom(0, 10)),
  tcpSocket: opt(fc.record({ port: fc.oneof(portNumbers, fc.constantFrom('rpc', 'http')) })),
  httpGet: opt(fc.record({ path: fc.constantFrom('/', '/health'), port: fc.oneof(portNumbers, fc.constant('http')) })),
});

const volumes = fc.array(fc.record({ name: fc.constantFrom('cache', 'config', 'data'), emptyDir: fc.constant({}) }), { maxLength: 2 });
const volumeMounts = fc.array(fc.record({ name: fc.constantFrom('cache', 'config', 'data'), mountPath: fc.constantFrom('/cache', '/opt/flink/conf') }), { maxLength: 2 });

function component(ports: string[], replicas: fc.Arbitrary<number>) {
  return fc.record({
    replicas: opt(replicas, 3),
    ports: opt(fc.record(Object.fromEntries(ports.map((p) => [p, opt(portNumbers, 3)])) as Record<string, fc.Arbitrary<number | undefined>>), 3),
    extraPorts: opt(extraPorts, 3),
    resources: opt(resources, 8),
    memoryOffHeapRatio: opt(ratios, 2),
    memoryOffHeapMin: opt(quantities, 2),
    memoryProcessRatio: opt(ratios, 2),
    podAnnotations: opt(stringMaps, 1),
    podLabels: opt(stringMaps, 1),
    livenessProbe: opt(probes, 2),
    readinessProbe: opt(probes, 2),
    volumes: opt(volumes),
    volumeMounts: opt(volumeMounts),
  });
}

const job = fc.record({
  jarFile: opt(fc.constantFrom('/opt/flink/examples/streaming/WordCount.jar', ''), 8),
  pyFile: opt(fc.constantFrom('/opt/job.py'), 1),
  pyModule: opt(fc.constantFrom('word_count'), 1),
  className: opt(fc.constantFrom('org.example.Main')),
  mode: opt(fc.constantFrom('Detached', 'Blocking', 'Application')),
  parallelism: opt(fc.constantFrom(-1, 0, 1, 2)),
  restartPolicy: opt(fc.constantFrom('Never', 'FromSavepointOnFailure')),
  maxStateAgeToRestoreSeconds: opt(fc.constantFrom(0, 60, 3600)),
  takeSavepointOnUpdate: opt(fc.boolean(), 3),
  cancelRequested: opt(fc.boolean(), 2),
  savepointsDir: opt(fc.constantFrom('gs://bucket/savepoints', '')),
  fromSavepoint: opt(fc.constantFrom('gs://bucket/savepoints/sp-1')),
  autoSavepointSeconds: opt(fc.constantFrom(0, 300)),
  savepointFormatType: opt(fc.constantFrom('CANONICAL', 'NATIVE')),
  podAnnotations: opt(stringMaps, 1),
  podLabels: opt(stringMaps, 1),
  volumes: opt(volumes),
  volumeMounts: opt(volumeMounts),
  args: opt(fc.array(fc.constantFrom('--input', '/in', '--output'), { maxLength: 3 })),
});

const gcpConfig = fc.record({
  serviceAccount: opt(fc.record({
    secretName: opt(fc.constantFrom('gcp-sa', 'gcp-sa', ''), 8),
    keyFile: opt(fc.constantFrom('key.json', 'key.json', ''), 8),
    mountPath: opt(fc.constantFrom('/etc/gcp', '/etc/gcp', '/etc/gcp/key.json', ''), 8),
  }, { requiredKeys: [] }), 4),
}, { requiredKeys: [] });

/** A value of the wrong JSON type for a field, set on a few cases. */
const wrongTypes = fc.constantFrom(
  ['spec.jobManager.ports.rpc', '6123'], ['spec.taskManager.replicas', '3'], ['spec.job.parallelism', 'two'],
  ['spec.jobManager.memoryOffHeapRatio', '25'], ['spec.job.restartPolicy', 'Always'], ['spec.flinkVersion', 1.1],
  ['spec.jobManager.accessScope', 'Public'], ['spec.jobManager.accessScope', 'Everywhere'], ['spec.taskManager.resources', 'big'],
  ['spec.job.cancelRequested', 'yes'], ['spec.jobManager.podLabels', ['a']],
);

const emptyToNothing = <T extends object>(value: T): T => JSON.parse(JSON.stringify(value));

/** A FlinkCluster document, mostly close to valid, each field near an edge. */
export const flinkClusters: fc.Arbitrary<any> = fc.record({
  name: names,
  namespace: namespaces,
  flinkVersion: versions,
  image: mostly(fc.constantFrom<object | undefined>({ name: 'flink:1.18' }, { name: 'flink:1.9.3', pullPolicy: 'IfNotPresent' }), fc.constantFrom(undefined, {}, { name: '' })),
  jobManager: opt(component(['rpc', 'blob', 'query', 'ui'], fc.constantFrom(1, 1, 1, 0, 2)), 9),
  taskManager: opt(component(['rpc', 'data', 'query'], fc.constantFrom(1, 2, 3, 3, 0, -1)), 9),
  job: opt(job, 6),
  gcpConfig: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: gcpConfig, weight: 1 }),
  batchSchedulerName: opt(fc.constantFrom('volcano', ''), 2),
  wrong: fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, { arbitrary: wrongTypes, weight: 1 }),
  validResources: fc.boolean(),
}).map((c) => {
  const spec: any = {
    flinkVersion: c.flinkVersion,
    image: c.image,
    jobManager: c.jobManager,
    taskManager: c.taskManager,
    job: c.job,
    gcpConfig: c.gcpConfig,
    batchSchedulerName: c.batchSchedulerName,
  };
  for (const pods of [spec.jobManager, spec.taskManager]) {
    if (c.validResources && pods !== undefined) {
      pods.resources = { limits: { cpu: '1', memory: '2Gi' } };
    }
  }
  const cluster: any = emptyToNothing({ apiVersion: 'flinkoperator.k8s.io/v1beta1', kind: 'FlinkCluster', metadata: { name: c.name, namespace: c.namespace }, spec });
  if (c.wrong !== undefined) {
    const [field, value] = c.wrong as [string, unknown];
    const keys = field.split('.');
    let target = cluster;
    for (const key of keys.slice(0, -1)) {
      target[key] ??= {};
      target = target[key];
    }
    target[keys[keys.length - 1]] = value;
  }
  return cluster;
});

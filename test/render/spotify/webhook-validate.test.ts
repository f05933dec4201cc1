import * as fc from 'fast-check';
import { defaultFlinkCluster } from '../../../src/render/spotify/_webhook-default';
import { flinkClusterCreateErrors } from '../../../src/render/spotify/_webhook-validate';
import { simpleFlinkCluster } from '../../support/spotify';

const LONG_NAME = 'a'.repeat(254);
const DNS1035 = (name: string) => `cluster name ${name} is invalid: a DNS-1035 name must consist of lower case alphanumeric characters or '-', `
  + "start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?'";
const RESOURCES = { requests: { cpu: '200m', memory: '512Mi' }, limits: { cpu: '2', memory: '2Gi' } };

/** The simple cluster with a change. */
function cluster(change: (c: any) => void): any {
  const c = simpleFlinkCluster();
  change(c);
  return c;
}

/** The webhook's answer (its first error), as `ValidateCreate` returns it. */
function webhookAnswer(c: any): string | undefined {
  return flinkClusterCreateErrors(c)[0];
}

// Ports of apis/flinkcluster/v1beta1/flinkcluster_validate_test.go.
describe('upstream validator tests', () => {
  test('TestValidateCreate', () => {
    const valid = {
      metadata: { name: 'mycluster', namespace: 'default' },
      spec: {
        flinkVersion: '1.12',
        image: { name: 'flink:1.12.1', pullPolicy: 'Always' },
        jobManager: { replicas: 1, accessScope: 'VPC', ports: { rpc: 8001, blob: 8002, query: 8003, ui: 8004 }, memoryProcessRatio: 25, resources: RESOURCES },
        taskManager: { replicas: 3, ports: { rpc: 8001, data: 8005, query: 8003 }, memoryProcessRatio: 25, resources: RESOURCES },
        job: {
          jarFile: 'gs://my-bucket/myjob.jar',
          parallelism: 2,
          maxStateAgeToRestoreSeconds: 60,
          restartPolicy: 'FromSavepointOnFailure',
          cleanupPolicy: { afterJobSucceeds: 'KeepCluster', afterJobFails: 'DeleteTaskManager' },
          mode: 'Detached',
        },
        gcpConfig: { serviceAccount: { secretName: 'gcp-service-account-secret', keyFile: 'gcp_service_account_key.json', mountPath: '/etc/gcp_service_account' } },
        hadoopConfig: { configMapName: 'hadoop-configmap', mountPath: '/etc/hadoop/conf' },
      },
    };
    expect(flinkClusterCreateErrors(valid)).toEqual([]);
    expect(flinkClusterCreateErrors(defaultFlinkCluster(valid))).toEqual([]);
  });

  test('TestInvalidJobManagerSpec', () => {
    const c = cluster((x) => {
      x.spec.jobManager = { replicas: 1, accessScope: 'XXX', ports: { rpc: 8001, blob: 8002, query: 8003, ui: 8004 } };
      delete x.spec.taskManager;
      delete x.spec.job;
    });
    expect(webhookAnswer(c)).toBe('jobmanager resource requests/limits are unspecified');
  });

  test('TestInvalidTaskManagerSpec', () => {
    const c = cluster((x) => {
      delete x.spec.job;
      x.spec.taskManager.resources = { limits: { cpu: '1', memory: '500M' } };
    });
    expect(webhookAnswer(c)).toBe('invalid taskmanager memory configuration, memory limit must be larger than MemoryOffHeapMin, '
      + 'memory limit: 500000000 bytes, memoryOffHeapMin: 600000000 bytes');
  });

  test('TestInvalidJobSpec', () => {
    const c = cluster((x) => {
      x.spec.job = { restartPolicy: 'FromSavepointOnFailure', maxStateAgeToRestoreSeconds: 300 };
    });
    expect(flinkClusterCreateErrors(c)).toEqual(['job jarFile or pythonFile or pythonModule is unspecified']);
  });

  test('TestInvalidGCPConfig', () => {
    const c = cluster((x) => {
      x.spec.gcpConfig = { serviceAccount: { secretName: 'my-secret', keyFile: 'my_service_account.json', mountPath: '/etc/gcp/my_service_account.json' } };
    });
    expect(flinkClusterCreateErrors(c)).toEqual(['invalid GCP service account volume mount path']);
  });

  test.each([
    [[{ name: 'rpc', containerPort: 9001 }], 'duplicate port name rpc in jobmanager, each port name of ports and extraPorts must be unique'],
    [[{ name: 'monitoring', containerPort: 9249 }, { name: 'monitoring', containerPort: 9259 }],
      'duplicate port name monitoring in jobmanager, each port name of ports and extraPorts must be unique'],
    [[{ name: 'rpc2', containerPort: 8001 }], 'duplicate containerPort 8001 in jobmanager, each port number of ports and extraPorts must be unique'],
    [[{ name: 'monitoring', containerPort: 9249 }, { name: 'prometheus', containerPort: 9249 }],
      'duplicate containerPort 9249 in jobmanager, each port number of ports and extraPorts must be unique'],
  ])('TestDupPort %#', (extraPorts, message) => {
    expect(flinkClusterCreateErrors(cluster((x) => { x.spec.jobManager.extraPorts = extraPorts; }))).toEqual([message]);
  });

  test.each([
    ['invalid jm annotations', (x: any) => { x.spec.jobManager.podAnnotations = { [LONG_NAME]: 'bar' }; },
      `spec.jobManager.podAnnotations: Invalid value: "${LONG_NAME}": name part must be no more than 63 bytes`],
    ['invalid jm labels', (x: any) => { x.spec.jobManager.podLabels = { [LONG_NAME]: 'bar' }; },
      `spec.jobManager.podLabels: Invalid value: "${LONG_NAME}": name part must be no more than 63 bytes`],
    ['invalid tm annotations', (x: any) => { x.spec.taskManager.podAnnotations = { [LONG_NAME]: 'bar' }; },
      `spec.taskManager.podAnnotations: Invalid value: "${LONG_NAME}": name part must be no more than 63 bytes`],
    ['invalid tm labels', (x: any) => { x.spec.taskManager.podLabels = { [LONG_NAME]: 'bar' }; },
      `spec.taskManager.podLabels: Invalid value: "${LONG_NAME}": name part must be no more than 63 bytes`],
    ['invalid job annotations', (x: any) => { x.spec.job.podAnnotations = { [LONG_NAME]: 'bar' }; },
      `spec.job.podAnnotations: Invalid value: "${LONG_NAME}": name part must be no more than 63 bytes`],
    ['invalid job labels', (x: any) => { x.spec.job.podLabels = { [LONG_NAME]: 'bar' }; },
      `spec.job.podLabels: Invalid value: "${LONG_NAME}": name part must be no more than 63 bytes`],
    ['invalid cluster name', (x: any) => { x.metadata.name = '1-invalid-name'; }, DNS1035('1-invalid-name')],
    ['invalid cluster long name', (x: any) => { x.metadata.name = LONG_NAME; }, 'cluster name size needs to greater than 0 and less than 50'],
  ])('TestFlinkClusterValidation: %s', (_name, change, message) => {
    expect(flinkClusterCreateErrors(cluster(change))).toEqual([message]);
  });
});

describe('every create rule, with its message', () => {
  test('the simple cluster is valid, before and after defaulting', () => {
    expect(flinkClusterCreateErrors(simpleFlinkCluster())).toEqual([]);
    expect(flinkClusterCreateErrors(defaultFlinkCluster(simpleFlinkCluster()))).toEqual([]);
  });

  test.each([
    ['', 'cluster name size needs to greater than 0 and less than 50'],
    ['a'.repeat(49), 'cluster name size needs to greater than 0 and less than 50'],
    ['My-Cluster', DNS1035('My-Cluster')],
    ['cluster-', DNS1035('cluster-')],
    ['a.b', DNS1035('a.b')],
  ])('name %j', (name, message) => {
    expect(flinkClusterCreateErrors(cluster((x) => { x.metadata.name = name; }))).toEqual([message]);
  });

  test('a name of 48 characters is the longest', () => {
    expect(flinkClusterCreateErrors(cluster((x) => { x.metadata.name = 'a'.repeat(48); }))).toEqual([]);
  });

  test.each([
    ['Flink', "cluster namespace Flink is invalid: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
      + "and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"],
    ['a.b', 'cluster namespace a.b is invalid: must not contain dots'],
    ['n'.repeat(64), `cluster namespace ${'n'.repeat(64)} is invalid: must be no more than 63 characters`],
    ['-'.repeat(64), `cluster namespace ${'-'.repeat(64)} is invalid: must be no more than 63 characters,a lowercase RFC 1123 label must consist of `
      + "lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
      + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"],
  ])('namespace %j', (namespace, message) => {
    expect(flinkClusterCreateErrors(cluster((x) => { x.metadata.namespace = namespace; }))).toEqual([message]);
  });

  test('an absent namespace is the request\'s: no error', () => {
    expect(flinkClusterCreateErrors(cluster((x) => { delete x.metadata.namespace; }))).toEqual([]);
  });

  test.each([
    ['1.x', 'malformed version: 1.x'],
    ['latest', 'malformed version: latest'],
    ['99999999999999999999.1', 'error parsing version: strconv.ParseInt: parsing "99999999999999999999": value out of range'],
  ])('flinkVersion %j: the memory rules are skipped', (flinkVersion, message) => {
    const c = cluster((x) => {
      x.spec.flinkVersion = flinkVersion;
      x.spec.jobManager.memoryProcessRatio = 50;
    });
    expect(flinkClusterCreateErrors(c)).toEqual([message]);
  });

  test.each([
    [{ keyFile: 'k.json', mountPath: '/etc/gcp' }, 'GCP service account secret name is unspecified'],
    [{ secretName: 's', mountPath: '/etc/gcp' }, 'GCP service account key file name is unspecified'],
    [{ secretName: 's', keyFile: 'k.json' }, 'GCP service account volume mount path is unspecified'],
  ])('gcpConfig.serviceAccount %j', (serviceAccount, message) => {
    expect(flinkClusterCreateErrors(cluster((x) => { x.spec.gcpConfig = { serviceAccount }; }))).toEqual([message]);
  });

  test.each([
    [{}, 'taskmanager resource requests/limits are unspecified'],
    [{ requests: {} }, 'taskmanager cpu request/limit is unspecified'],
    [{ limits: { memory: '1Gi' } }, 'taskmanager cpu request/limit is unspecified'],
    [{ requests: { cpu: '0' }, limits: { memory: '1Gi' } }, 'taskmanager cpu request/limit is unspecified'],
    [{ requests: { cpu: 1 } }, 'taskmanager memory request/limit is unspecified'],
    [{ requests: { cpu: '100m', memory: '0Gi' } }, 'taskmanager memory request/limit is unspecified'],
  ])('taskManager.resources %j', (resources, message) => {
    expect(flinkClusterCreateErrors(cluster((x) => { x.spec.taskManager.resources = resources; }))).toEqual([message]);
  });

  test('resources: requests alone or limits alone are enough', () => {
    expect(flinkClusterCreateErrors(cluster((x) => {
      x.spec.jobManager.resources = { requests: { cpu: '1', memory: '1Gi' } };
      x.spec.taskManager.resources = { limits: { cpu: '1', memory: '1Gi' } };
    }))).toEqual([]);
  });

  test('memory rules before Flink 1.10', () => {
    expect(flinkClusterCreateErrors(cluster((x) => { x.spec.jobManager.memoryProcessRatio = 80; })))
      .toEqual(["MemoryProcessRatio config cannot be used with flinkVersion < 1.11', use memoryOffHeapRatio instead"]);
    expect(flinkClusterCreateErrors(cluster((x) => { delete x.spec.taskManager.memoryOffHeapRatio; })))
      .toEqual(['invalid taskmanager memoryOffHeapRatio, it must be between 0 and 100']);
    expect(flinkClusterCreateErrors(cluster((x) => { x.spec.jobManager.memoryOffHeapRatio = 101; })))
      .toEqual(['invalid jobmanager memoryOffHeapRatio, it must be between 0 and 100']);
    // The limit counts first, the request when there is no limit.
    expect(flinkClusterCreateErrors(cluster((x) => { x.spec.jobManager.resources = { requests: { cpu: '1', memory: '500Mi' } }; })))
      .toEqual(['invalid jobmanager memory configuration, memory limit must be larger than MemoryOffHeapMin, memory limit: 524288000 bytes, memoryOffHeapMin: 600000000 bytes']);
  });

  test('memory rules from Flink 1.10', () => {
    const modern = (change: (x: any) => void) => cluster((x) => {
      x.spec.flinkVersion = '1.10';
      for (const component of [x.spec.jobManager, x.spec.taskManager]) {
        delete component.memoryOffHeapRatio;
        delete component.memoryOffHeapMin;
        component.memoryProcessRatio = 80;
      }
      change(x);
    });
    expect(flinkClusterCreateErrors(modern(() => undefined))).toEqual([]);
    expect(flinkClusterCreateErrors(modern((x) => { x.spec.taskManager.memoryOffHeapRatio = 25; })))
      .toEqual(["MemoryOffHeapRatio or MemoryOffHeapMin config cannot be used with flinkVersion >= 1.11'; use memoryProcessRatio istead"]);
    expect(flinkClusterCreateErrors(modern((x) => { x.spec.taskManager.memoryOffHeapMin = '600M'; })))
      .toEqual(["MemoryOffHeapRatio or MemoryOffHeapMin config cannot be used with flinkVersion >= 1.11'; use memoryProcessRatio istead"]);
    expect(flinkClusterCreateErrors(modern((x) => { x.spec.taskManager.memoryOffHeapMin = '0'; }))).toEqual([]);
    expect(flinkClusterCreateErrors(modern((x) => { x.spec.jobManager.memoryProcessRatio = -1; })))
      .toEqual(['invalid jobmanager memoryProcessRatio, it must be between 0 and 100']);
    expect(flinkClusterCreateErrors(modern((x) => { delete x.spec.jobManager.memoryProcessRatio; })))
      .toEqual(['invalid jobmanager memoryProcessRatio, it must be between 0 and 100']);
    // The webhook's defaulting sets the ratio first.
    expect(flinkClusterCreateErrors(defaultFlinkCluster(modern((x) => { delete x.spec.jobManager.memoryProcessRatio; })))).toEqual([]);
  });

  test.each([
    [(j: any) => { j.parallelism = 0; }, 'job parallelism must be >= 1'],
    [(j: any) => { delete j.maxStateAgeToRestoreSeconds; }, 'maxStateAgeToRestoreSeconds must be specified when restartPolicy is set as FromSavepointOnFailure'],
    [(j: any) => { j.restartPolicy = 'Always'; }, 'invalid job restartPolicy: Always'],
    [(j: any) => { j.restartPolicy = 'Never'; j.takeSavepointOnUpdate = false; delete j.maxStateAgeToRestoreSeconds; },
      'maxStateAgeToRestoreSeconds must be specified when takeSavepointOnUpdate is set as false'],
    [(j: any) => { j.cancelRequested = true; }, 'property `cancelRequested` cannot be set to true for a new job'],
    [(j: any) => { delete j.jarFile; }, 'job jarFile or pythonFile or pythonModule is unspecified'],
  ])('job rule %#', (change, message) => {
    expect(flinkClusterCreateErrors(cluster((x) => change(x.spec.job)))).toEqual([message]);
  });

  test('a Python file or module, or Application mode, needs no jar', () => {
    for (const job of [{ pyFile: 'job.py' }, { pyModule: 'job' }, { mode: 'Application' }, { jarFile: '' }]) {
      expect(flinkClusterCreateErrors(cluster((x) => { x.spec.job = { restartPolicy: 'Never', ...job }; }))).toEqual([]);
    }
  });

  test('label values, prefixes, several problems of one map and the annotations size', () => {
    const c = cluster((x) => {
      x.spec.jobManager.podLabels = { 'app': 'bad value', 'Example.com/x': 'ok', '/y': 'v' };
      x.spec.taskManager.podAnnotations = { big: 'x'.repeat(256 * 1024) };
      x.spec.job.podAnnotations = { 'a/b/c': '' };
    });
    expect(flinkClusterCreateErrors(c)).toEqual([
      '[spec.jobManager.podLabels: Invalid value: "/y": prefix part must be non-empty, '
      + 'spec.jobManager.podLabels: Invalid value: "Example.com/x": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric '
      + "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
      + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'), "
      + 'spec.jobManager.podLabels: Invalid value: "bad value": a valid label must be an empty string or consist of alphanumeric characters, '
      + "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', "
      + "regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]",
      'spec.taskManager.podAnnotations: Too long: may not be more than 262144 bytes',
      'spec.job.podAnnotations: Invalid value: "a/b/c": a valid label key must consist of alphanumeric characters, \'-\', \'_\' or \'.\', '
      + "and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', "
      + "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' "
      + "(e.g. 'example.com/MyName')",
    ]);
  });

  test('annotation keys are checked in lower case, values are free; label values are quoted as Go quotes them', () => {
    expect(flinkClusterCreateErrors(cluster((x) => { x.spec.jobManager.podAnnotations = { 'Example.COM/Key': 'any\nthing' }; }))).toEqual([]);
    expect(webhookAnswer(cluster((x) => { x.spec.jobManager.podLabels = { k: 'tab\there\u0001é\u200b' }; })))
      .toMatch(/^spec\.jobManager\.podLabels: Invalid value: "tab\\there\\x01é\\u200b": /);
  });

  test('every failing rule is listed in the webhook\'s order; the first is the webhook\'s answer', () => {
    const c = cluster((x) => {
      x.metadata.name = 'Bad';
      x.spec.flinkVersion = '1.20';
      x.spec.taskManager.extraPorts = [{ containerPort: 8005 }];
      x.spec.job.parallelism = 0;
      x.spec.job.cancelRequested = true;
    });
    expect(flinkClusterCreateErrors(c)).toEqual([
      DNS1035('Bad'),
      // 1.20 with the simple cluster's off-heap settings.
      "MemoryOffHeapRatio or MemoryOffHeapMin config cannot be used with flinkVersion >= 1.11'; use memoryProcessRatio istead",
      'duplicate containerPort 8005 in taskmanager, each port number of ports and extraPorts must be unique',
      "MemoryOffHeapRatio or MemoryOffHeapMin config cannot be used with flinkVersion >= 1.11'; use memoryProcessRatio istead",
      'job parallelism must be >= 1',
      'property `cancelRequested` cannot be set to true for a new job',
    ]);
  });

  test('never throws, whatever the input', () => {
    for (const value of [undefined, null, 0, 'x', [], {}, { metadata: 5, spec: [] }, { spec: { jobManager: { ports: 'x', extraPorts: [null, 5] } } }]) {
      expect(() => flinkClusterCreateErrors(value)).not.toThrow();
      expect(() => flinkClusterCreateErrors(defaultFlinkCluster(value))).not.toThrow();
    }
    fc.assert(fc.property(fc.anything({ withNullPrototype: true }), fc.anything(), (spec, metadata) => {
      flinkClusterCreateErrors({ metadata, spec });
      flinkClusterCreateErrors(defaultFlinkCluster({ metadata, spec }));
      flinkClusterCreateErrors({ metadata: { name: 'a' }, spec: { flinkVersion: '1.8', jobManager: spec, taskManager: { resources: spec }, job: spec } });
    }), { numRuns: 300 });
  });
});

import * as fc from 'fast-check';
import { applySchemaDefaults } from '../../../src/render/spotify/_schema-defaults';
import { defaultFlinkCluster } from '../../../src/render/spotify/_webhook-default';
import { spotifyDocuments } from '../../support/spotify';

const ASSETS = 'apis/flinkcluster/v1beta1/assets/test';

/** Quantities as Go writes them back (`2` → `"2"`). */
function goQuantities(value: any): any {
  return JSON.parse(JSON.stringify(value, (key, v) => (['cpu', 'memory'].includes(key) && typeof v === 'number' ? String(v) : v)));
}

const probe = (port: unknown, periodSeconds: number, failureThreshold: number) =>
  ({ tcpSocket: { port }, initialDelaySeconds: 5, timeoutSeconds: 10, periodSeconds, failureThreshold });

describe('CRD schema defaults', () => {
  test('the upstream envtest request defaults to the upstream expected object', () => {
    const [request] = spotifyDocuments(`${ASSETS}/flinkcluster_type_request.yaml`);
    const [expected] = spotifyDocuments(`${ASSETS}/flinkcluster_type_expected.yaml`);
    const defaulted = defaultFlinkCluster(request);
    const { apiVersion, kind, ...rest } = defaulted;
    expect({ apiVersion, kind }).toEqual({ apiVersion: 'flinkoperator.k8s.io/v1beta1', kind: 'FlinkCluster' });
    // What the webhook adds on top of the API server's defaults.
    for (const [component, rpc] of [['jobManager', 6123], ['taskManager', 6122]] as const) {
      expect(rest.spec[component]).toMatchObject({
        memoryProcessRatio: 80,
        livenessProbe: probe(rpc, 60, 5),
        readinessProbe: probe(rpc, 5, 60),
      });
      delete rest.spec[component].memoryProcessRatio;
      delete rest.spec[component].livenessProbe;
      delete rest.spec[component].readinessProbe;
      // Go writes its zero Quantity back as "0"; the API server stores no such field.
      delete expected.spec[component].memoryOffHeapMin;
    }
    // The CRD defaults spec.job.resources (since 2022); the upstream expected file does not list them.
    expect(rest.spec.job.resources).toEqual({ limits: { cpu: 2, memory: '2Gi' }, requests: { cpu: '200m', memory: '512Mi' } });
    delete rest.spec.job.resources;
    expect(goQuantities(rest)).toEqual(expected);
  });

  test('null members are dropped and defaulted; defaults reach into new objects and array items', () => {
    const defaulted = defaultFlinkCluster({
      spec: { flinkVersion: '1.20', image: { name: 'flink' }, jobManager: null, envVars: [{ name: 'A', valueFrom: { secretKeyRef: { key: 'k' } } }] },
    });
    expect(defaulted.spec.jobManager).toMatchObject({ replicas: 1, accessScope: 'Cluster', ports: { rpc: 6123, blob: 6124, query: 6125, ui: 8081 } });
    expect(defaulted.spec.envVars[0].valueFrom.secretKeyRef).toEqual({ key: 'k', name: '' });
    expect(defaulted.spec.image.pullPolicy).toBe('Always');
  });

  test('applySchemaDefaults follows properties, additionalProperties and items, and keeps nullable nulls', () => {
    const schema = {
      properties: {
        a: { default: { b: 1 }, properties: { c: { default: 'c' } } },
        n: { nullable: true, default: 'n' },
        m: { additionalProperties: { properties: { d: { default: 2 } } } },
        l: { items: { properties: { e: { default: 3 } } } },
      },
    };
    const value: any = { n: null, m: { x: {}, y: { d: 5 } }, l: [{}, { e: 0 }, 'scalar'] };
    applySchemaDefaults(value, schema);
    expect(value).toEqual({ a: { b: 1, c: 'c' }, n: null, m: { x: { d: 2 }, y: { d: 5 } }, l: [{ e: 3 }, { e: 0 }, 'scalar'] });
  });
});

describe('the mutating webhook (_SetDefault)', () => {
  // TestSetDefault: no Flink version means the pre-1.10 memory settings.
  test('TestSetDefault: off-heap memory defaults and probes on the RPC ports', () => {
    const defaulted = defaultFlinkCluster({
      spec: { job: {}, jobManager: { ingress: {}, ports: { rpc: 6123 } }, taskManager: { ports: { rpc: 6122 } } },
    });
    for (const [component, rpc] of [['jobManager', 6123], ['taskManager', 6122]] as const) {
      expect(defaulted.spec[component]).toMatchObject({
        memoryOffHeapRatio: 25,
        memoryOffHeapMin: '600M',
        livenessProbe: probe(rpc, 60, 5),
        readinessProbe: probe(rpc, 5, 60),
      });
      expect(defaulted.spec[component].memoryProcessRatio).toBeUndefined();
    }
  });

  // TestSetNonDefault: given values stay; a probe's zero fields take the defaults.
  test('TestSetNonDefault: given values are kept, probes merged over the defaults', () => {
    const securityContext = { runAsUser: 9999, runAsGroup: 9999 };
    const tcp = (port: number) => ({ tcpSocket: { port } });
    const cluster = {
      spec: {
        flinkVersion: 'v1.11',
        image: { name: '', pullPolicy: 'Always' },
        jobManager: {
          replicas: 2,
          accessScope: 'Cluster',
          ingress: { useTls: true },
          ports: { rpc: 8123, blob: 8124, query: 8125, ui: 9081 },
          resources: { limits: { cpu: '4', memory: '2Gi' } },
          securityContext,
          livenessProbe: { ...tcp(8123), initialDelaySeconds: 50, periodSeconds: 600, failureThreshold: 50 },
          readinessProbe: { ...tcp(8123), initialDelaySeconds: 50, periodSeconds: 50, failureThreshold: 600 },
        },
        taskManager: {
          replicas: 3,
          ports: { data: 8121, rpc: 8122, query: 8125 },
          resources: { limits: { cpu: '2', memory: '2Gi' } },
          securityContext,
          livenessProbe: { ...tcp(8122), timeoutSeconds: 100, initialDelaySeconds: 50, periodSeconds: 600, failureThreshold: 50 },
          readinessProbe: { ...tcp(8122), timeoutSeconds: 100, initialDelaySeconds: 50, periodSeconds: 50, failureThreshold: 600 },
        },
        job: { allowNonRestoredState: true, parallelism: 2, noLoggingToStdout: true, restartPolicy: 'FromSavepointOnFailure', securityContext },
        recreateOnUpdate: false,
      },
    };
    const defaulted = defaultFlinkCluster(cluster);
    expect(defaulted.spec.jobManager).toMatchObject({
      replicas: 2,
      memoryProcessRatio: 80,
      securityContext,
      livenessProbe: { ...tcp(8123), initialDelaySeconds: 50, timeoutSeconds: 10, periodSeconds: 600, failureThreshold: 50 },
      readinessProbe: { ...tcp(8123), initialDelaySeconds: 50, timeoutSeconds: 10, periodSeconds: 50, failureThreshold: 600 },
    });
    expect(defaulted.spec.taskManager).toMatchObject({
      memoryProcessRatio: 80,
      livenessProbe: cluster.spec.taskManager.livenessProbe,
      readinessProbe: cluster.spec.taskManager.readinessProbe,
    });
    expect(defaulted.spec.jobManager.memoryOffHeapRatio).toBeUndefined();
    expect(defaulted.spec.job).toMatchObject(cluster.spec.job);
    expect(defaulted.spec.recreateOnUpdate).toBe(false);
  });

  test('a probe of another kind is merged next to the default TCP check, as mergo does', () => {
    const defaulted = defaultFlinkCluster({
      spec: { flinkVersion: '1.20', taskManager: { livenessProbe: { httpGet: { path: '/', port: 'rpc' }, terminationGracePeriodSeconds: 0 } } },
    });
    expect(defaulted.spec.taskManager.livenessProbe).toEqual({
      ...probe(6122, 60, 5), httpGet: { path: '/', port: 'rpc' }, terminationGracePeriodSeconds: 0,
    });
  });

  test('batchSchedulerName becomes batchScheduler, replacing one given', () => {
    const defaulted = defaultFlinkCluster({ spec: { batchSchedulerName: 'volcano', batchScheduler: { name: 'x', queue: 'q' } } });
    expect(defaulted.spec.batchScheduler).toEqual({ name: 'volcano' });
  });

  test.each([
    ['1.10', true], ['v1.10', true], ['1.20', true], ['2.0', true],
    ['1.9', false], ['1.10-rc1', false], ['', false], ['not-a-version', false],
  ])('flinkVersion %j uses memoryProcessRatio: %s', (flinkVersion, processRatio) => {
    const { spec } = defaultFlinkCluster({ spec: { flinkVersion } });
    expect(spec.jobManager.memoryProcessRatio).toBe(processRatio ? 80 : undefined);
    expect(spec.taskManager.memoryOffHeapRatio).toBe(processRatio ? undefined : 25);
  });

  test('given memory settings are kept', () => {
    const { spec } = defaultFlinkCluster({ spec: { flinkVersion: '1.8', jobManager: { memoryOffHeapRatio: 10, memoryOffHeapMin: '0' } } });
    expect(spec.jobManager).toMatchObject({ memoryOffHeapRatio: 10, memoryOffHeapMin: '0' });
  });

  test('the input is not changed; anything is accepted without throwing', () => {
    const cluster = { spec: { flinkVersion: '1.20', jobManager: { ports: { rpc: 1 } } } };
    const copy = JSON.parse(JSON.stringify(cluster));
    defaultFlinkCluster(cluster);
    expect(cluster).toEqual(copy);
    for (const value of [undefined, null, 5, 'x', [], { spec: 'x' }, { spec: { jobManager: 'x', taskManager: [], job: 1 } }]) {
      expect(() => defaultFlinkCluster(value)).not.toThrow();
    }
    fc.assert(fc.property(fc.anything(), (value) => {
      defaultFlinkCluster({ apiVersion: 'flinkoperator.k8s.io/v1beta1', kind: 'FlinkCluster', spec: value });
      defaultFlinkCluster({ spec: { jobManager: value, taskManager: { ports: value, livenessProbe: value }, job: value } });
    }), { numRuns: 200 });
  });
});

import { flinkClusterErrors } from '../../../src/render/spotify/_flink-cluster-errors';
import { fillGoZeroValues } from '../../../src/render/spotify/_go-encoding';
import { defaultFlinkCluster } from '../../../src/render/spotify/_webhook-default';

// Cases the spotify operator conformance run (npm run test:conformance:spotify) found:
// the operator's mutating webhook answers with the object in its Go encoding, so the
// API server's schema check (after the webhook) sees every required field filled.

const cluster = (spec: Record<string, unknown>) => ({
  apiVersion: 'flinkoperator.k8s.io/v1beta1',
  kind: 'FlinkCluster',
  metadata: { name: 'wordcount', namespace: 'flink' },
  spec: {
    image: { name: 'flink:1.9.3' },
    jobManager: { resources: { limits: { cpu: '1', memory: '1Gi' } } },
    taskManager: { resources: { limits: { cpu: '1', memory: '1Gi' } } },
    ...spec,
  },
});

describe('the webhook\'s Go encoding', () => {
  test('a missing flinkVersion is written back as "" and read as a version before 1.10: admitted', () => {
    const document: any = cluster({});
    delete document.spec.flinkVersion;
    const defaulted = defaultFlinkCluster(document);
    expect(defaulted.spec.flinkVersion).toBe('');
    expect(defaulted.spec.jobManager).toMatchObject({ memoryOffHeapRatio: 25, memoryOffHeapMin: '600M' });
    expect(flinkClusterErrors(document)).toEqual([]);
  });

  test('a missing image is written back with an empty name, which the schema\'s minLength rejects, and defaulted again', () => {
    const document: any = cluster({ flinkVersion: '1.18' });
    delete document.spec.image;
    expect(defaultFlinkCluster(document).spec.image).toEqual({ name: '', pullPolicy: 'Always' });
    expect(flinkClusterErrors(document)).toEqual(['spec.image.name: must NOT have fewer than 1 characters']);
  });

  test('a null member is dropped by the API server before the schema check', () => {
    const document: any = cluster({ flinkVersion: '1.18' });
    document.spec.taskManager.replicas = null;
    expect(flinkClusterErrors(document)).toEqual([]);
    expect(defaultFlinkCluster(document).spec.taskManager.replicas).toBe(3);
  });

  test('required fields get Go zero values; maps, slices and pointers (nil, encoded as null) stay missing', () => {
    const schema = {
      type: 'object',
      required: ['text', 'count', 'flag', 'struct', 'map', 'list', 'intOrString'],
      properties: {
        text: { type: 'string' },
        count: { type: 'integer' },
        flag: { type: 'boolean' },
        struct: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
        map: { type: 'object', additionalProperties: { type: 'string' } },
        list: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
        intOrString: { 'x-kubernetes-int-or-string': true },
      },
    };
    const value: any = { list: [{}, { name: 'kept' }] };
    fillGoZeroValues(value, schema);
    expect(value).toEqual({ text: '', count: 0, flag: false, struct: { name: '' }, intOrString: 0, list: [{ name: '' }, { name: 'kept' }] });
  });
});

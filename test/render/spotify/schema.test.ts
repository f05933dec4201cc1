import { spawnSync } from 'child_process';
import * as path from 'path';
import * as fc from 'fast-check';
import { flinkClusterSchemaErrors } from '../../../src/render/spotify/_schema';
import { strictFlinkClusterSchemaErrors } from '../../support/flink-cluster-schema';
import { simpleFlinkCluster, spotifyDocuments } from '../../support/spotify';

describe('flinkClusterSchemaErrors', () => {
  test('the upstream samples and the simple cluster are valid, also with closed objects', () => {
    for (const cluster of [
      ...spotifyDocuments('config/samples/flinkoperator_v1beta1_flinkjobcluster.yaml'),
      ...spotifyDocuments('config/samples/flinkoperator_v1beta1_flinksessioncluster.yaml'),
      ...spotifyDocuments('config/samples/flinkoperator_v1beta1_remotejobjar.yaml'),
      simpleFlinkCluster(),
    ]) {
      expect(flinkClusterSchemaErrors(cluster)).toEqual([]);
      expect(strictFlinkClusterSchemaErrors(cluster)).toEqual([]);
    }
  });

  test('one message per problem: field path and message, sorted by path', () => {
    const cluster = simpleFlinkCluster();
    cluster.spec.jobManager.ports.rpc = '6123';
    cluster.spec.jobManager.replicas = 2;
    cluster.spec.jobManager.resources.limits.cpu = 0.5;
    cluster.spec.jobManager.resources.limits.memory = '2 GiB';
    cluster.spec.image = { pullPolicy: 'Sometimes' };
    cluster.spec.envVars = [{ value: 'x' }];
    cluster.spec.flinkProperties = { 'taskmanager.numberOfTaskSlots': 2 };
    cluster.spec.job.args = 'not a list';
    delete cluster.spec.flinkVersion;
    expect(flinkClusterSchemaErrors(cluster)).toEqual([
      'spec.envVars[0].name: Required value',
      'spec.flinkProperties.taskmanager.numberOfTaskSlots: must be string',
      'spec.flinkVersion: Required value',
      'spec.image.name: Required value',
      'spec.image.pullPolicy: must be equal to one of the allowed values: "Always", "Never", "IfNotPresent"',
      'spec.job.args: must be array',
      'spec.jobManager.ports.rpc: must be integer',
      'spec.jobManager.replicas: must be <= 1',
      'spec.jobManager.resources.limits.cpu: must be integer or string',
      'spec.jobManager.resources.limits.memory: must match pattern "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$"',
    ]);
  });

  test('the root and its required spec', () => {
    expect(flinkClusterSchemaErrors({ apiVersion: 'flinkoperator.k8s.io/v1beta1', kind: 'FlinkCluster' })).toEqual(['spec: Required value']);
    expect(flinkClusterSchemaErrors(5)).toEqual(['<root>: must be object']);
  });

  test('unknown fields pass the CRD (the API server prunes them); the strict variant names them', () => {
    const cluster = simpleFlinkCluster();
    cluster.spec.jobManager.podTemplate = {};
    expect(flinkClusterSchemaErrors(cluster)).toEqual([]);
    expect(strictFlinkClusterSchemaErrors(cluster)).toEqual(['spec.jobManager.podTemplate: unknown field']);
  });

  test('the same input gives the same messages; nothing throws', () => {
    const cluster = simpleFlinkCluster();
    cluster.spec.taskManager = { replicas: 'x', ports: { data: 0 } };
    expect(flinkClusterSchemaErrors(cluster)).toEqual(flinkClusterSchemaErrors(JSON.parse(JSON.stringify(cluster))));
    expect(flinkClusterSchemaErrors(cluster)).toEqual(['spec.taskManager.ports.data: must be >= 1', 'spec.taskManager.replicas: must be integer']);
    fc.assert(fc.property(fc.anything(), (spec) => {
      expect(Array.isArray(flinkClusterSchemaErrors({ spec }))).toBe(true);
    }), { numRuns: 100 });
  });
});

test('ajv is loaded on the first validation only, not by rendering', () => {
  const script = `
    const ajvLoaded = () => Object.keys(require.cache).some((p) => p.includes('/node_modules/ajv/'));
    const { toFlinkCluster } = require('./src/render/spotify/_flink-cluster');
    const { flinkClusterErrors } = require('./src/render/spotify/_flink-cluster-errors');
    const seen = [ajvLoaded()];
    const { cluster } = toFlinkCluster({ metadata: { name: 'a' }, spec: { image: 'flink:1.20', flinkVersion: 'v1_20' } });
    seen.push(ajvLoaded());
    seen.push(flinkClusterErrors(cluster).length, ajvLoaded());
    process.stdout.write(JSON.stringify(seen));
  `;
  const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: path.join(__dirname, '..', '..', '..'), encoding: 'utf8' });
  expect(result.stderr).toEqual('');
  expect(JSON.parse(result.stdout)).toEqual([false, false, 0, true]);
});

import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as l1 from '../../../src/imports/flinkoperator.k8s.io';
import { FLINK_CLUSTER_GVK, flinkClusterSchema } from '../../../src/render/spotify/_crd';
import { toFlinkCluster } from '../../../src/render/spotify/_flink-cluster';

const IMPORTS = path.join(__dirname, '..', '..', '..', 'imports', 'spotify-flink-on-k8s-operator');

// The generated L1 module is the CRD's own statement of group, version and kind;
// the renderer writes plain wire JSON, so this pins it to it.
test('the rendered FlinkCluster has the apiVersion and kind of the generated L1 class', () => {
  const { cluster } = toFlinkCluster({ metadata: { name: 'x' }, spec: { image: 'flink:1.20', flinkVersion: 'v1_20' } });
  expect({ apiVersion: cluster.apiVersion, kind: cluster.kind }).toEqual(l1.FlinkCluster.GVK);
  expect(FLINK_CLUSTER_GVK).toEqual(l1.FlinkCluster.GVK);
});

test('the vendored CRD is the file PROVENANCE names, byte for byte', () => {
  const provenance = fs.readFileSync(path.join(IMPORTS, 'PROVENANCE'), 'utf8');
  const file = 'flinkoperator.k8s.io_flinkclusters.yaml';
  const sha = createHash('sha256').update(fs.readFileSync(path.join(IMPORTS, file))).digest('hex');
  expect(provenance).toContain(`${file}: ${sha}`);
  expect(provenance).toContain('commit: 1746257dfb1cfbfbe4a345df51f684c4956eefde');
});

test('the schema read at runtime is the v1beta1 schema of the CRD the L1 classes come from', () => {
  const schema = flinkClusterSchema();
  expect(schema.required).toEqual(['spec']);
  expect(schema.properties.spec.required).toEqual(['flinkVersion', 'image']);
  // Read once per process.
  expect(flinkClusterSchema()).toBe(schema);
});

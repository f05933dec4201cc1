import { Chart, Size, Testing } from 'cdk8s';
import { crdSchemaErrors } from './support/crd-schema';
import { upstreamDocuments, upstreamExampleFiles } from './support/upstream';
import { FlinkDeployment } from '../src/flink-deployment';
import { UpgradeMode } from '../src/flink-job';
import { FlinkJobReference, FlinkStateSnapshot, SavepointFormat, SnapshotType } from '../src/flink-state-snapshot';
import { FlinkVersion } from '../src/flink-version';
import { PodSecurity } from '../src/pod-security';

// GIVEN each upstream snapshot example (examples/snapshot/*.yaml), rebuilt through the construct API
// THEN every rendered Flink resource equals the upstream YAML (spec and name) and is schema-valid.

const MEM = Size.mebibytes(2048);
const STATE_MACHINE = 'local:///opt/flink/examples/streaming/StateMachineExample.jar';

/**
 * The `example-deployment` the upstream snapshots reference (as in job-from-savepoint.yaml); its
 * hostPath volume needs the `PodSecurity.CUSTOM` opt-out ("restricted" forbids host paths).
 */
function exampleDeployment(chart: Chart, initialSavepointPath?: string): FlinkDeployment {
  return new FlinkDeployment(chart, 'example-deployment', {
    image: 'flink:2.2',
    flinkVersion: FlinkVersion.V2_2,
    flinkConfiguration: { state: { 'checkpoints.dir': 'file:///flink-data/checkpoints', 'savepoints.dir': 'file:///flink-data/savepoints' } },
    jobManager: { memory: MEM, cpu: 1 },
    taskManager: { memory: MEM, cpu: 1 },
    podTemplate: {
      spec: {
        containers: [{ name: 'flink-main-container', volumeMounts: [{ mountPath: '/flink-data', name: 'flink-volume' }] }],
        volumes: [{ name: 'flink-volume', hostPath: { path: '/tmp/flink', type: 'Directory' } }],
      },
    },
    job: { jarUri: STATE_MACHINE, parallelism: 2, upgradeMode: UpgradeMode.SAVEPOINT, initialSavepointPath },
    podSecurity: PodSecurity.CUSTOM,
  });
}

const BUILDERS: Record<string, (chart: Chart) => void> = {
  'snapshot/checkpoint.yaml': (c) => exampleDeployment(c).addCheckpoint('cp', { name: 'example-checkpoint', backoffLimit: 0 }),

  'snapshot/job-from-savepoint.yaml': (c) => {
    const savepoint = new FlinkStateSnapshot(c, 'sp', {
      name: 'example-savepoint',
      alreadyExists: true,
      disposeOnDelete: false,
      path: 'file:///flink-data/savepoints/savepoint-45305c-d867504446e0',
    });
    exampleDeployment(c, savepoint.initialSavepointPath);
  },

  'snapshot/savepoint-already-exists.yaml': (c) => new FlinkStateSnapshot(c, 'sp', {
    name: 'example-savepoint',
    alreadyExists: true,
    disposeOnDelete: false,
    path: '/flink-data/savepoints/savepoint-98682a-21931bf10c39',
  }),

  'snapshot/savepoint-job-defaults.yaml': (c) => exampleDeployment(c).addSavepoint('sp', { name: 'example-savepoint', backoffLimit: 0 }),

  'snapshot/savepoint-job-full-spec.yaml': (c) => new FlinkStateSnapshot(c, 'sp', {
    name: 'example-savepoint',
    type: SnapshotType.SAVEPOINT,
    job: FlinkJobReference.fromDeployment(FlinkDeployment.fromName(c, 'target', 'example-deployment')),
    backoffLimit: 0,
    alreadyExists: false,
    disposeOnDelete: true,
    format: SavepointFormat.CANONICAL,
    path: '/flink-data/savepoints-custom',
  }),
};

/** The Flink resources rendered, minus the deployments that only stand in for the snapshot's target. */
function rendered(file: string): any[] {
  const chart = Testing.chart();
  BUILDERS[file](chart);
  const expectedKinds = upstreamDocuments(file).map((d) => d.kind);
  return Testing.synth(chart).filter((d) => expectedKinds.includes(d.kind));
}

describe('upstream snapshot examples', () => {
  test('every upstream example with a FlinkStateSnapshot has a builder', () => {
    const files = upstreamExampleFiles().filter((f) => upstreamDocuments(f).some((d) => d.kind === 'FlinkStateSnapshot'));
    expect(files).toHaveLength(5);
    expect(Object.keys(BUILDERS).sort()).toEqual(files);
  });

  test.each(Object.keys(BUILDERS).sort())('%s is reproduced through the API', (file) => {
    const expected = upstreamDocuments(file);
    const docs = rendered(file);
    const order = (d: any) => `${d.kind}/${d.metadata.name}`;
    expect(docs.map(order).sort()).toEqual(expected.map(order).sort());
    for (const want of expected) {
      const got = docs.find((d) => order(d) === order(want));
      expect(got.apiVersion).toEqual(want.apiVersion);
      expect(got.spec).toEqual(want.spec);
      expect(crdSchemaErrors(got)).toEqual([]);
    }
  });
});

import { Size, Testing } from 'cdk8s';
import { FlinkCanary, FlinkDeployment, FlinkVersion } from '../src';
import * as l1 from '../src/imports/flink.apache.org';

// The generated L1 module is the CRDs' own statement of group, version and kind;
// the constructs render plain wire JSON, so this pins them to it.
test('rendered apiVersion and kind are those of the generated L1 classes', () => {
  const chart = Testing.chart();
  const session = new FlinkDeployment(chart, 'd', {
    image: 'flink:2.2',
    flinkVersion: FlinkVersion.V2_2,
    jobManager: { memory: Size.mebibytes(1024) },
    taskManager: { memory: Size.mebibytes(1024) },
  });
  session.addSessionJob('j', { job: { jarUri: 'https://x/y.jar', parallelism: 1 } });
  new FlinkCanary(chart, 'c');
  const gvks = Testing.synth(chart).map((d) => ({ apiVersion: d.apiVersion, kind: d.kind }));
  expect(gvks).toEqual([l1.FlinkDeployment.GVK, l1.FlinkSessionJob.GVK, l1.FlinkDeployment.GVK]);
});

test('every FlinkVersion constant is in the CRD enum and the other way round', () => {
  const versions = Object.values(FlinkVersion).filter((v) => v instanceof FlinkVersion).map((v: FlinkVersion) => v.value);
  expect(versions).toEqual(Object.values(l1.FlinkDeploymentSpecFlinkVersion));
});

import { Testing } from 'cdk8s';
import { crdSchemaErrors } from './support/crd-schema';
import { BlueGreenChart } from '../examples/blue-green/chart';
import { StateSnapshotsChart } from '../examples/state-snapshots/chart';

describe('examples: snapshots and blue/green', () => {
  test('state-snapshots renders two clusters, a savepoint, a checkpoint and an imported savepoint the fork starts from', () => {
    const docs = Testing.synth(new StateSnapshotsChart(Testing.app(), 'state-snapshots'));
    expect(docs).toMatchSnapshot();
    expect(docs.map((d) => `${d.kind}/${d.metadata.namespace}/${d.metadata.name}`)).toEqual([
      'FlinkDeployment/flink-apps/state-machine',
      'FlinkStateSnapshot/flink-apps/state-machine-before-upgrade',
      'FlinkStateSnapshot/flink-apps/state-machine-checkpoint',
      'FlinkStateSnapshot/flink-apps/legacy-savepoint',
      'FlinkDeployment/flink-apps/state-machine-fork',
    ]);
    expect(docs[1].spec).toEqual({
      backoffLimit: 3,
      jobReference: { kind: 'FlinkDeployment', name: 'state-machine' },
      savepoint: { disposeOnDelete: false, formatType: 'NATIVE' },
    });
    expect(docs[2].spec).toEqual({ backoffLimit: 0, jobReference: { kind: 'FlinkDeployment', name: 'state-machine' }, checkpoint: {} });
    expect(docs[4].spec.job.initialSavepointPath).toEqual(docs[3].spec.savepoint.path);
    docs.forEach((d) => expect(crdSchemaErrors(d)).toEqual([]));
  });

  test('blue-green renders one FlinkBlueGreenDeployment with savepoint upgrades and an ingress to the active cluster', () => {
    const chart = new BlueGreenChart(Testing.app(), 'blue-green');
    const docs = Testing.synth(chart);
    expect(docs).toMatchSnapshot();
    expect(docs.map((d) => `${d.kind}/${d.metadata.namespace}/${d.metadata.name}`)).toEqual(['FlinkBlueGreenDeployment/flink-apps/orders']);
    expect(docs[0].spec.configuration).toEqual({
      'kubernetes.operator.bluegreen.abort.grace-period': '15min',
      'kubernetes.operator.bluegreen.deployment-deletion.delay': '2min',
    });
    expect(docs[0].spec.ingress).toEqual({ template: 'orders.flink.example.com', className: 'nginx' });
    expect(docs[0].spec.template.spec.job.upgradeMode).toEqual('savepoint');
    expect([chart.application.blueDeploymentName, chart.application.greenDeploymentName]).toEqual(['orders-blue', 'orders-green']);
    docs.forEach((d) => expect(crdSchemaErrors(d)).toEqual([]));
  });
});

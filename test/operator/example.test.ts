import { Testing } from 'cdk8s';
import { APPS_NAMESPACE, OperatorChart } from '../../examples/operator/chart';
import { crdSchemaErrors, isFlinkResource } from '../support/crd-schema';

describe('examples/operator', () => {
  const app = Testing.app();
  const chart = new OperatorChart(app, 'operator');
  const docs = Testing.synth(chart);
  const ids = docs.map((d) => `${d.kind}/${d.metadata.namespace ?? '-'}/${d.metadata.name}`);
  const find = (kind: string, name: string) => docs.find((d) => d.kind === kind && d.metadata.name === name);

  test('installs the operator with namespaced RBAC for flink-apps, and an application cluster there', () => {
    expect(ids.filter((id) => id.startsWith('ClusterRole'))).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining([
      `Role/${APPS_NAMESPACE}/flink-operator`,
      `ServiceAccount/${APPS_NAMESPACE}/flink`,
      'Deployment/flink-operator/flink-kubernetes-operator',
      'Certificate/flink-operator/flink-operator-serving-cert',
    ]));
    expect(ids[ids.length - 1]).toEqual(`FlinkDeployment/${APPS_NAMESPACE}/state-machine`);
    const certificate = docs.find((d) => d.kind === 'Certificate');
    expect(certificate.spec.keystores.pkcs12.passwordSecretRef).toEqual({ name: 'flink-operator-webhook-password', key: 'password' });
    docs.filter(isFlinkResource).forEach((d) => expect(crdSchemaErrors(d)).toEqual([]));
  });

  test('the operator sets two task slots by default, and the whole app passes synth-time validation', () => {
    expect(chart.operator.defaultConfiguration['taskmanager.numberOfTaskSlots']).toEqual('2');
    expect(find('Deployment', 'flink-kubernetes-operator').spec.template.spec.containers[0].image).toEqual('apache/flink-kubernetes-operator:1.16.1');
    expect(Object.keys(find('ConfigMap', 'flink-operator-config').data)).not.toContain('flink-conf.yaml');
    expect(find('FlinkDeployment', 'state-machine').spec.taskManager).toEqual({
      resources: { requests: { memory: '2048m', cpu: '1' }, limits: { memory: '2048m' } },
    });
    expect(() => app.synth()).not.toThrow();
  });
});

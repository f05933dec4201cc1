import { Chart, Testing } from 'cdk8s';
import { FlinkOperator, FlinkOperatorProps } from '../../src/operator/flink-operator';
import { OperatorVersion } from '../../src/operator-version';
import { k8sSchemaErrors as schemaErrors } from '../support/k8s-schema';

const SHA = 'ab'.repeat(32);

const CONFIGURATIONS: Array<[string, FlinkOperatorProps]> = [
  ['default props', {}],
  ['watchNamespaces team-a and team-b', { watchNamespaces: ['team-a', 'team-b'] }],
  ['every prop', {
    watchNamespaces: ['flink-operator', 'team-a'],
    replicas: 2,
    leaderElection: { leaseName: 'lease' },
    metricsPort: 9999,
    listNodes: true,
    jvmArgs: '-Xmx1g',
    env: [{ name: 'A', value: 'b' }],
    tolerations: [{ key: 'k', operator: 'Exists' }],
    nodeSelector: { pool: 'system' },
    imagePullSecrets: ['regcred'],
    podLabels: { team: 'platform' },
    webhook: { mutator: false, serviceLabels: { a: 'b' } },
    plugins: [{ name: 'audit', url: 'https://a.example.com/a.jar', sha256: SHA, listenerClass: 'com.example.Audit' }],
    operatorLibs: [{ name: 's3', url: 'https://a.example.com/s3.jar', sha256: SHA }],
  }],
  ['no webhook', { webhook: { enabled: false }, installCrds: false }],
];

describe('FlinkOperator schemas', () => {
  test.each(CONFIGURATIONS)('every object is schema-valid (Kubernetes 1.27, cert-manager) with %s', (_name, props) => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'flink-operator' });
    // The 1.16.1 FlinkBlueGreenDeployment CRD declares a scale subresource without statusReplicasPath, which
    // Kubernetes requires: the 1.16 chart rendering must deal with it; until then the schema check runs on 1.15.
    new FlinkOperator(chart, 'operator', { version: OperatorVersion.V1_15, ...props });
    const docs = Testing.synth(chart);
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.map((doc) => schemaErrors(doc)).filter((e) => e !== undefined)).toEqual([]);
  });

  test('the schemas catch a broken object', () => {
    expect(schemaErrors({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { selector: {}, template: { spec: { containers: [{ image: 'a' }] } } } }))
      .toMatch(/must have required property '?name'?/);
    expect(schemaErrors({ apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'x' }, spec: { secretName: 's' } }))
      .toMatch(/must have required property '?issuerRef'?/);
  });
});

import { Certificate, Issuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1';
import { Chart, Testing } from 'cdk8s';
import { MutatingWebhookConfiguration, ValidatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1';
import { CustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { ConfigMap, Service, ServiceAccount } from 'kubernetes-models/v1';
import { FlinkOperator, FlinkOperatorProps } from '../../src/operator/flink-operator';

/** Models (Kubernetes 1.27.1 and cert-manager schemas) of every kind the operator renders. */
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'apiextensions.k8s.io/v1/CustomResourceDefinition': CustomResourceDefinition,
  'v1/ServiceAccount': ServiceAccount,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'rbac.authorization.k8s.io/v1/ClusterRole': ClusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': ClusterRoleBinding,
  'rbac.authorization.k8s.io/v1/Role': Role,
  'rbac.authorization.k8s.io/v1/RoleBinding': RoleBinding,
  'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration': ValidatingWebhookConfiguration,
  'admissionregistration.k8s.io/v1/MutatingWebhookConfiguration': MutatingWebhookConfiguration,
  'apps/v1/Deployment': Deployment,
  'cert-manager.io/v1/Issuer': Issuer,
  'cert-manager.io/v1/Certificate': Certificate,
};

function schemaErrors(doc: any): string | undefined {
  const Model = MODELS[`${doc.apiVersion}/${doc.kind}`];
  if (Model === undefined) {
    return `no schema for ${doc.apiVersion} ${doc.kind}`;
  }
  try {
    new Model(doc).validate();
    return undefined;
  } catch (e) {
    return `${doc.kind}/${doc.metadata?.name}: ${(e as Error).message}`;
  }
}

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
    new FlinkOperator(chart, 'operator', props);
    const docs = Testing.synth(chart);
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.map(schemaErrors).filter((e) => e !== undefined)).toEqual([]);
  });

  test('the schemas catch a broken object', () => {
    expect(schemaErrors({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { selector: {}, template: { spec: { containers: [{ image: 'a' }] } } } }))
      .toMatch(/must have required property '?name'?/);
    expect(schemaErrors({ apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'x' }, spec: { secretName: 's' } }))
      .toMatch(/must have required property '?issuerRef'?/);
  });
});

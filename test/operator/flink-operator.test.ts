import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { ImagePullPolicy, k8s, Secret } from 'cdk8s-plus-27';
import { parse } from 'yaml';
import { ArgoCd } from '../../src/argo-cd';
import { FlinkDeployment } from '../../src/flink-deployment';
import { FlinkHooks } from '../../src/hooks/flink-hooks';
import { FlinkOperator, FlinkOperatorProps, OperatorLoggingFramework } from '../../src/operator/flink-operator';
import { WebhookKeystorePassword, WebhookKeystoreProfile } from '../../src/operator/operator-webhook';
import { OperatorVersion } from '../../src/operator-version';
import { deploymentProps } from '../support/fixtures';
import { synthErrors } from '../support/prop-errors';

const NS = 'flink-operator';
const SHA = '0123456789abcdef'.repeat(4);
const CRDS_DIR = path.join(__dirname, '..', '..', 'imports', 'apache-flink-kubernetes-operator');
/** The 1.15.0 chart's conf/ files, in the reference data beside the repository (absent in some checkouts). */
const CHART_CONF = path.join(__dirname, '..', '..', '..', 'shared', 'upstream', 'apache-flink-kubernetes-operator', 'helm', 'flink-kubernetes-operator', 'conf');

const JAVA_17_MODULE_OPTIONS = '--add-exports=java.base/sun.net.util=ALL-UNNAMED'
  + ' --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED'
  + ' --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED'
  + ' --add-opens=java.base/java.lang=ALL-UNNAMED'
  + ' --add-opens=java.base/java.net=ALL-UNNAMED'
  + ' --add-opens=java.base/java.io=ALL-UNNAMED'
  + ' --add-opens=java.base/java.nio=ALL-UNNAMED'
  + ' --add-opens=java.base/sun.nio.ch=ALL-UNNAMED'
  + ' --add-opens=java.base/java.lang.reflect=ALL-UNNAMED'
  + ' --add-opens=java.base/java.text=ALL-UNNAMED'
  + ' --add-opens=java.base/java.time=ALL-UNNAMED'
  + ' --add-opens=java.base/java.util=ALL-UNNAMED'
  + ' --add-opens=java.base/java.util.concurrent=ALL-UNNAMED'
  + ' --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED'
  + ' --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED';

/**
 * The operator configuration the 1.16 chart renders with default values:
 * conf/config.yaml (the Java 17 options), the values.yaml overrides and the
 * health probe (read off the upstream chart, FLINK-39791).
 */
const CHART_CONFIGURATION_1_16 = {
  'kubernetes.operator.default-configuration.flink-version.v1_18.env.java.opts.all': JAVA_17_MODULE_OPTIONS,
  'kubernetes.operator.default-configuration.flink-version.v1_19+.env.java.default-opts.all': JAVA_17_MODULE_OPTIONS,
  'kubernetes.operator.metrics.reporter.slf4j.factory.class': 'org.apache.flink.metrics.slf4j.Slf4jReporterFactory',
  'kubernetes.operator.metrics.reporter.slf4j.interval': '5 MINUTE',
  'kubernetes.operator.reconcile.interval': '15 s',
  'kubernetes.operator.observer.progress-check.interval': '5 s',
  'kubernetes.operator.health.probe.enabled': 'true',
  'kubernetes.operator.health.probe.port': '8085',
};

/** The 1.15.0 chart's: conf/flink-conf.yaml also set the task slots and the default parallelism. */
const CHART_CONFIGURATION_1_15 = {
  'taskmanager.numberOfTaskSlots': '1',
  'parallelism.default': '1',
  ...CHART_CONFIGURATION_1_16,
};

/**
 * What the chart of each release renders differently with default values
 * (`git diff release-1.15.0` of helm/flink-kubernetes-operator, and the
 * image's operator-lib layout).
 */
const RELEASES = [
  {
    version: OperatorVersion.V1_15,
    appVersion: '1.15.0',
    image: 'apache/flink-kubernetes-operator:1.15.0',
    configurationKeys: ['config.yaml', 'flink-conf.yaml'],
    mounted: 'flink-conf.yaml',
    configuration: CHART_CONFIGURATION_1_15,
  },
  {
    version: OperatorVersion.V1_16,
    appVersion: '1.16.1',
    image: 'apache/flink-kubernetes-operator:1.16.1',
    configurationKeys: ['config.yaml'],
    mounted: 'config.yaml',
    configuration: CHART_CONFIGURATION_1_16,
  },
];

function operatorChart(props?: FlinkOperatorProps): { app: App; chart: Chart; operator: FlinkOperator } {
  const app = Testing.app();
  const chart = new Chart(app, 'test', { namespace: NS });
  const operator = new FlinkOperator(chart, 'operator', props);
  return { app, chart, operator };
}

function synth(props?: FlinkOperatorProps): any[] {
  return Testing.synth(operatorChart(props).chart);
}

function ids(docs: any[]): string[] {
  return docs.map((d) => `${d.kind}/${d.metadata.namespace ?? '-'}/${d.metadata.name}`);
}

function find(docs: any[], kind: string, name: string, namespace?: string): any {
  const found = docs.filter((d) => d.kind === kind && d.metadata.name === name && (namespace === undefined || d.metadata.namespace === namespace));
  expect(found).toHaveLength(1);
  return found[0];
}

function podSpec(docs: any[]): any {
  return find(docs, 'Deployment', 'flink-kubernetes-operator').spec.template.spec;
}

function container(docs: any[], name: string): any {
  const all = [...podSpec(docs).containers, ...podSpec(docs).initContainers ?? []];
  const found = all.filter((c: any) => c.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

function envOf(c: any): Record<string, any> {
  return Object.fromEntries(c.env.map((e: any) => [e.name, e.value ?? e.valueFrom]));
}

/** Parses flink-conf.yaml the way Flink's legacy parser reads it (`key: value` lines). */
function parseFlinkConf(text: string): Record<string, string> {
  return Object.fromEntries(text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).map((l) => {
    const i = l.indexOf(': ');
    return [l.substring(0, i), l.substring(i + 2)];
  }));
}

/** Parses config.yaml as Flink's standard YAML parser reads flat keys. */
function parseConfigYaml(text: string): Record<string, string> {
  return Object.fromEntries(Object.entries(parse(text)).map(([key, value]) => [key, String(value)]));
}

/** The operator configuration file the pod mounts, parsed in its format. */
function mountedConfiguration(docs: any[]): Record<string, string> {
  const key: string = podSpec(docs).volumes[0].configMap.items[0].key;
  const text = find(docs, 'ConfigMap', 'flink-operator-config').data[key];
  return key === 'flink-conf.yaml' ? parseFlinkConf(text) : parseConfigYaml(text);
}

function validationErrors(app: App): string {
  try {
    app.synth();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

/** The objects after the RBAC, whatever namespaces are watched. */
const CONFIG_WEBHOOK_AND_DEPLOYMENT = [
  'ConfigMap/flink-operator/flink-operator-config',
  'Service/flink-operator/flink-operator-webhook-service',
  'ValidatingWebhookConfiguration/-/flink-operator-flink-operator-webhook-configuration',
  'MutatingWebhookConfiguration/-/flink-operator-flink-operator-webhook-configuration',
  'Issuer/flink-operator/flink-operator-selfsigned-issuer',
  'Certificate/flink-operator/flink-operator-serving-cert',
  'Deployment/flink-operator/flink-kubernetes-operator',
];

const ALL = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/** `flink-operator.rbacRules` of the 1.15.0 chart with default values. */
const CHART_OPERATOR_RULES = [
  { apiGroups: [''], resources: ['pods', 'services', 'events', 'configmaps', 'secrets'], verbs: [...ALL, 'deletecollection'] },
  { apiGroups: ['apps'], resources: ['deployments', 'deployments/finalizers', 'replicasets'], verbs: ALL },
  { apiGroups: ['apps'], resources: ['deployments/scale'], verbs: ['get', 'update', 'patch'] },
  { apiGroups: ['extensions'], resources: ['deployments', 'ingresses'], verbs: ALL },
  {
    apiGroups: ['flink.apache.org'],
    resources: ['flinkbluegreendeployments', 'flinkbluegreendeployments/finalizers', 'flinkdeployments', 'flinkdeployments/finalizers',
      'flinksessionjobs', 'flinksessionjobs/finalizers', 'flinkstatesnapshots', 'flinkstatesnapshots/finalizers'],
    verbs: ALL,
  },
  {
    apiGroups: ['flink.apache.org'],
    resources: ['flinkbluegreendeployments/status', 'flinkdeployments/status', 'flinksessionjobs/status', 'flinkstatesnapshots/status'],
    verbs: ['get', 'update', 'patch'],
  },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: ALL },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ALL },
];

/** `flink-operator.jobRbacRules` of the chart. */
const CHART_JOB_RULES = [
  { apiGroups: [''], resources: ['pods', 'configmaps'], verbs: ALL },
  { apiGroups: ['apps'], resources: ['deployments', 'deployments/finalizers'], verbs: ALL },
];

/** The chart's Role in the release namespace when only other namespaces are watched. */
const CHART_OPERATOR_NAMESPACE_RULES = [
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ALL },
  { apiGroups: ['flink.apache.org'], resources: ['flinkstatesnapshots'], verbs: ['list'] },
];

describe.each(RELEASES)('FlinkOperator $appVersion with default props', (release) => {
  const docs = synth({ version: release.version });

  // The same objects as `helm template` with default values; `npm run test:conformance:chart` renders the
  // chart itself and compares every field (conformance/helm-chart).
  test('renders the objects of `helm template` with default values, with the same names', () => {
    expect(ids(docs)).toEqual([
      'CustomResourceDefinition/-/flinkbluegreendeployments.flink.apache.org',
      'CustomResourceDefinition/-/flinkdeployments.flink.apache.org',
      'CustomResourceDefinition/-/flinksessionjobs.flink.apache.org',
      'CustomResourceDefinition/-/flinkstatesnapshots.flink.apache.org',
      'ServiceAccount/flink-operator/flink-operator',
      'ClusterRole/-/flink-operator',
      'ClusterRoleBinding/-/flink-operator-role-binding',
      'ServiceAccount/flink-operator/flink',
      'Role/flink-operator/flink',
      'RoleBinding/flink-operator/flink-role-binding',
      ...CONFIG_WEBHOOK_AND_DEPLOYMENT,
    ]);
  });

  test('matches the snapshot', () => {
    // The CRDs are compared with the vendored files below; keep the snapshot readable.
    expect(docs.filter((d) => d.kind !== 'CustomResourceDefinition')).toMatchSnapshot();
  });

  test('exposes the computed names', () => {
    const { operator } = operatorChart({ version: release.version });
    expect([operator.namespace, operator.deploymentName, operator.configMapName, operator.operatorServiceAccountName,
      operator.jobServiceAccountName, operator.webhookServiceName, operator.webhookConfigurationName, operator.image, operator.replicas,
      operator.version])
      .toEqual([NS, 'flink-kubernetes-operator', 'flink-operator-config', 'flink-operator', 'flink', 'flink-operator-webhook-service',
        'flink-operator-flink-operator-webhook-configuration', release.image, 1, release.version]);
    expect(FlinkOperator.defaultImage(release.version)).toEqual(release.image);
    expect(ApiObject.of(operator).kind).toEqual('Deployment');
  });

  test(`renders the four vendored ${release.appVersion} CRDs unchanged, with server-side apply in the first sync wave`, () => {
    const crds = docs.filter((d) => d.kind === 'CustomResourceDefinition');
    expect(crds).toHaveLength(4);
    const deployments = crds.find((c) => c.spec.names.kind === 'FlinkDeployment');
    const flinkVersions = deployments.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.flinkVersion.enum;
    expect(flinkVersions.includes('v2_3')).toBe(release.version === OperatorVersion.V1_16);
    for (const crd of crds) {
      const file = `${crd.metadata.name}-v1.yml`;
      const vendored = parse(fs.readFileSync(path.join(CRDS_DIR, release.appVersion, file), 'utf8'));
      const { annotations, ...metadata } = crd.metadata;
      if (release.version === OperatorVersion.V1_16 && crd.spec.names.kind === 'FlinkBlueGreenDeployment') {
        // 1.16.1's scale subresource lacks statusReplicasPath, which the API server requires: it is left out
        expect(vendored.spec.versions[0].subresources.scale).toEqual({ specReplicasPath: '.spec.template.spec.taskManager.replicas' });
        delete vendored.spec.versions[0].subresources.scale;
      }
      expect({ ...crd, metadata }).toEqual(vendored);
      expect(annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '-3', 'argocd.argoproj.io/sync-options': 'ServerSideApply=true' });
    }
  });

  test('the Deployment recreates one pod of the release\'s pinned image, as the chart with default values', () => {
    const deployment = find(docs, 'Deployment', 'flink-kubernetes-operator');
    expect(deployment.spec.replicas).toEqual(1);
    expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
    expect(deployment.spec.selector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'flink-kubernetes-operator' } });
    expect(deployment.spec.template.metadata).toEqual({
      labels: { 'app.kubernetes.io/name': 'flink-kubernetes-operator' },
      annotations: { 'kubectl.kubernetes.io/default-container': 'flink-kubernetes-operator' },
    });
    const spec = podSpec(docs);
    expect(spec.serviceAccountName).toEqual('flink-operator');
    expect(spec.containers.map((c: any) => [c.name, c.image, c.imagePullPolicy, c.command])).toEqual([
      ['flink-kubernetes-operator', release.image, 'IfNotPresent', ['/docker-entrypoint.sh', 'operator']],
      ['flink-webhook', release.image, 'IfNotPresent', ['/docker-entrypoint.sh', 'webhook']],
    ]);
    expect(spec.initContainers).toBeUndefined();
  });

  test('the operator container has the chart\'s environment, ports, probes and mounts', () => {
    const operator = container(docs, 'flink-kubernetes-operator');
    expect(envOf(operator)).toEqual({
      OPERATOR_NAMESPACE: { fieldRef: { fieldPath: 'metadata.namespace' } },
      HOST_IP: { fieldRef: { fieldPath: 'status.hostIP' } },
      POD_IP: { fieldRef: { fieldPath: 'status.podIP' } },
      POD_NAME: { fieldRef: { fieldPath: 'metadata.name' } },
      OPERATOR_NAME: 'flink-kubernetes-operator',
      FLINK_CONF_DIR: '/opt/flink/conf',
      FLINK_PLUGINS_DIR: '/opt/flink/plugins',
      LOGGING_FRAMEWORK: 'log4j2',
      LOG_CONFIG: '-Dlog4j.configurationFile=/opt/flink/conf/log4j-operator.properties',
      JVM_ARGS: '',
    });
    expect(operator.ports).toEqual([{ containerPort: 8085, name: 'health-port', protocol: 'TCP' }]);
    expect(operator.livenessProbe).toEqual({ periodSeconds: 10, initialDelaySeconds: 30, httpGet: { path: '/', port: 'health-port' } });
    expect(operator.startupProbe).toEqual({ failureThreshold: 30, periodSeconds: 10, httpGet: { path: '/', port: 'health-port' } });
    expect(operator.volumeMounts).toEqual([
      { name: 'flink-operator-config-volume', mountPath: '/opt/flink/conf' },
      { name: 'flink-artifacts-volume', mountPath: '/opt/flink/artifacts' },
    ]);
  });

  test('the webhook container reads the keystore password from a Secret key, never a literal', () => {
    const webhook = container(docs, 'flink-webhook');
    expect(envOf(webhook)).toEqual({
      WEBHOOK_KEYSTORE_PASSWORD: { secretKeyRef: { name: 'flink-operator-webhook-secret', key: 'password' } },
      WEBHOOK_KEYSTORE_FILE: '/certs/keystore.p12',
      WEBHOOK_KEYSTORE_TYPE: 'pkcs12',
      WEBHOOK_SERVER_PORT: '9443',
      LOG_CONFIG: '-Dlog4j.configurationFile=/opt/flink/conf/log4j-operator.properties',
      JVM_ARGS: '',
      FLINK_CONF_DIR: '/opt/flink/conf',
      FLINK_PLUGINS_DIR: '/opt/flink/plugins',
      LOGGING_FRAMEWORK: 'log4j2',
      OPERATOR_NAMESPACE: { fieldRef: { fieldPath: 'metadata.namespace' } },
    });
    expect(webhook.volumeMounts).toEqual([
      { name: 'keystore', mountPath: '/certs', readOnly: true },
      { name: 'flink-operator-config-volume', mountPath: '/opt/flink/conf' },
    ]);
  });

  test(`the pod mounts ${release.mounted} and the log4j files of the ConfigMap, an artifacts dir and the keystore`, () => {
    expect(podSpec(docs).volumes).toEqual([
      {
        name: 'flink-operator-config-volume',
        configMap: {
          name: 'flink-operator-config',
          items: [
            { key: release.mounted, path: release.mounted },
            { key: 'log4j-operator.properties', path: 'log4j-operator.properties' },
            { key: 'log4j-console.properties', path: 'log4j-console.properties' },
          ],
        },
      },
      { name: 'flink-artifacts-volume', emptyDir: {} },
      { name: 'keystore', secret: { secretName: 'webhook-server-cert', items: [{ key: 'keystore.p12', path: 'keystore.p12' }] } },
    ]);
  });

  test('every container meets Pod Security Standards "restricted" as uid 9999', () => {
    expect(podSpec(docs).securityContext).toEqual({
      runAsNonRoot: true, runAsUser: 9999, runAsGroup: 9999, seccompProfile: { type: 'RuntimeDefault' },
    });
    for (const c of podSpec(docs).containers) {
      expect(c.securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true });
    }
  });

  test('the ClusterRole has exactly the chart\'s rules, bound to the operator ServiceAccount', () => {
    expect(find(docs, 'ClusterRole', 'flink-operator').rules).toEqual(CHART_OPERATOR_RULES);
    const binding = find(docs, 'ClusterRoleBinding', 'flink-operator-role-binding');
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'flink-operator' });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'flink-operator', namespace: NS }]);
  });

  test('Flink jobs get the chart\'s Role in the operator namespace, bound to the `flink` ServiceAccount', () => {
    expect(find(docs, 'Role', 'flink', NS).rules).toEqual(CHART_JOB_RULES);
    const binding = find(docs, 'RoleBinding', 'flink-role-binding', NS);
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'flink' });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'flink', namespace: NS }]);
  });

  test('labels objects as the chart does, without Helm\'s own labels', () => {
    const labels = {
      'app.kubernetes.io/name': 'flink-kubernetes-operator',
      'app.kubernetes.io/version': release.appVersion,
      'app.kubernetes.io/managed-by': 'cdk8s-flink',
    };
    for (const kind of ['Deployment', 'ConfigMap', 'ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']) {
      for (const doc of docs.filter((d) => d.kind === kind)) {
        expect(doc.metadata.labels).toEqual(labels);
      }
    }
    expect(JSON.stringify(docs)).not.toMatch(/helm\.sh|Helm/);
  });

  test('the ConfigMap holds the chart\'s default configuration and logging files', () => {
    const data = find(docs, 'ConfigMap', 'flink-operator-config').data;
    expect(Object.keys(data).sort()).toEqual([
      ...release.configurationKeys, 'log4j-console.properties', 'log4j-operator.properties', 'logback-console.xml', 'logback-operator.xml',
    ].sort());
    expect(Object.entries(mountedConfiguration(docs))).toEqual(Object.entries(release.configuration));
    expect(parseConfigYaml(data['config.yaml'])).toEqual(release.configuration);
    if (data['flink-conf.yaml'] !== undefined) {
      expect(parseFlinkConf(data['flink-conf.yaml'])).toEqual(release.configuration);
    }
    expect(data[release.mounted]).toContain('kubernetes.operator.reconcile.interval: 15 s\n');
    expect(data[release.mounted]).toMatch(/kubernetes\.operator\.health\.probe\.port: "?8085"?\n/);
    expect(data['log4j-operator.properties']).toContain('logger.conf.name = org.apache.flink.configuration.GlobalConfiguration\n');
    expect(data['log4j-console.properties']).toContain('appender.rolling.policies.size.size=100MB\n');
    expect(data['logback-operator.xml']).toMatch(/^<configuration>[\s\S]*<\/configuration>\n$/);
  });

  (fs.existsSync(CHART_CONF) ? test : test.skip)('the logging files are the chart\'s conf/ files without their license header', () => {
    const data = find(docs, 'ConfigMap', 'flink-operator-config').data;
    for (const file of ['log4j-operator.properties', 'log4j-console.properties', 'logback-operator.xml', 'logback-console.xml']) {
      const upstream = fs.readFileSync(path.join(CHART_CONF, file), 'utf8');
      const body = (text: string) => text.split('\n').filter((l) => l.trim() !== '').join('\n');
      expect(body(upstream).endsWith(body(data[file]))).toBe(true);
    }
  });

  test('the webhook Service sends 443 to the webhook port 9443 of the operator pod', () => {
    const service = find(docs, 'Service', 'flink-operator-webhook-service');
    expect(service.metadata.labels).toBeUndefined();
    expect(service.spec).toEqual({
      ports: [{ port: 443, targetPort: 9443 }],
      selector: { 'app.kubernetes.io/name': 'flink-kubernetes-operator' },
    });
  });

  test('the webhook configurations match the chart, with the CA injected by cert-manager', () => {
    const common = {
      admissionReviewVersions: ['v1'],
      failurePolicy: 'Fail',
      sideEffects: 'None',
    };
    const rule = { apiGroups: ['flink.apache.org'], apiVersions: ['*'], scope: 'Namespaced', operations: ['CREATE', 'UPDATE'] };
    const validating = find(docs, 'ValidatingWebhookConfiguration', 'flink-operator-flink-operator-webhook-configuration');
    const mutating = find(docs, 'MutatingWebhookConfiguration', 'flink-operator-flink-operator-webhook-configuration');
    for (const config of [validating, mutating]) {
      expect(config.metadata.annotations['cert-manager.io/inject-ca-from']).toEqual('flink-operator/flink-operator-serving-cert');
      expect(config.metadata.namespace).toBeUndefined();
    }
    expect(validating.webhooks).toEqual([{
      ...common,
      name: 'validationwebhook.flink.apache.org',
      clientConfig: { service: { name: 'flink-operator-webhook-service', namespace: NS, path: '/validate' } },
      rules: [{ ...rule, resources: ['flinkdeployments', 'flinksessionjobs', 'flinkstatesnapshots'] }],
    }]);
    expect(mutating.webhooks).toEqual([{
      ...common,
      name: 'mutationwebhook.flink.apache.org',
      clientConfig: { service: { name: 'flink-operator-webhook-service', namespace: NS, path: '/mutate' } },
      rules: [{ ...rule, resources: ['flinksessionjobs', 'flinkdeployments'] }],
    }]);
  });

  test('cert-manager issues the serving certificate with a PKCS#12 keystore encrypted with the Secret key', () => {
    expect(find(docs, 'Issuer', 'flink-operator-selfsigned-issuer').spec).toEqual({ selfSigned: {} });
    expect(find(docs, 'Certificate', 'flink-operator-serving-cert').spec).toEqual({
      dnsNames: ['flink-operator-webhook-service.flink-operator.svc', 'flink-operator-webhook-service.flink-operator.svc.cluster.local'],
      keystores: { pkcs12: { create: true, passwordSecretRef: { name: 'flink-operator-webhook-secret', key: 'password' } } },
      issuerRef: { kind: 'Issuer', name: 'flink-operator-selfsigned-issuer' },
      commonName: 'FlinkDeployment Validator',
      secretName: 'webhook-server-cert',
    });
  });

  test('renders no caBundle, no Secret and no literal password', () => {
    const text = JSON.stringify(docs);
    expect(text).not.toMatch(/caBundle/);
    expect(text).not.toMatch(/password1234|cGFzc3dvcmQxMjM0/);
    expect(docs.filter((d) => d.kind === 'Secret')).toEqual([]);
  });

  test('puts every object in its Argo CD sync wave: CRDs, then certificates, then the operator', () => {
    const waves = Object.fromEntries(docs.map((d) => [`${d.kind}/${d.metadata.name}`, d.metadata.annotations?.['argocd.argoproj.io/sync-wave']]));
    for (const [object, wave] of Object.entries(waves)) {
      const expected = object.startsWith('CustomResourceDefinition/') ? '-3' : /^(Issuer|Certificate)\//.test(object) ? '-2' : '-1';
      expect([object, wave]).toEqual([object, expected]);
    }
  });

  test('renders no Argo CD annotations once disabled', () => {
    const { chart } = operatorChart({ version: release.version });
    ArgoCd.disable(chart);
    expect(JSON.stringify(Testing.synth(chart))).not.toMatch(/argocd\.argoproj\.io/);
  });

  test('synthesizes without validation errors', () => {
    const { app } = operatorChart({ version: release.version });
    expect(validationErrors(app)).toEqual('');
  });
});

describe('FlinkOperator watching team-a and team-b', () => {
  const docs = synth({ watchNamespaces: ['team-a', 'team-b'] });

  test('renders namespaced RBAC and job ServiceAccounts in each watched namespace instead of a ClusterRole', () => {
    expect(ids(docs).filter((id) => !id.startsWith('CustomResourceDefinition/'))).toEqual([
      'ServiceAccount/flink-operator/flink-operator',
      'Role/team-a/flink-operator',
      'RoleBinding/team-a/flink-operator-role-binding',
      'Role/team-b/flink-operator',
      'RoleBinding/team-b/flink-operator-role-binding',
      'Role/flink-operator/flink-operator',
      'RoleBinding/flink-operator/flink-operator-role-binding',
      'ServiceAccount/team-a/flink',
      'Role/team-a/flink',
      'RoleBinding/team-a/flink-role-binding',
      'ServiceAccount/team-b/flink',
      'Role/team-b/flink',
      'RoleBinding/team-b/flink-role-binding',
      ...CONFIG_WEBHOOK_AND_DEPLOYMENT,
    ]);
  });

  test('matches the snapshot', () => {
    expect(docs.filter((d) => d.kind !== 'CustomResourceDefinition')).toMatchSnapshot();
  });

  test('each watched namespace gets the operator rules and the job rules; the operator namespace only leases', () => {
    for (const ns of ['team-a', 'team-b']) {
      expect(find(docs, 'Role', 'flink-operator', ns).rules).toEqual(CHART_OPERATOR_RULES);
      expect(find(docs, 'RoleBinding', 'flink-operator-role-binding', ns).subjects)
        .toEqual([{ kind: 'ServiceAccount', name: 'flink-operator', namespace: NS }]);
      expect(find(docs, 'RoleBinding', 'flink-operator-role-binding', ns).roleRef)
        .toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'flink-operator' });
      expect(find(docs, 'Role', 'flink', ns).rules).toEqual(CHART_JOB_RULES);
      expect(find(docs, 'RoleBinding', 'flink-role-binding', ns).subjects).toEqual([{ kind: 'ServiceAccount', name: 'flink', namespace: ns }]);
    }
    expect(find(docs, 'Role', 'flink-operator', NS).rules).toEqual(CHART_OPERATOR_NAMESPACE_RULES);
  });

  test('the operator watches the namespaces and the webhook admits only their resources', () => {
    expect(mountedConfiguration(docs)['kubernetes.operator.watched.namespaces']).toEqual('team-a,team-b');
    const selector = { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['team-a', 'team-b'] }] };
    expect(find(docs, 'ValidatingWebhookConfiguration', 'flink-operator-flink-operator-webhook-configuration').webhooks[0].namespaceSelector).toEqual(selector);
    expect(find(docs, 'MutatingWebhookConfiguration', 'flink-operator-flink-operator-webhook-configuration').webhooks[0].namespaceSelector).toEqual(selector);
  });

  test('watching its own namespace needs no separate lease Role', () => {
    const own = synth({ watchNamespaces: ['flink-operator', 'team-a'] });
    expect(ids(own).filter((id) => /Role/.test(id))).toEqual([
      'Role/flink-operator/flink-operator',
      'RoleBinding/flink-operator/flink-operator-role-binding',
      'Role/team-a/flink-operator',
      'RoleBinding/team-a/flink-operator-role-binding',
      'Role/flink-operator/flink',
      'RoleBinding/flink-operator/flink-role-binding',
      'Role/team-a/flink',
      'RoleBinding/team-a/flink-role-binding',
    ]);
    expect(find(own, 'Role', 'flink-operator', NS).rules).toEqual(CHART_OPERATOR_RULES);
  });
});

describe('FlinkOperator props', () => {
  test('`namespace` overrides the chart\'s and is required without one', () => {
    const chart = Testing.chart();
    new FlinkOperator(chart, 'operator', { namespace: 'ops' });
    const docs = Testing.synth(chart);
    expect(find(docs, 'Deployment', 'flink-kubernetes-operator').metadata.namespace).toEqual('ops');
    expect(find(docs, 'ValidatingWebhookConfiguration', 'flink-operator-ops-webhook-configuration')).toBeDefined();
    const noNamespace = Testing.chart();
    new FlinkOperator(noNamespace, 'operator');
    expect(synthErrors(noNamespace)).toEqual('[test/operator] namespace: must be set (or the chart given a namespace): FlinkOperator needs one');
  });

  test('image, pull policy and pull secrets apply to the operator and webhook', () => {
    const docs = synth({ image: 'registry.example.com/flink-operator@sha256:abc', imagePullPolicy: ImagePullPolicy.ALWAYS, imagePullSecrets: ['regcred'] });
    expect(podSpec(docs).containers.map((c: any) => [c.image, c.imagePullPolicy])).toEqual([
      ['registry.example.com/flink-operator@sha256:abc', 'Always'],
      ['registry.example.com/flink-operator@sha256:abc', 'Always'],
    ]);
    expect(podSpec(docs).imagePullSecrets).toEqual([{ name: 'regcred' }]);
  });

  test('leader election configures the lease, allows replicas and rolls the pods', () => {
    const docs = synth({ replicas: 2, leaderElection: {} });
    const conf = mountedConfiguration(docs);
    expect([conf['kubernetes.operator.leader-election.enabled'], conf['kubernetes.operator.leader-election.lease-name']]).toEqual(['true', 'flink-operator-lease']);
    const deployment = find(docs, 'Deployment', 'flink-kubernetes-operator');
    expect([deployment.spec.replicas, deployment.spec.strategy]).toEqual([2, { type: 'RollingUpdate' }]);
    const named = synth({ leaderElection: { leaseName: 'my-lease' } });
    expect(mountedConfiguration(named)['kubernetes.operator.leader-election.lease-name']).toEqual('my-lease');
  });

  test.each(RELEASES)('`defaultConfiguration` is merged over the $appVersion chart defaults, flat or nested', (release) => {
    const { chart, operator } = operatorChart({
      version: release.version,
      defaultConfiguration: {
        'kubernetes.operator.reconcile.interval': '60 s',
        'kubernetes': { operator: { 'job.upgrade.ignore-pending-savepoint': true } },
      },
    });
    operator.addDefaultConfiguration('kubernetes.operator.savepoint.history.max.count', '5');
    const conf = mountedConfiguration(Testing.synth(chart));
    expect(conf).toEqual({
      ...release.configuration,
      'kubernetes.operator.reconcile.interval': '60 s',
      'kubernetes.operator.job.upgrade.ignore-pending-savepoint': 'true',
      'kubernetes.operator.savepoint.history.max.count': '5',
    });
    expect(operator.defaultConfiguration).toEqual(conf);
  });

  test('JVM args, resources, metrics port, env and scheduling props reach the pod', () => {
    const docs = synth({
      jvmArgs: '-Xmx1g',
      resources: { limits: { memory: k8s.Quantity.fromString('1Gi') } },
      metricsPort: 9999,
      healthPort: 8090,
      env: [{ name: 'EXTRA', value: 'yes' }],
      nodeSelector: { pool: 'system' },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'system', effect: 'NoSchedule' }],
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }] } } },
      priorityClassName: 'system-cluster-critical',
      podLabels: { team: 'platform' },
      podAnnotations: { 'prometheus.io/scrape': 'true' },
      webhook: { jvmArgs: '-Xmx256m', resources: { limits: { memory: k8s.Quantity.fromString('512Mi') } }, env: [{ name: 'W', value: '1' }], serviceLabels: { svc: 'webhook' } },
    });
    const operator = container(docs, 'flink-kubernetes-operator');
    const webhook = container(docs, 'flink-webhook');
    expect([envOf(operator).JVM_ARGS, envOf(operator).EXTRA, envOf(webhook).JVM_ARGS, envOf(webhook).W]).toEqual(['-Xmx1g', 'yes', '-Xmx256m', '1']);
    expect([operator.resources, webhook.resources]).toEqual([{ limits: { memory: '1Gi' } }, { limits: { memory: '512Mi' } }]);
    expect(operator.ports).toEqual([
      { containerPort: 9999, name: 'metrics', protocol: 'TCP' },
      { containerPort: 8090, name: 'health-port', protocol: 'TCP' },
    ]);
    const spec = podSpec(docs);
    expect([spec.nodeSelector, spec.tolerations[0].key, spec.affinity.nodeAffinity !== undefined, spec.priorityClassName])
      .toEqual([{ pool: 'system' }, 'dedicated', true, 'system-cluster-critical']);
    const template = find(docs, 'Deployment', 'flink-kubernetes-operator').spec.template.metadata;
    expect(template.labels).toEqual({ 'app.kubernetes.io/name': 'flink-kubernetes-operator', 'team': 'platform' });
    expect(template.annotations['prometheus.io/scrape']).toEqual('true');
    expect(find(docs, 'Service', 'flink-operator-webhook-service').metadata.labels).toEqual({ svc: 'webhook' });
    expect(mountedConfiguration(docs)['kubernetes.operator.health.probe.port']).toEqual('8090');
  });

  test('`listNodes` adds the chart\'s nodes rule', () => {
    const rules = find(synth({ listNodes: true }), 'ClusterRole', 'flink-operator').rules;
    expect(rules[1]).toEqual({ apiGroups: [''], resources: ['nodes'], verbs: ['list'] });
    expect(rules).toHaveLength(CHART_OPERATOR_RULES.length + 1);
  });

  test('ServiceAccount names and annotations can be changed', () => {
    const docs = synth({
      operatorServiceAccountName: 'op',
      jobServiceAccountName: 'jobs',
      operatorServiceAccountAnnotations: { 'eks.amazonaws.com/role-arn': 'arn:op' },
      jobServiceAccountAnnotations: { 'eks.amazonaws.com/role-arn': 'arn:jobs' },
    });
    expect(find(docs, 'ServiceAccount', 'op').metadata.annotations['eks.amazonaws.com/role-arn']).toEqual('arn:op');
    expect(find(docs, 'ServiceAccount', 'jobs').metadata.annotations['eks.amazonaws.com/role-arn']).toEqual('arn:jobs');
    expect(podSpec(docs).serviceAccountName).toEqual('op');
    expect(find(docs, 'ClusterRoleBinding', 'flink-operator-role-binding').subjects[0].name).toEqual('op');
    expect(find(docs, 'RoleBinding', 'flink-role-binding').subjects[0].name).toEqual('jobs');
    expect(find(docs, 'ServiceAccount', 'jobs')).toBeDefined();
  });

  test('`installCrds: false` leaves the CRDs out', () => {
    expect(synth({ installCrds: false }).filter((d) => d.kind === 'CustomResourceDefinition')).toEqual([]);
  });

  test('log4j overrides are appended to the chart files; logback files replace them', () => {
    const data = find(synth({
      logConfiguration: { 'log4j-operator.properties': 'rootLogger.level = DEBUG', 'logback-console.xml': '<configuration/>\n' },
    }), 'ConfigMap', 'flink-operator-config').data;
    expect(data['log4j-operator.properties']).toMatch(/^rootLogger\.level = INFO\n[\s\S]*\nrootLogger\.level = DEBUG\n$/);
    expect(data['logback-console.xml']).toEqual('<configuration/>\n');
  });

  test.each(RELEASES)('logback mounts the logback files and points LOG_CONFIG at them ($appVersion)', (release) => {
    const docs = synth({ version: release.version, loggingFramework: OperatorLoggingFramework.LOGBACK });
    expect(podSpec(docs).volumes[0].configMap.items.map((i: any) => i.key)).toEqual([release.mounted, 'logback-operator.xml', 'logback-console.xml']);
    for (const name of ['flink-kubernetes-operator', 'flink-webhook']) {
      const env = envOf(container(docs, name));
      expect([env.LOGGING_FRAMEWORK, env.LOG_CONFIG]).toEqual(['logback', '-Dlogback.configurationFile=/opt/flink/conf/logback-operator.xml']);
    }
  });
});

describe('FlinkOperator webhook', () => {
  test('`enabled: false` renders no webhook objects, container or keystore', () => {
    const docs = synth({ webhook: { enabled: false } });
    expect(ids(docs).filter((id) => /Webhook|Issuer|Certificate|webhook/.test(id))).toEqual([]);
    expect(podSpec(docs).containers.map((c: any) => c.name)).toEqual(['flink-kubernetes-operator']);
    expect(podSpec(docs).volumes.map((v: any) => v.name)).toEqual(['flink-operator-config-volume', 'flink-artifacts-volume']);
  });

  test('the validator and mutator can be turned off one at a time; both off is no webhook', () => {
    expect(synth({ webhook: { mutator: false } }).filter((d) => /WebhookConfiguration$/.test(d.kind)).map((d) => d.kind)).toEqual(['ValidatingWebhookConfiguration']);
    expect(synth({ webhook: { validator: false } }).filter((d) => /WebhookConfiguration$/.test(d.kind)).map((d) => d.kind)).toEqual(['MutatingWebhookConfiguration']);
    const { operator } = operatorChart({ webhook: { validator: false, mutator: false } });
    expect([operator.webhookEnabled, operator.webhookServiceName]).toEqual([false, undefined]);
  });

  test('the keystore password comes from the Secret key the user names', () => {
    const named = synth({ webhook: { keystorePassword: WebhookKeystorePassword.fromSecretName('jks', 'pw') } });
    expect(envOf(container(named, 'flink-webhook')).WEBHOOK_KEYSTORE_PASSWORD).toEqual({ secretKeyRef: { name: 'jks', key: 'pw' } });
    expect(find(named, 'Certificate', 'flink-operator-serving-cert').spec.keystores.pkcs12.passwordSecretRef).toEqual({ name: 'jks', key: 'pw' });

    const app = Testing.app();
    const chart = new Chart(app, 'test', { namespace: NS });
    const secret = Secret.fromSecretName(chart, 'password', 'sealed-keystore-password');
    new FlinkOperator(chart, 'operator', { webhook: { keystorePassword: WebhookKeystorePassword.fromSecret(secret) } });
    const docs = Testing.synth(chart);
    expect(find(docs, 'Certificate', 'flink-operator-serving-cert').spec.keystores.pkcs12.passwordSecretRef)
      .toEqual({ name: 'sealed-keystore-password', key: 'password' });
  });

  test('`keystoreProfile` sets the PKCS#12 profile of the keystore (the 1.16 chart\'s webhook.keystore.pkcs12Profile)', () => {
    const certificate = find(synth({ webhook: { keystoreProfile: WebhookKeystoreProfile.MODERN_2023 } }), 'Certificate', 'flink-operator-serving-cert');
    expect(certificate.spec.keystores.pkcs12).toEqual({
      create: true, profile: 'Modern2023', passwordSecretRef: { name: 'flink-operator-webhook-secret', key: 'password' },
    });
    expect(find(synth(), 'Certificate', 'flink-operator-serving-cert').spec.keystores.pkcs12.profile).toBeUndefined();
    expect(synthErrors(operatorChart({ webhook: { keystoreProfile: 'Modern' as any } }).chart))
      .toEqual('[test/operator] webhook.keystoreProfile: must be one of "Modern2023", "LegacyDES", "LegacyRC2", got "Modern"');
  });

  test('fails synth on an empty Secret name', () => {
    expect(synthErrors(operatorChart({ webhook: { keystorePassword: WebhookKeystorePassword.fromSecretName('', 'k') } }).chart))
      .toEqual('[test/operator] webhook.keystorePassword: needs a Secret name and key, got "" and "k"');
  });
});

describe('FlinkOperator plugins', () => {
  const plugin = { name: 'policy', url: 'https://artifacts.example.com/policy-1.0.jar', sha256: SHA.toUpperCase() };

  test('a plugin is downloaded and checksum-verified by an init container into /opt/flink/plugins/<name>/', () => {
    const { chart, operator } = operatorChart({ plugins: [plugin] });
    const docs = Testing.synth(chart);
    const init = container(docs, 'install-plugin-policy');
    expect(init.image).toEqual('curlimages/curl:8.11.1');
    expect(init.command.slice(0, 2)).toEqual(['sh', '-ec']);
    const script = init.command[2];
    expect(script).toContain('curl --fail --silent --show-error --location --retry 3 --output "$JAR_FILE.download" "$JAR_URL"');
    expect(script).toContain('echo "$JAR_SHA256  $JAR_FILE.download" | sha256sum -c -');
    expect(script.indexOf('sha256sum -c')).toBeLessThan(script.indexOf('mv "$JAR_FILE.download" "$JAR_FILE"'));
    expect(envOf(init)).toEqual({
      JAR_URL: 'https://artifacts.example.com/policy-1.0.jar',
      JAR_SHA256: SHA,
      JAR_FILE: '/opt/flink/plugins/policy/policy.jar',
    });
    expect(init.volumeMounts).toEqual([{ name: 'plugin-policy', mountPath: '/opt/flink/plugins/policy' }]);
    expect(init.securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true });
    for (const name of ['flink-kubernetes-operator', 'flink-webhook']) {
      expect(container(docs, name).volumeMounts).toContainEqual({ name: 'plugin-policy', mountPath: '/opt/flink/plugins/policy', readOnly: true });
    }
    expect(podSpec(docs).volumes).toContainEqual({ name: 'plugin-policy', emptyDir: {} });
    expect(operator.pluginNames).toEqual(['policy']);
    // A validator or mutator plugin needs no configuration.
    expect(Object.keys(operator.defaultConfiguration).filter((k) => k.includes('plugins'))).toEqual([]);
  });

  test('a listener plugin gets its class and configuration under kubernetes.operator.plugins.listeners.<name>', () => {
    const { chart, operator } = operatorChart();
    operator.addPlugin({ ...plugin, name: 'audit', listenerClass: 'com.example.AuditListener', listenerConfiguration: { endpoint: 'https://audit.example.com' } });
    const conf = mountedConfiguration(Testing.synth(chart));
    expect(conf['kubernetes.operator.plugins.listeners.audit.class']).toEqual('com.example.AuditListener');
    expect(conf['kubernetes.operator.plugins.listeners.audit.endpoint']).toEqual('https://audit.example.com');
  });

  test('1.15: operator libs share /opt/flink/operator-lib, on the class path of the operator and webhook', () => {
    const { chart, operator } = operatorChart({ version: OperatorVersion.V1_15, operatorLibs: [{ name: 's3', url: 'https://artifacts.example.com/s3.jar', sha256: SHA }] });
    operator.addOperatorLib({ name: 'prometheus', url: 'https://artifacts.example.com/prom.jar', sha256: SHA });
    const docs = Testing.synth(chart);
    expect(podSpec(docs).initContainers.map((c: any) => [c.name, envOf(c).JAR_FILE, c.volumeMounts])).toEqual([
      ['install-lib-s3', '/opt/flink/operator-lib/s3.jar', [{ name: 'operator-lib', mountPath: '/opt/flink/operator-lib' }]],
      ['install-lib-prometheus', '/opt/flink/operator-lib/prometheus.jar', [{ name: 'operator-lib', mountPath: '/opt/flink/operator-lib' }]],
    ]);
    for (const name of ['flink-kubernetes-operator', 'flink-webhook']) {
      expect(container(docs, name).volumeMounts).toContainEqual({ name: 'operator-lib', mountPath: '/opt/flink/operator-lib', readOnly: true });
    }
    expect(podSpec(docs).volumes.filter((v: any) => v.name === 'operator-lib')).toEqual([{ name: 'operator-lib', emptyDir: {} }]);
    expect(operator.operatorLibNames).toEqual(['s3', 'prometheus']);
  });

  test('1.16: each operator lib is mounted as a file, so the image\'s operator-lib/log4j and logback JARs stay visible', () => {
    const { chart } = operatorChart({ operatorLibs: [{ name: 's3', url: 'https://artifacts.example.com/s3.jar', sha256: SHA }] });
    const docs = Testing.synth(chart);
    expect(podSpec(docs).initContainers.map((c: any) => [c.name, envOf(c).JAR_FILE, c.volumeMounts])).toEqual([
      ['install-lib-s3', '/opt/flink/operator-lib/s3.jar', [{ name: 'operator-lib', mountPath: '/opt/flink/operator-lib' }]],
    ]);
    for (const name of ['flink-kubernetes-operator', 'flink-webhook']) {
      const mounts = container(docs, name).volumeMounts;
      expect(mounts).toContainEqual({ name: 'operator-lib', mountPath: '/opt/flink/operator-lib/s3.jar', subPath: 's3.jar', readOnly: true });
      expect(mounts.filter((m: any) => m.mountPath === '/opt/flink/operator-lib')).toEqual([]);
    }
    expect(podSpec(docs).volumes.filter((v: any) => v.name === 'operator-lib')).toEqual([{ name: 'operator-lib', emptyDir: {} }]);
  });

  test('the installer image can be replaced', () => {
    const docs = synth({ plugins: [plugin], pluginInstallerImage: 'registry.example.com/curl:8.11.1' });
    expect(container(docs, 'install-plugin-policy').image).toEqual('registry.example.com/curl:8.11.1');
  });

  test.each([
    [{ ...plugin, name: 'My_Plugin' }, 'plugins: plugin \'name\' must be a lowercase DNS label of at most 40 characters ([a-z0-9-], starting and ending with a letter or digit), got "My_Plugin"'],
    [{ ...plugin, url: 'file:///tmp/p.jar' }, 'plugins: plugin \'policy\': \'url\' must be an http:// or https:// URL, got "file:///tmp/p.jar"'],
    [{ ...plugin, sha256: 'abc' }, 'plugins: plugin \'policy\': \'sha256\' must be 64 hex digits, got "abc"'],
    [{ ...plugin, listenerClass: 'not a class' }, 'plugins: plugin \'policy\': \'listenerClass\' must be a fully qualified Java class name, got "not a class"'],
    [{ ...plugin, listenerConfiguration: { k: 'v' } }, 'plugins: plugin \'policy\': \'listenerConfiguration\' needs \'listenerClass\''],
    [{ ...plugin, listenerClass: 'a.B', listenerConfiguration: { class: 'c.D' } }, 'plugins: plugin \'policy\': \'listenerConfiguration\' key "class" must be non-empty, without spaces, and not \'class\''],
  ])('fails synth on an invalid plugin %#', (options, message) => {
    expect(synthErrors(operatorChart({ plugins: [options] }).chart)).toEqual(`[test/operator] ${message}`);
  });

  test('fails synth on a plugin or operator lib installed twice', () => {
    const { chart, operator } = operatorChart({ plugins: [plugin], operatorLibs: [plugin] });
    operator.addPlugin(plugin);
    operator.addOperatorLib(plugin);
    operator.addOperatorLib({ ...plugin, name: 'x', sha256: '' });
    expect(synthErrors(chart)).toEqual([
      '[test/operator] plugins: plugin \'policy\' is already installed',
      '[test/operator] operatorLibs: operator lib \'policy\' is already installed',
      '[test/operator] operatorLibs: operator lib \'x\': \'sha256\' must be 64 hex digits, got ""',
    ].join('\n'));
  });
});

describe('FlinkOperator validation', () => {
  test('fails at synth with more than one replica and no leader election', () => {
    const { app } = operatorChart({ replicas: 3 });
    expect(validationErrors(app)).toMatch(/Validation failed with the following errors:\s*\[test\/operator\] replicas: is 3, but more than one operator replica needs 'leaderElection' \(the replicas would reconcile the same resources\)/);
  });

  test('fails at synth when `defaultConfiguration` sets what a prop owns, reporting every key', () => {
    const { app } = operatorChart({
      defaultConfiguration: {
        'kubernetes.operator.watched.namespaces': 'a,b',
        'kubernetes.operator.leader-election.enabled': 'true',
        'kubernetes.operator.health.probe.port': '9000',
      },
    });
    const message = validationErrors(app);
    expect(message).toContain('[test/operator] defaultConfiguration: sets \'kubernetes.operator.watched.namespaces\'; use \'watchNamespaces\' instead, so the rest of the install follows');
    expect(message).toContain('[test/operator] defaultConfiguration: sets \'kubernetes.operator.leader-election.enabled\'; use \'leaderElection\' instead, so the rest of the install follows');
    expect(message).toContain('[test/operator] defaultConfiguration: sets \'kubernetes.operator.health.probe.port\'; use \'healthPort\' instead, so the rest of the install follows');
  });

  test('fails at synth when `defaultConfiguration` configures an installed listener plugin', () => {
    const { app } = operatorChart({
      defaultConfiguration: { 'kubernetes.operator.plugins.listeners.audit.class': 'x.Y' },
      plugins: [{ name: 'audit', url: 'https://a.example.com/a.jar', sha256: SHA, listenerClass: 'com.example.Audit' }],
    });
    expect(validationErrors(app)).toContain('defaultConfiguration: sets \'kubernetes.operator.plugins.listeners.audit.class\', which plugin \'audit\' configures; use its \'listenerClass\' and \'listenerConfiguration\'');
  });

  test('fails at synth when the metrics and health ports clash', () => {
    const { app } = operatorChart({ metricsPort: 8085 });
    expect(validationErrors(app)).toContain('[test/operator] metricsPort: must differ from \'healthPort\', got 8085 for both');
  });

  test.each([
    [{ replicas: 0 }, 'replicas: must be an integer from 1 to 100, got 0'],
    [{ healthPort: 70000 }, 'healthPort: must be an integer from 1 to 65535, got 70000'],
    [{ metricsPort: 1.5 }, 'metricsPort: must be an integer from 1 to 65535, got 1.5'],
    [{ watchNamespaces: ['team-a', 'team-a'] }, 'watchNamespaces: lists "team-a" twice'],
    [{ watchNamespaces: ['Team_A'] }, 'watchNamespaces: must be a lowercase DNS label ([a-z0-9-], at most 63 characters), got "Team_A"'],
    [{ namespace: 'Ops' }, 'namespace: must be a lowercase DNS label ([a-z0-9-], at most 63 characters), got "Ops"'],
    [{ leaderElection: { leaseName: '' } }, 'leaderElection.leaseName: must be a lowercase DNS label ([a-z0-9-], at most 63 characters), got ""'],
    [{ image: ' ' }, 'image: must be a non-empty string, got " "'],
    [{ logConfiguration: { 'log4j.properties': '' } }, 'logConfiguration: has no file "log4j.properties"; the files are log4j-operator.properties, log4j-console.properties, logback-operator.xml, logback-console.xml'],
    [{ defaultConfiguration: { 'a.b': 'x # y' } }, 'defaultConfiguration: value of \'a.b\' must not contain a line break or \'#\' (flink-conf.yaml cuts lines at \'#\'), got "x # y"'],
    [{ defaultConfiguration: { 'a b': 'x' } }, 'defaultConfiguration: key "a b" must be non-empty, without whitespace, \'#\' or \': \''],
  ])('fails synth on invalid props %#', (props, message) => {
    expect(synthErrors(operatorChart(props as FlinkOperatorProps).chart)).toEqual(`[test/operator] ${message}`);
  });

  test('fails synth on every invalid prop at once, rendering nothing', () => {
    const { chart } = operatorChart({ replicas: 0, namespace: 'Ops', image: ' ', watchNamespaces: ['a', 'a'] });
    expect(synthErrors(chart)).toEqual([
      '[test/operator] namespace: must be a lowercase DNS label ([a-z0-9-], at most 63 characters), got "Ops"',
      '[test/operator] image: must be a non-empty string, got " "',
      '[test/operator] watchNamespaces: lists "a" twice',
      '[test/operator] replicas: must be an integer from 1 to 100, got 0',
    ].join('\n'));
    expect(() => Testing.synth(chart)).toThrow(/^Validation failed with the following errors:\n {2}\[test\/operator\] namespace: must be/);
  });

  test('fails synth when a configuration key is set twice to different values', () => {
    const { chart, operator } = operatorChart({ defaultConfiguration: { 'kubernetes.operator.reconcile.interval': '30 s' } });
    operator.addDefaultConfiguration('kubernetes.operator.reconcile.interval', '30 s');
    operator.addDefaultConfiguration('kubernetes.operator.reconcile.interval', '10 s');
    expect(synthErrors(chart))
      .toEqual('[test/operator] defaultConfiguration.kubernetes.operator.reconcile.interval: is already set to "30 s"; refusing to overwrite it with "10 s"');
  });
});

describe('FlinkOperator and synth-time validation', () => {
  function capture(app: App): { seen: Array<Record<string, string> | undefined>; chart: Chart } {
    const chart = new Chart(app, 'apps', { namespace: 'team-a' });
    const seen: Array<Record<string, string> | undefined> = [];
    FlinkHooks.of(chart).addValidator({
      validateDeployment: (_d: any, context?: any) => {
        seen.push(context?.operatorConfiguration);
        return undefined;
      },
      validateSessionJob: () => undefined,
    });
    new FlinkDeployment(chart, 'session', deploymentProps());
    return { seen, chart };
  }

  test('Flink resources in the same app are validated against the operator\'s effective default configuration', () => {
    const app = Testing.app();
    const { seen, chart } = capture(app);
    const operatorChartScope = new Chart(app, 'operator', { namespace: NS });
    const operator = new FlinkOperator(operatorChartScope, 'operator', { defaultConfiguration: { 'kubernetes.operator.reconcile.interval': '42 s' } });
    Testing.synth(chart);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[seen.length - 1]).toEqual(operator.defaultConfiguration);
    expect(seen[seen.length - 1]!['kubernetes.operator.reconcile.interval']).toEqual('42 s');
  });

  test('an explicit `useOperatorConfiguration` wins over the operator\'s configuration, even on the App', () => {
    const app = Testing.app();
    const { seen, chart } = capture(app);
    new FlinkOperator(new Chart(app, 'operator', { namespace: NS }), 'operator');
    FlinkHooks.of(app).useOperatorConfiguration({ 'kubernetes.operator.reconcile.interval': '1 s' });
    Testing.synth(chart);
    expect(seen[seen.length - 1]).toEqual({ 'kubernetes.operator.reconcile.interval': '1 s' });
  });

  test('a change to the operator after the resource was validated is seen on the next validation', () => {
    const app = Testing.app();
    const { seen, chart } = capture(app);
    const operator = new FlinkOperator(new Chart(app, 'operator', { namespace: NS }), 'operator');
    Testing.synth(chart);
    operator.addDefaultConfiguration('kubernetes.operator.reconcile.interval', '7 s');
    Testing.synth(chart);
    expect(seen[seen.length - 1]!['kubernetes.operator.reconcile.interval']).toEqual('7 s');
  });
});

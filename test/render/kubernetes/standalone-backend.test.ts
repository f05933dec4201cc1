import { ApiObject, Chart, Size, Testing } from 'cdk8s';
import { parse } from 'yaml';
import { DeploymentMode, FlinkBackend, FlinkDeployment, FlinkHooks, FlinkJob, FlinkVersion, JobState, UpgradeMode } from '../../../src';
import { deploymentProps, STATE_MACHINE_JAR } from '../../support/fixtures';
import { k8sSchemaErrors } from '../../support/k8s-schema';
import { synthErrors } from '../../support/prop-errors';
import { synthFailure } from '../../support/synth';

function chart(namespace = 'flink'): Chart {
  return new Chart(Testing.app(), 'test', { namespace });
}

function synth(c: Chart): any[] {
  const docs = Testing.synth(c);
  for (const doc of docs) {
    expect(k8sSchemaErrors(doc)).toBeUndefined();
  }
  return docs;
}

function find(docs: any[], kind: string, name?: string): any {
  const found = docs.filter((d) => d.kind === kind && (name === undefined || d.metadata.name === name));
  expect(found).toHaveLength(1);
  return found[0];
}

function mainContainer(deployment: any): any {
  return deployment.spec.template.spec.containers.find((c: any) => c.name === 'flink-main-container');
}


const HA = { 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 's3://bucket/ha' };
/** What the upstream validator needs before savepoints and last-state upgrades. */
const STATE_DIRS = { 'execution.checkpointing.dir': 's3://bucket/cp', 'execution.checkpointing.savepoint-dir': 's3://bucket/sp' };

describe('FlinkBackend.KUBERNETES application cluster', () => {
  test('renders the objects of a standalone cluster, named as the operator names its own', () => {
    const c = chart();
    const d = new FlinkDeployment(c, 'orders', deploymentProps({
      backend: FlinkBackend.KUBERNETES,
      job: { jarUri: STATE_MACHINE_JAR, entryClass: 'com.example.Main', parallelism: 4, args: ['--host', 'kafka:9092'] },
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2' },
    }));
    const docs = synth(c);
    expect(docs.map((x) => `${x.kind}/${x.metadata.name}`)).toEqual([
      'Deployment/orders',
      expect.stringMatching(/^ConfigMap\/flink-config-orders-[0-9a-f]{10}$/),
      'Deployment/orders-taskmanager',
      'Service/orders',
      'Service/orders-rest',
      'ServiceAccount/orders',
    ]);
    expect(d.backend).toBe(FlinkBackend.KUBERNETES);
    expect(d.restServiceName).toBe('orders-rest');
    expect(d.serviceAccount).toBe('orders');
    expect(ApiObject.of(d).kind).toBe('Deployment');
  });

  test('the JobManager runs standalone-job with the job options in order and the job arguments after --', () => {
    const c = chart();
    new FlinkDeployment(c, 'orders', deploymentProps({
      backend: FlinkBackend.KUBERNETES,
      job: {
        jarUri: 's3://jars/orders.jar',
        entryClass: 'com.example.Main',
        parallelism: 2,
        initialSavepointPath: 's3://sp/savepoint-1',
        allowNonRestoredState: true,
        args: ['--host', 'kafka:9092', '-p', '3'],
      },
    }));
    const docs = synth(c);
    expect(mainContainer(find(docs, 'Deployment', 'orders')).args).toEqual([
      'standalone-job', '--job-classname', 'com.example.Main', '--jars=s3://jars/orders.jar',
      '--fromSavepoint', 's3://sp/savepoint-1', '--allowNonRestoredState', '--', '--host', 'kafka:9092', '-p', '3',
    ]);
    expect(mainContainer(find(docs, 'Deployment', 'orders-taskmanager')).args).toEqual(['taskmanager']);
  });

  test('the ConfigMap holds config.yaml and the log configuration; pods mount it by its hashed name', () => {
    const c = chart();
    new FlinkDeployment(c, 'orders', deploymentProps({
      backend: FlinkBackend.KUBERNETES,
      job: { jarUri: STATE_MACHINE_JAR, parallelism: 4 },
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2', 'state.checkpoints.dir': 's3://cp' },
      logConfiguration: { 'log4j-console.properties': 'rootLogger.level = WARN\n' },
    }));
    const docs = synth(c);
    const configMap = find(docs, 'ConfigMap');
    expect(Object.keys(configMap.data).sort()).toEqual(['config.yaml', 'log4j-console.properties']);
    expect(configMap.data['log4j-console.properties']).toBe('rootLogger.level = WARN\n');
    expect(parse(configMap.data['config.yaml'])).toEqual({
      'blob.server.port': '6124',
      'jobmanager.memory.process.size': '2048m',
      'jobmanager.rpc.address': 'orders',
      'jobmanager.rpc.port': '6123',
      'parallelism.default': '4',
      'rest.port': '8081',
      'state.checkpoints.dir': 's3://cp',
      'taskmanager.memory.process.size': '2048m',
      'taskmanager.numberOfTaskSlots': '2',
      'taskmanager.rpc.port': '6122',
    });
    for (const name of ['orders', 'orders-taskmanager']) {
      const pod = find(docs, 'Deployment', name).spec.template.spec;
      expect(pod.volumes).toContainEqual({ name: 'flink-config-volume', configMap: { name: configMap.metadata.name } });
      expect(mainContainer({ spec: { template: { spec: pod } } }).volumeMounts).toContainEqual({ name: 'flink-config-volume', mountPath: '/opt/flink/conf' });
    }
  });

  test('a configuration change is a new ConfigMap name, so the pods roll', () => {
    const names = ['1', '2', '1'].map((slots) => {
      const c = chart();
      new FlinkDeployment(c, 'orders', deploymentProps({ backend: FlinkBackend.KUBERNETES, flinkConfiguration: { 'taskmanager.numberOfTaskSlots': slots } }));
      return find(synth(c), 'ConfigMap').metadata.name;
    });
    expect(names[0]).not.toBe(names[1]);
    expect(names[0]).toBe(names[2]);
  });

  test('Flink before 1.19 reads flink-conf.yaml', () => {
    const c = chart();
    new FlinkDeployment(c, 'old', deploymentProps({ backend: FlinkBackend.KUBERNETES, image: 'flink:1.18', flinkVersion: FlinkVersion.V1_18 }));
    const data = find(synth(c), 'ConfigMap').data;
    expect(Object.keys(data).sort()).toEqual(['flink-conf.yaml', 'log4j-console.properties']);
    expect(data['flink-conf.yaml']).toContain('jobmanager.rpc.address: old\n');
    expect(data['flink-conf.yaml']).toContain('blob.server.port: 6124\n');
  });

  test('resources, probes and ports come from the same props as on the operator', () => {
    const c = chart();
    new FlinkDeployment(c, 'orders', deploymentProps({
      backend: FlinkBackend.KUBERNETES,
      jobManager: { memory: Size.gibibytes(1), cpu: 0.5 },
      taskManager: { memory: Size.mebibytes(4096), cpu: 2, ephemeralStorage: Size.gibibytes(10) },
    }));
    const docs = synth(c);
    const jm = mainContainer(find(docs, 'Deployment', 'orders'));
    expect(jm.resources).toEqual({ requests: { cpu: 0.5, memory: '1024Mi' }, limits: { cpu: 0.5, memory: '1024Mi' } });
    expect(jm.ports).toEqual([{ name: 'rpc', containerPort: 6123 }, { name: 'blob-server', containerPort: 6124 }, { name: 'rest', containerPort: 8081 }]);
    expect(jm.livenessProbe).toEqual({ tcpSocket: { port: 6123 }, initialDelaySeconds: 30, periodSeconds: 60 });
    expect(jm.readinessProbe).toEqual({ httpGet: { path: '/config', port: 8081 }, periodSeconds: 10 });
    const tm = mainContainer(find(docs, 'Deployment', 'orders-taskmanager'));
    expect(tm.resources.limits).toEqual({ 'cpu': 2, 'memory': '4096Mi', 'ephemeral-storage': '10Gi' });
    expect(tm.livenessProbe.tcpSocket.port).toBe(6122);
    expect(find(docs, 'Service', 'orders-rest').spec.ports).toEqual([{ name: 'rest', port: 8081, targetPort: 'rest', protocol: 'TCP' }]);
    expect(find(docs, 'Service', 'orders').spec.ports.map((p: any) => p.port)).toEqual([6123, 6124]);
  });

  test('ports set in the configuration move the Services and probes', () => {
    const c = chart();
    new FlinkDeployment(c, 'orders', deploymentProps({ backend: FlinkBackend.KUBERNETES, flinkConfiguration: { 'rest.port': 9081 } }));
    const docs = synth(c);
    expect(find(docs, 'Service', 'orders-rest').spec.ports[0].port).toBe(9081);
    expect(mainContainer(find(docs, 'Deployment', 'orders')).readinessProbe.httpGet.port).toBe(9081);
  });

  test.each([
    [undefined, 4, '2', 2],
    [undefined, 5, '2', 3],
    [undefined, 3, undefined, 3],
    [7, 4, '2', 7],
  ])('TaskManager replicas %s with parallelism %s and %s slots: %s', (replicas, parallelism, slots, expected) => {
    const c = chart();
    new FlinkDeployment(c, 'orders', deploymentProps({
      backend: FlinkBackend.KUBERNETES,
      taskManager: { memory: Size.mebibytes(2048), cpu: 1, replicas },
      flinkConfiguration: slots ? { 'taskmanager.numberOfTaskSlots': slots } : undefined,
      job: { jarUri: STATE_MACHINE_JAR, parallelism },
    }));
    expect(find(synth(c), 'Deployment', 'orders-taskmanager').spec.replicas).toBe(expected);
  });

  test('a suspended job scales the cluster to zero; a restart nonce restarts the pods', () => {
    const c = chart();
    new FlinkDeployment(c, 'orders', deploymentProps({
      backend: FlinkBackend.KUBERNETES,
      restartNonce: 3,
      job: { jarUri: STATE_MACHINE_JAR, parallelism: 2, state: JobState.SUSPENDED },
    }));
    const docs = synth(c);
    for (const name of ['orders', 'orders-taskmanager']) {
      const deployment = find(docs, 'Deployment', name);
      expect(deployment.spec.replicas).toBe(0);
      expect(deployment.spec.template.metadata.annotations).toEqual({ 'flink.apache.org/restart-nonce': '3' });
    }
  });

  test('Kubernetes HA: a Role on ConfigMaps bound to the service account, the pod IP as address, standby JobManagers', () => {
    const c = chart();
    new FlinkDeployment(c, 'orders', deploymentProps({
      backend: FlinkBackend.KUBERNETES,
      flinkConfiguration: { ...HA, ...STATE_DIRS },
      jobManager: { memory: Size.mebibytes(2048), cpu: 1, replicas: 2 },
      job: { jarUri: STATE_MACHINE_JAR, parallelism: 2, upgradeMode: UpgradeMode.LAST_STATE },
    }));
    const docs = synth(c);
    const role = find(docs, 'Role', 'orders-ha');
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] }]);
    expect(find(docs, 'RoleBinding', 'orders-ha')).toMatchObject({
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'orders-ha' },
      subjects: [{ kind: 'ServiceAccount', name: 'orders', namespace: 'flink' }],
    });
    const jm = find(docs, 'Deployment', 'orders');
    expect(jm.spec.replicas).toBe(2);
    expect(jm.spec.template.spec.automountServiceAccountToken).toBe(true);
    expect(mainContainer(jm).args.slice(0, 3)).toEqual(['standalone-job', '--host', '$(POD_IP)']);
    expect(mainContainer(jm).env).toEqual([{ name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } }]);
    const config = parse(find(docs, 'ConfigMap').data['config.yaml']);
    expect(config).toMatchObject({ 'kubernetes.cluster-id': 'orders', 'kubernetes.namespace': 'flink', 'high-availability.type': 'kubernetes' });
  });

  test('without HA no Role is rendered and the pods mount no service account token', () => {
    const c = chart();
    new FlinkDeployment(c, 'orders', deploymentProps({ backend: FlinkBackend.KUBERNETES }));
    const docs = synth(c);
    expect(docs.filter((d) => d.kind === 'Role' || d.kind === 'RoleBinding')).toEqual([]);
    expect(find(docs, 'Deployment', 'orders').spec.template.spec.automountServiceAccountToken).toBe(false);
    expect(find(docs, 'ServiceAccount').automountServiceAccountToken).toBe(false);
  });

  test('HA added with addFlinkConfiguration() adds the RBAC', () => {
    const c = chart();
    const d = new FlinkDeployment(c, 'orders', deploymentProps({ backend: FlinkBackend.KUBERNETES }));
    d.addFlinkConfiguration('high-availability.type', 'kubernetes');
    d.addFlinkConfiguration('high-availability.storageDir', 's3://bucket/ha');
    const docs = synth(c);
    expect(find(docs, 'Role').metadata.name).toBe('orders-ha');
    expect(find(docs, 'RoleBinding').metadata.name).toBe('orders-ha');
  });

  test('a mutator that turns on HA is reported: the objects follow the props', () => {
    const c = chart();
    FlinkHooks.of(c).addMutator({
      mutateDeployment: (d: any) => ({ ...d, spec: { ...d.spec, flinkConfiguration: { ...d.spec.flinkConfiguration, ...HA } } }),
      mutateSessionJob: () => undefined,
    } as any);
    new FlinkDeployment(c, 'orders', deploymentProps({ backend: FlinkBackend.KUBERNETES }));
    expect(synthFailure(c)).toContain('[test/orders] a mutator turned on Kubernetes HA (`high-availability.type: kubernetes`): the FlinkBackend.KUBERNETES backend creates its objects from the construct\'s props');
  });

  test('a service account of the props is used, not rendered', () => {
    const c = chart();
    new FlinkDeployment(c, 'orders', deploymentProps({ backend: FlinkBackend.KUBERNETES, serviceAccount: 'shared-flink' }));
    const docs = synth(c);
    expect(docs.filter((d) => d.kind === 'ServiceAccount')).toEqual([]);
    expect(find(docs, 'Deployment', 'orders').spec.template.spec.serviceAccountName).toBe('shared-flink');
  });

  test('the ingress props render the Ingress the operator would create', () => {
    const c = chart();
    new FlinkDeployment(c, 'orders', deploymentProps({
      backend: FlinkBackend.KUBERNETES,
      ingress: { template: 'flink.example.com/{{namespace}}/{{name}}(/|$)(.*)', className: 'nginx' },
    }));
    const ingress = find(synth(c), 'Ingress', 'orders');
    expect(ingress.spec.ingressClassName).toBe('nginx');
    expect(ingress.spec.rules[0].host).toBe('flink.example.com');
    expect(ingress.spec.rules[0].http.paths[0].backend).toEqual({ service: { name: 'orders-rest', port: { number: 8081 } } });
  });

  test('pod templates reach the right pods, merged as the operator merges them', () => {
    const c = chart();
    new FlinkDeployment(c, 'orders', deploymentProps({
      backend: FlinkBackend.KUBERNETES,
      podTemplate: { metadata: { labels: { team: 'payments' } }, spec: { containers: [{ name: 'flink-main-container', env: [{ name: 'A', value: '1' }] }] } },
      jobManager: { memory: Size.mebibytes(2048), cpu: 1, podTemplate: { spec: { containers: [], nodeSelector: { pool: 'jm' } } } },
      taskManager: { memory: Size.mebibytes(2048), cpu: 1, podTemplate: { spec: { containers: [], nodeSelector: { pool: 'tm' } } } },
    }));
    const docs = synth(c);
    const jm = find(docs, 'Deployment', 'orders').spec.template;
    const tm = find(docs, 'Deployment', 'orders-taskmanager').spec.template;
    expect(jm.spec.nodeSelector).toEqual({ pool: 'jm' });
    expect(tm.spec.nodeSelector).toEqual({ pool: 'tm' });
    expect(jm.metadata.labels).toMatchObject({ team: 'payments', app: 'orders', component: 'jobmanager' });
    expect(mainContainer({ spec: { template: tm } }).env).toEqual([{ name: 'A', value: '1' }]);
  });

  test('secret env reaches the Flink containers of both processes', () => {
    const c = chart();
    const d = new FlinkDeployment(c, 'orders', deploymentProps({ backend: FlinkBackend.KUBERNETES }));
    d.addSecretEnv('AWS_SECRET_ACCESS_KEY', 's3-credentials', 'secret-key');
    const docs = synth(c);
    for (const name of ['orders', 'orders-taskmanager']) {
      expect(mainContainer(find(docs, 'Deployment', name)).env).toContainEqual({ name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 's3-credentials', key: 'secret-key' } } });
    }
    expect(JSON.stringify(find(docs, 'ConfigMap'))).not.toContain('secret-key');
  });

  test.each([
    ['savepointTriggerNonce', { savepointTriggerNonce: 1 }, 'spec.job.savepointTriggerNonce: 1 cannot be rendered by the FlinkBackend.KUBERNETES backend (an operator triggers the savepoint'],
    ['upgradeMode savepoint', { upgradeMode: UpgradeMode.SAVEPOINT }, 'spec.job.upgradeMode: "savepoint" cannot be rendered by the FlinkBackend.KUBERNETES backend'],
    ['last-state without HA', { upgradeMode: UpgradeMode.LAST_STATE }, 'spec.job.upgradeMode: "last-state" cannot be rendered by the FlinkBackend.KUBERNETES backend (a JobManager restarts from the latest checkpoint only with high availability'],
    ['autoscalerResetNonce', { autoscalerResetNonce: 2 }, 'spec.job.autoscalerResetNonce: 2 cannot be rendered'],
  ])('%s is an error naming the field and the backend', (_name, job, message) => {
    const c = chart();
    new FlinkDeployment(c, 'orders', deploymentProps({ backend: FlinkBackend.KUBERNETES, flinkConfiguration: STATE_DIRS, job: { jarUri: STATE_MACHINE_JAR, parallelism: 2, ...job } }));
    expect(synthFailure(c)).toContain(`[test/orders] ${message}`);
  });

  test('native mode is an error; standalone mode is what the backend renders', () => {
    const native = chart();
    new FlinkDeployment(native, 'orders', deploymentProps({ backend: FlinkBackend.KUBERNETES, mode: DeploymentMode.NATIVE }));
    expect(synthFailure(native)).toContain('spec.mode: "native" cannot be rendered by the FlinkBackend.KUBERNETES backend');
    const standalone = chart();
    new FlinkDeployment(standalone, 'orders', deploymentProps({ backend: FlinkBackend.KUBERNETES, mode: DeploymentMode.STANDALONE }));
    expect(synth(standalone)).toHaveLength(6);
  });

  test('Kubernetes HA without a namespace is an error', () => {
    const c = new Chart(Testing.app(), 'test');
    new FlinkDeployment(c, 'orders', deploymentProps({ backend: FlinkBackend.KUBERNETES, flinkConfiguration: HA }));
    expect(synthFailure(c)).toContain('metadata.namespace: undefined cannot be rendered by the FlinkBackend.KUBERNETES backend (Kubernetes HA keeps its ConfigMaps in `kubernetes.namespace`');
  });

  test('the upstream validator still runs: standby JobManagers need HA', () => {
    const c = chart();
    new FlinkDeployment(c, 'orders', deploymentProps({ backend: FlinkBackend.KUBERNETES, jobManager: { memory: Size.mebibytes(2048), cpu: 1, replicas: 2 } }));
    expect(synthFailure(c)).toContain('High availability should be enabled when starting standby JobManagers.');
  });

  test('an invalid backend is an error naming the prop', () => {
    const c = chart();
    new FlinkDeployment(c, 'x', deploymentProps({ backend: 'helm' as any }));
    expect(synthErrors(c)).toMatch(/^\[test\/x\] backend: must be one of "apache-operator"/);
  });

  test('state snapshots need the Apache operator', () => {
    const c = chart();
    const d = new FlinkDeployment(c, 'orders', deploymentProps({ backend: FlinkBackend.KUBERNETES, job: { jarUri: STATE_MACHINE_JAR, parallelism: 2 } }));
    d.addSavepoint('sp');
    expect(synthErrors(c)).toMatch("[test/orders/sp] job: 'orders' is rendered by the FlinkBackend.KUBERNETES backend: FlinkStateSnapshots need FlinkBackend.APACHE_OPERATOR");
  });
});

describe('FlinkBackend.KUBERNETES Python jobs', () => {
  test('an application cluster runs PythonDriver with -py and the Python options in its configuration', () => {
    const c = chart();
    new FlinkDeployment(c, 'py', deploymentProps({
      backend: FlinkBackend.KUBERNETES,
      job: {
        source: FlinkJob.python({ pyFile: '/opt/flink/usrlib/wc.py', pyFiles: ['/opt/flink/usrlib/lib.zip'], pythonExecutable: 'python3', args: ['--out', 's3://o'] }),
        parallelism: 1,
      },
    }));
    const docs = synth(c);
    expect(mainContainer(find(docs, 'Deployment', 'py')).args).toEqual([
      'standalone-job', '--job-classname', 'org.apache.flink.client.python.PythonDriver', '--', '-py', '/opt/flink/usrlib/wc.py', '--out', 's3://o',
    ]);
    expect(parse(find(docs, 'ConfigMap').data['config.yaml'])).toMatchObject({ 'python.files': '/opt/flink/usrlib/lib.zip', 'python.executable': 'python3' });
  });

  test('a module job runs with -pym', () => {
    const c = chart();
    new FlinkDeployment(c, 'py', deploymentProps({ backend: FlinkBackend.KUBERNETES, job: { source: FlinkJob.python({ pyModule: 'jobs.wc' }), parallelism: 1 } }));
    expect(mainContainer(find(synth(c), 'Deployment', 'py')).args.slice(-3)).toEqual(['--', '-pym', 'jobs.wc']);
  });
});

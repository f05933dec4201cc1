import * as fc from 'fast-check';
import { toFlinkCluster } from '../../../src/render/spotify/_flink-cluster';

const BASE = {
  image: 'flink:1.20',
  flinkVersion: 'v1_20',
  jobManager: { resource: { memory: '2048m', cpu: 1 } },
  taskManager: { resource: { memory: '2048m', cpu: 1 } },
};

/** An IR FlinkDeployment manifest: the base spec with `spec` laid over it. */
function deployment(spec: Record<string, any> = {}, metadata: Record<string, any> = { name: 'my-flink' }): any {
  return { apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkDeployment', metadata, spec: { ...BASE, ...spec } };
}

function render(spec: Record<string, any> = {}, metadata?: Record<string, any>) {
  return toFlinkCluster(deployment(spec, metadata));
}

/** The FlinkCluster spec of a manifest that renders without errors. */
function clusterSpec(spec: Record<string, any> = {}): any {
  const { cluster, errors } = render(spec);
  expect(errors).toEqual([]);
  return cluster.spec;
}

/** The one error of a manifest. */
function onlyError(spec: Record<string, any>, metadata?: Record<string, any>): string {
  const { errors } = render(spec, metadata);
  expect(errors).toHaveLength(1);
  return errors[0];
}

const unsupported = (field: string, value: string, why: string) =>
  `${field}: ${value} cannot be rendered by the FlinkBackend.SPOTIFY_OPERATOR backend (${why})`;

describe('metadata and top-level fields', () => {
  test('a session cluster: kind, metadata, image, version, service account, resources, slots', () => {
    const { cluster, errors } = render({ serviceAccount: 'flink' },
      { name: 'my-flink', namespace: 'flink', labels: { team: 'a' }, annotations: { note: 'x' } });
    expect(errors).toEqual([]);
    expect(cluster).toEqual({
      apiVersion: 'flinkoperator.k8s.io/v1beta1',
      kind: 'FlinkCluster',
      metadata: { name: 'my-flink', namespace: 'flink', labels: { team: 'a' }, annotations: { note: 'x' } },
      spec: {
        flinkVersion: '1.20',
        image: { name: 'flink:1.20', pullPolicy: 'IfNotPresent' },
        serviceAccountName: 'flink',
        jobManager: {
          resources: { requests: { cpu: '1', memory: '2048Mi' }, limits: { cpu: '1', memory: '2048Mi' } },
          memoryProcessRatio: 100,
        },
        taskManager: {
          replicas: 1,
          resources: { requests: { cpu: '1', memory: '2048Mi' }, limits: { cpu: '1', memory: '2048Mi' } },
          memoryProcessRatio: 100,
        },
        flinkProperties: { 'taskmanager.numberOfTaskSlots': '1' },
      },
    });
  });

  test.each([['v1_18', '1.18'], ['v1_13', '1.13'], ['v2_0', '2.0'], ['v2_2', '2.2']])('flinkVersion %s is %j', (version, expected) => {
    expect(clusterSpec({ flinkVersion: version }).flinkVersion).toBe(expected);
  });

  test('a missing version or image is an error', () => {
    expect(onlyError({ flinkVersion: undefined })).toBe(unsupported('spec.flinkVersion', 'undefined', 'the FlinkCluster needs the Flink version, e.g. FlinkVersion.V1_20'));
    expect(onlyError({ image: undefined })).toBe(unsupported('spec.image', 'undefined', 'the FlinkCluster needs the Flink image'));
  });

  test.each([
    ['flink:1.20', undefined, 'IfNotPresent'],
    ['flink', undefined, 'Always'],
    ['flink:latest', undefined, 'Always'],
    ['registry:5000/flink', undefined, 'Always'],
    ['registry:5000/flink:1.20', undefined, 'IfNotPresent'],
    ['flink@sha256:abc', undefined, 'IfNotPresent'],
    ['flink:1.20', 'Always', 'Always'],
    ['flink:latest', 'Never', 'Never'],
  ])('image %s with imagePullPolicy %s pulls %s (Kubernetes\' default, not the CRD\'s Always)', (image, imagePullPolicy, pullPolicy) => {
    expect(clusterSpec({ image, imagePullPolicy }).image).toEqual({ name: image, pullPolicy });
  });

  test('logConfiguration is logConfig', () => {
    const logConfiguration = { 'log4j-console.properties': 'rootLogger.level = INFO\n', 'logback-console.xml': '<configuration/>' };
    expect(clusterSpec({ logConfiguration }).logConfig).toEqual(logConfiguration);
  });

  test('mode standalone (or none) renders; native, restartNonce and unknown fields are errors', () => {
    expect(clusterSpec({ mode: 'standalone' }).flinkVersion).toBe('1.20');
    expect(onlyError({ mode: 'native' })).toBe(unsupported('spec.mode', '"native"',
      'the spotify operator runs Flink in standalone mode: use DeploymentMode.STANDALONE or leave the mode unset'));
    expect(onlyError({ restartNonce: 3 })).toBe(unsupported('spec.restartNonce', '3',
      'the spotify operator has no restart trigger; it restarts the cluster when its spec changes, e.g. a pod annotation'));
    expect(onlyError({ future: true })).toBe(unsupported('spec.future', 'true', 'the FlinkCluster has no such field'));
  });
});

describe('flinkConfiguration', () => {
  test('nested and flat keys become string flinkProperties', () => {
    const spec = clusterSpec({ flinkConfiguration: { 'taskmanager.numberOfTaskSlots': 2, 'state': { backend: { type: 'rocksdb' } }, 'pipeline.jars': ['a.jar', 'b.jar'] } });
    expect(spec.flinkProperties).toEqual({ 'pipeline.jars': 'a.jar;b.jar', 'state.backend.type': 'rocksdb', 'taskmanager.numberOfTaskSlots': '2' });
  });

  test('the ports the spotify operator owns become port fields', () => {
    const spec = clusterSpec({
      flinkConfiguration: {
        'rest.port': '8082',
        'jobmanager.rpc.port': '7123',
        'blob.server.port': '7124',
        'query.server.port': '7125',
        'taskmanager.rpc.port': '7122',
        'taskmanager.data.port': '7121',
      },
    });
    expect(spec.jobManager.ports).toEqual({ ui: 8082, rpc: 7123, blob: 7124, query: 7125 });
    expect(spec.taskManager.ports).toEqual({ rpc: 7122, data: 7121 });
    // Flink needs the data port to bind it; the operator sets the others itself.
    expect(spec.flinkProperties).toEqual({ 'taskmanager.data.port': '7121', 'taskmanager.numberOfTaskSlots': '1' });
  });

  test('a port range or random port cannot be a container port (the data port may be random)', () => {
    expect(render({ flinkConfiguration: { 'blob.server.port': '50100-50200', 'taskmanager.rpc.port': '0', 'taskmanager.data.port': '0' } }).errors).toEqual([
      unsupported('spec.flinkConfiguration.blob.server.port', '"50100-50200"',
        'the FlinkCluster declares the jobManager blob port as one fixed number (spec.jobManager.ports.blob): give a port from 1 to 65535'),
      unsupported('spec.flinkConfiguration.taskmanager.rpc.port', '"0"',
        'the FlinkCluster declares the taskManager rpc port as one fixed number (spec.taskManager.ports.rpc): give a port from 1 to 65535'),
    ]);
  });

  test('settings of the Flink Kubernetes Operator and the JobManager address are errors', () => {
    const why = 'a setting of the Flink Kubernetes Operator, which the spotify operator does not have: remove it for this backend';
    expect(render({
      flinkConfiguration: { 'kubernetes.operator.periodic.savepoint.interval': '1h', 'job.autoscaler.enabled': 'true', 'jobmanager.rpc.address': 'x' },
    }).errors).toEqual([
      unsupported('spec.flinkConfiguration.job.autoscaler.enabled', '"true"', why),
      unsupported('spec.flinkConfiguration.jobmanager.rpc.address', '"x"', 'the spotify operator sets it to its JobManager service'),
      unsupported('spec.flinkConfiguration.kubernetes.operator.periodic.savepoint.interval', '"1h"', why),
    ]);
  });
});

describe('JobManager and TaskManager', () => {
  test.each([
    ['2048m', '2048Mi'], ['2g', '2048Mi'], ['2G', '2048Mi'], ['1536k', '1536Ki'], ['1073741824', '1024Mi'], ['1000', '1000'],
    ['2Gi', '2Gi'], ['1.5Gi', '1.5Gi'], ['2 gb', '2048Mi'],
  ])('memory %s is the container memory %s; the process gets all of it', (memory, quantity) => {
    const spec = clusterSpec({ taskManager: { resource: { memory, cpu: 0.5 } } });
    expect(spec.taskManager.resources).toEqual({ requests: { cpu: '0.5', memory: quantity }, limits: { cpu: '0.5', memory: quantity } });
    expect(spec.taskManager.memoryProcessRatio).toBe(100);
  });

  test('without resource memory, the configured process size sizes the container; without either, the CRD defaults apply', () => {
    const spec = clusterSpec({ jobManager: { resource: { cpu: 2 } }, taskManager: {}, flinkConfiguration: { 'jobmanager.memory.process.size': '1g' } });
    expect(spec.jobManager).toEqual({
      resources: { requests: { cpu: '2', memory: '1024Mi' }, limits: { cpu: '2', memory: '1024Mi' } }, memoryProcessRatio: 100,
    });
    expect(spec.taskManager).toEqual({ replicas: 1 });
  });

  test('ephemeral storage is a resource too; a memory that is no size is an error', () => {
    const spec = clusterSpec({ jobManager: { resource: { memory: '1g', cpu: 1, ephemeralStorage: '10Gi' } } });
    expect(spec.jobManager.resources.limits).toEqual({ 'cpu': '1', 'memory': '1024Mi', 'ephemeral-storage': '10Gi' });
    expect(onlyError({ taskManager: { resource: { memory: 'lots' } } })).toBe(unsupported('spec.taskManager.resource.memory', '"lots"',
      'the container memory must be a Flink memory size (2048m) or a Kubernetes quantity (2Gi)'));
  });

  test('a configured process size that is no size is an error too', () => {
    expect(onlyError({ taskManager: {}, flinkConfiguration: { 'taskmanager.memory.process.size': 'lots' } })).toBe(
      unsupported('spec.flinkConfiguration.taskmanager.memory.process.size', '"lots"',
        'the container memory must be a Flink memory size (2048m) or a Kubernetes quantity (2Gi)'));
  });

  test('the main container\'s other resources alone make the resources', () => {
    const spec = clusterSpec({
      taskManager: {},
      podTemplate: { spec: { containers: [{ name: 'flink-main-container', resources: { requests: { 'example.com/fpga': '1' } } }] } },
    });
    expect(spec.taskManager.resources).toEqual({ requests: { 'example.com/fpga': '1' } });
  });

  test('one JobManager; more is an error', () => {
    expect(clusterSpec({ jobManager: { ...BASE.jobManager, replicas: 1 } }).jobManager.replicas).toBe(1);
    expect(onlyError({ jobManager: { ...BASE.jobManager, replicas: 2 } })).toBe(unsupported('spec.jobManager.replicas', '2',
      'the spotify operator runs one JobManager; with Kubernetes HA, Kubernetes restarts it'));
  });

  test.each([
    [{ replicas: 4 }, {}, undefined, 4],
    [{}, { 'taskmanager.numberOfTaskSlots': '2' }, 5, 3],
    [{}, {}, 5, 5],
    [{}, { 'parallelism.default': '6', 'taskmanager.numberOfTaskSlots': '4' }, undefined, 2],
    [{}, {}, undefined, 1],
  ])('TaskManager replicas: %j with %j and parallelism %s give %s', (taskManager, flinkConfiguration, parallelism, replicas) => {
    const job = parallelism === undefined ? undefined : { jarURI: 'local:///opt/flink/usrlib/job.jar', parallelism };
    const spec = clusterSpec({ taskManager: { ...BASE.taskManager, ...taskManager }, flinkConfiguration, job });
    expect(spec.taskManager.replicas).toBe(replicas);
  });

  test('unknown process and resource fields are errors', () => {
    expect(render({ taskManager: { resource: { cpu: 1, memory: '1g', gpu: 1 }, autoscale: true } }).errors).toEqual([
      unsupported('spec.taskManager.autoscale', 'true', 'the FlinkCluster taskManager has no such field'),
      unsupported('spec.taskManager.resource.gpu', '1', 'the FlinkCluster takes cpu, memory and ephemeral storage only'),
    ]);
  });
});

describe('pod templates', () => {
  const restrictedTemplate = {
    spec: {
      securityContext: { runAsNonRoot: true, runAsUser: 9999, runAsGroup: 9999, fsGroup: 9999, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [{ name: 'flink-main-container', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true } }],
    },
  };

  test('the library\'s restricted defaults: the pod settings reach every pod, the container settings are an error', () => {
    const { cluster, errors } = render({ podTemplate: restrictedTemplate, job: { jarURI: 'local:///opt/flink/usrlib/job.jar' } });
    const podSecurity = restrictedTemplate.spec.securityContext;
    expect(cluster.spec.jobManager.securityContext).toEqual(podSecurity);
    expect(cluster.spec.taskManager.securityContext).toEqual(podSecurity);
    expect(cluster.spec.job.securityContext).toEqual(podSecurity);
    expect(errors).toEqual([unsupported('spec.podTemplate.spec.containers[0].securityContext',
      '{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]}}',
      "the FlinkCluster has no securityContext for the Flink containers, only the pods' (runAs*, seccompProfile, seLinuxOptions, "
      + 'appArmorProfile, windowsOptions); its JobManager, TaskManager and job submitter containers cannot drop capabilities or forbid '
      + "privilege escalation, which Pod Security 'restricted' requires: run them in a namespace at Pod Security 'baseline' with "
      + 'podSecurity: PodSecurity.CUSTOM')]);
  });

  test('container settings the pod can hold go to the pod; defaults are no loss; conflicts are errors', () => {
    const spec = clusterSpec({
      podTemplate: { spec: { containers: [{ name: 'flink-main-container', securityContext: { runAsUser: 1000, privileged: false, readOnlyRootFilesystem: false } }] } },
    });
    expect(spec.jobManager.securityContext).toEqual({ runAsUser: 1000 });
    expect(onlyError({
      podTemplate: { spec: { securityContext: { runAsUser: 9999 }, containers: [{ name: 'flink-main-container', securityContext: { runAsUser: 1000 } }] } },
    })).toBe(unsupported('spec.podTemplate.spec.containers[flink-main-container].securityContext.runAsUser', '1000',
      "the pod's securityContext.runAsUser is 9999; the FlinkCluster has no per-container security context: set one value in the pod's"));
  });

  test('pod and main container pieces reach the JobManager, TaskManager and job submitter fields', () => {
    const volume = { name: 'data', emptyDir: {} };
    const mount = { name: 'data', mountPath: '/data' };
    const init = { name: 'fetch', image: 'busybox', command: ['true'] };
    const sidecar = { name: 'logs', image: 'fluent-bit' };
    const spec = clusterSpec({
      podTemplate: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { labels: { team: 'a' }, annotations: { 'prometheus.io/scrape': 'true' } },
        spec: {
          volumes: [volume],
          initContainers: [init],
          nodeSelector: { pool: 'flink' },
          tolerations: [{ key: 'flink', operator: 'Exists' }],
          affinity: { nodeAffinity: {} },
          hostAliases: [{ ip: '10.0.0.1', hostnames: ['db'] }],
          imagePullSecrets: [{ name: 'registry' }],
          containers: [
            {
              name: 'flink-main-container',
              env: [{ name: 'A', value: '1' }],
              envFrom: [{ secretRef: { name: 's' } }],
              volumeMounts: [mount],
              ports: [{ name: 'metrics', containerPort: 9249, protocol: 'TCP' }],
              resources: { limits: { 'nvidia.com/gpu': '1', 'memory': '1Gi' } },
              livenessProbe: { tcpSocket: { port: 6123 } },
              readinessProbe: { tcpSocket: { port: 6123 }, periodSeconds: 3 },
            },
            sidecar,
          ],
        },
      },
      job: { jarURI: 'local:///data/job.jar' },
    });
    const pod = {
      volumes: [volume],
      volumeMounts: [mount],
      initContainers: [init],
      nodeSelector: { pool: 'flink' },
      tolerations: [{ key: 'flink', operator: 'Exists' }],
      affinity: { nodeAffinity: {} },
      hostAliases: [{ ip: '10.0.0.1', hostnames: ['db'] }],
      podLabels: { team: 'a' },
      podAnnotations: { 'prometheus.io/scrape': 'true' },
    };
    for (const process of [spec.jobManager, spec.taskManager]) {
      expect(process).toMatchObject({
        ...pod,
        sidecars: [sidecar],
        extraPorts: [{ name: 'metrics', containerPort: 9249, protocol: 'TCP' }],
        livenessProbe: { tcpSocket: { port: 6123 } },
        readinessProbe: { tcpSocket: { port: 6123 }, periodSeconds: 3 },
        // The process's memory wins over the template's, as with the Flink Kubernetes Operator.
        resources: {
          requests: { cpu: '1', memory: '2048Mi' },
          limits: { 'nvidia.com/gpu': '1', 'cpu': '1', 'memory': '2048Mi' },
        },
      });
    }
    expect(spec.job).toEqual({ jarFile: '/data/job.jar', ...pod });
    expect(spec.envVars).toEqual([{ name: 'A', value: '1' }]);
    expect(spec.envFrom).toEqual([{ secretRef: { name: 's' } }]);
    expect(spec.image.pullSecrets).toEqual([{ name: 'registry' }]);
  });

  test('a process template is merged over the deployment\'s, by position, as the Flink Kubernetes Operator merges them', () => {
    const spec = clusterSpec({
      podTemplate: { spec: { nodeSelector: { pool: 'flink' }, containers: [{ name: 'flink-main-container', volumeMounts: [{ name: 'a', mountPath: '/a' }] }] } },
      taskManager: {
        ...BASE.taskManager,
        podTemplate: {
          metadata: { labels: { role: 'tm' } },
          spec: {
            nodeSelector: { disk: 'ssd' },
            containers: [{ name: 'flink-main-container', volumeMounts: [{ name: 'a', mountPath: '/b' }, { name: 'c', mountPath: '/c' }] }],
          },
        },
      },
    });
    expect(spec.jobManager).toMatchObject({ nodeSelector: { pool: 'flink' }, volumeMounts: [{ name: 'a', mountPath: '/a' }] });
    expect(spec.jobManager.podLabels).toBeUndefined();
    expect(spec.taskManager).toMatchObject({
      podLabels: { role: 'tm' },
      nodeSelector: { pool: 'flink', disk: 'ssd' },
      volumeMounts: [{ name: 'a', mountPath: '/b' }, { name: 'c', mountPath: '/c' }],
    });
  });

  test('the job submitter runs the job\'s main: it gets the JobManager\'s settings, e.g. the init container fetching the jar', () => {
    const init = { name: 'fetch', image: 'busybox', command: ['wget', '-O', '/jars/job.jar', 'https://example.com/job.jar'] };
    const spec = clusterSpec({
      podTemplate: { spec: { volumes: [{ name: 'jars', emptyDir: {} }], containers: [{ name: 'flink-main-container', volumeMounts: [{ name: 'jars', mountPath: '/jars' }] }] } },
      jobManager: { ...BASE.jobManager, podTemplate: { spec: { initContainers: [init] } } },
      job: { jarURI: 'local:///jars/job.jar', entryClass: 'com.example.Job' },
    });
    expect(spec.job).toEqual({
      jarFile: '/jars/job.jar',
      className: 'com.example.Job',
      volumes: [{ name: 'jars', emptyDir: {} }],
      volumeMounts: [{ name: 'jars', mountPath: '/jars' }],
      initContainers: [init],
    });
    expect(spec.taskManager.initContainers).toBeUndefined();
  });

  test('settings of all pods must not differ between JobManager and TaskManager', () => {
    const { cluster, errors } = render({
      podTemplate: { spec: { containers: [{ name: 'flink-main-container', env: [{ name: 'A', value: 'common' }] }] } },
      jobManager: { ...BASE.jobManager, podTemplate: { spec: { imagePullSecrets: [{ name: 'jm' }], containers: [{ name: 'flink-main-container', env: [{ name: 'A', value: 'jm' }] }] } } },
    });
    expect(errors).toEqual([
      unsupported('spec.jobManager.podTemplate.spec.containers[0].env', '[{"name":"A","value":"jm"}]',
        'the FlinkCluster has one spec.envVars for all its pods: set env in spec.podTemplate'),
      unsupported('spec.jobManager.podTemplate.spec.imagePullSecrets', '[{"name":"jm"}]',
        'the FlinkCluster has one spec.image.pullSecrets for all its pods: set imagePullSecrets in spec.podTemplate'),
    ]);
    expect(cluster.spec.envVars).toEqual([{ name: 'A', value: 'common' }]);
    expect(cluster.spec.image.pullSecrets).toBeUndefined();
  });

  test('a pod template\'s service account must be the deployment\'s', () => {
    expect(clusterSpec({ serviceAccount: 'flink', podTemplate: { spec: { serviceAccountName: 'flink' } } }).serviceAccountName).toBe('flink');
    expect(onlyError({ serviceAccount: 'flink', podTemplate: { spec: { serviceAccountName: 'other' } } })).toBe(
      unsupported('spec.podTemplate.spec.serviceAccountName', '"other"', 'the FlinkCluster has one service account for all its pods: set spec.serviceAccount'));
  });

  test('what a pod template holds beyond that is an error, by its field', () => {
    const { errors } = render({
      podTemplate: {
        status: {},
        metadata: { name: 'x' },
        spec: {
          priorityClassName: 'high',
          containers: [{ name: 'flink-main-container', image: 'other', args: ['x'], ports: [{ containerPort: 80, hostPort: 80 }], resources: { claims: [{ name: 'gpu' }] } }],
        },
      },
      taskManager: { ...BASE.taskManager, podTemplate: { spec: { hostNetwork: true } } },
    });
    expect(errors).toEqual([
      unsupported('spec.podTemplate.metadata.name', '"x"', 'a FlinkCluster sets only labels and annotations on its pods (podLabels, podAnnotations)'),
      unsupported('spec.podTemplate.spec.containers[0].args', '["x"]', 'the FlinkCluster sets the Flink container itself and takes only env, envFrom, '
        + 'volumeMounts, resources, ports, livenessProbe, readinessProbe and pod-level securityContext settings from it'),
      unsupported('spec.podTemplate.spec.containers[0].image', '"other"', 'the FlinkCluster sets the Flink container itself and takes only env, envFrom, '
        + 'volumeMounts, resources, ports, livenessProbe, readinessProbe and pod-level securityContext settings from it'),
      unsupported('spec.podTemplate.spec.containers[0].ports[0].hostPort', '80',
        'the FlinkCluster exposes extra ports of the Flink container by name, number and protocol only (extraPorts)'),
      unsupported('spec.podTemplate.spec.containers[0].resources.claims', '[{"name":"gpu"}]', 'the FlinkCluster takes only requests and limits of the Flink container'),
      unsupported('spec.podTemplate.spec.priorityClassName', '"high"', 'the FlinkCluster has no such pod field: it offers volumes, securityContext, '
        + 'nodeSelector, tolerations, affinity, hostAliases, imagePullSecrets, initContainers and sidecar containers'),
      unsupported('spec.podTemplate.status', '{}', 'a FlinkCluster takes only metadata and spec from a pod template'),
      unsupported('spec.taskManager.podTemplate.spec.hostNetwork', 'true', 'the FlinkCluster has no such pod field: it offers volumes, securityContext, '
        + 'nodeSelector, tolerations, affinity, hostAliases, imagePullSecrets, initContainers and sidecar containers'),
    ]);
  });
});

describe('the job', () => {
  test.each([
    ['local:///opt/flink/usrlib/job.jar', '/opt/flink/usrlib/job.jar'],
    ['file:///opt/flink/usrlib/job.jar', '/opt/flink/usrlib/job.jar'],
    ['https://repo.example.com/job.jar', 'https://repo.example.com/job.jar'],
    ['gs://bucket/job.jar', 'gs://bucket/job.jar'],
  ])('jarURI %s is jarFile %s', (jarURI, jarFile) => {
    expect(clusterSpec({ job: { jarURI } }).job).toEqual({ jarFile });
  });

  test('every job field', () => {
    const job = clusterSpec({
      flinkConfiguration: { 'state.savepoints.dir': 's3://bucket/savepoints', 'kubernetes.operator.savepoint.format.type': 'NATIVE' },
      job: {
        jarURI: 'local:///opt/flink/usrlib/job.jar',
        entryClass: 'com.example.Job',
        args: ['--input', 'x'],
        parallelism: 4,
        initialSavepointPath: 's3://bucket/savepoints/sp-1',
        allowNonRestoredState: true,
        upgradeMode: 'savepoint',
        state: 'suspended',
      },
    }).job;
    expect(job).toEqual({
      jarFile: '/opt/flink/usrlib/job.jar',
      className: 'com.example.Job',
      args: ['--input', 'x'],
      fromSavepoint: 's3://bucket/savepoints/sp-1',
      allowNonRestoredState: true,
      savepointsDir: 's3://bucket/savepoints',
      savepointFormatType: 'NATIVE',
      takeSavepointOnUpdate: true,
      parallelism: 4,
      cancelRequested: true,
    });
  });

  test('the savepoint directory under its current key; stateless and running add nothing', () => {
    const spec = clusterSpec({
      flinkConfiguration: { 'execution.checkpointing.savepoint-dir': 's3://b/sp' },
      job: { jarURI: 'local:///j.jar', upgradeMode: 'stateless', state: 'running' },
    });
    expect(spec.job).toEqual({ jarFile: '/j.jar', savepointsDir: 's3://b/sp' });
    expect(spec.flinkProperties['execution.checkpointing.savepoint-dir']).toBe('s3://b/sp');
  });

  test('a job on the image\'s classpath (entry class, no jar) runs in Application mode; neither is an error', () => {
    expect(clusterSpec({ job: { entryClass: 'com.example.Job' } }).job).toEqual({ className: 'com.example.Job', mode: 'Application' });
    expect(onlyError({ job: { parallelism: 1 } })).toBe(unsupported('spec.job.jarURI', 'undefined',
      "the spotify operator needs the job jar (jarFile), or the entry class of a job on the image's classpath (Application mode)"));
  });

  test.each([
    ['upgradeMode', 'last-state', '"last-state"', 'the spotify operator restores jobs from savepoints only: use UpgradeMode.SAVEPOINT with a savepoint directory'],
    ['savepointTriggerNonce', 1, '1', 'the spotify operator has no savepoint trigger in the spec: it takes savepoints on update, when '
      + "spec.job.savepointGeneration is raised, or on the 'flinkclusters.flinkoperator.k8s.io/user-control: savepoint' annotation"],
    ['checkpointTriggerNonce', 1, '1', 'the spotify operator cannot trigger checkpoints'],
    ['savepointRedeployNonce', 1, '1', 'the spotify operator redeploys from a savepoint when spec.job.fromSavepoint changes: change initialSavepointPath instead'],
    ['autoscalerResetNonce', 1, '1', 'the spotify operator has no autoscaler'],
    ['priority', 'high', '"high"', 'the FlinkCluster job has no such field'],
  ])('spec.job.%s is an error', (field, value, described, why) => {
    const { cluster, errors } = render({ job: { jarURI: 'local:///j.jar', [field]: value } });
    expect(errors).toEqual([unsupported(`spec.job.${field}`, described, why)]);
    expect(cluster.spec.job).toEqual({ jarFile: '/j.jar' });
  });

  test('a savepoint format type of a session cluster has no job to go to', () => {
    expect(onlyError({ flinkConfiguration: { 'kubernetes.operator.savepoint.format.type': 'CANONICAL' } })).toContain(
      'spec.flinkConfiguration.kubernetes.operator.savepoint.format.type: "CANONICAL" cannot be rendered');
  });
});

describe('PyFlink jobs', () => {
  const driver = 'org.apache.flink.client.python.PythonDriver';

  test('-py: pyFile, python.files: pyFiles, the rest of the args are the program\'s; other python.* keys stay', () => {
    const spec = clusterSpec({
      flinkConfiguration: { 'python.files': '/opt/a.zip,/opt/b.py', 'python.archives': 'venv.zip', 'python.executable': 'venv.zip/bin/python' },
      job: { entryClass: driver, args: ['-py', '/opt/flink/usrlib/job.py', '--input', 'x'], parallelism: 1 },
    });
    expect(spec.job).toEqual({ pyFile: '/opt/flink/usrlib/job.py', pyFiles: '/opt/a.zip,/opt/b.py', args: ['--input', 'x'], parallelism: 1 });
    expect(spec.flinkProperties).toEqual({
      'python.archives': 'venv.zip', 'python.executable': 'venv.zip/bin/python', 'taskmanager.numberOfTaskSlots': '1',
    });
  });

  test('-pym: pyModule; no className, no jarFile', () => {
    const spec = clusterSpec({ flinkConfiguration: { 'python.files': '/opt/lib.zip' }, job: { entryClass: driver, args: ['-pym', 'jobs.main'] } });
    expect(spec.job).toEqual({ pyModule: 'jobs.main', pyFiles: '/opt/lib.zip' });
  });

  test('driver options win over the configuration, as on Flink\'s command line; the flink-python jar is not needed', () => {
    const spec = clusterSpec({
      flinkConfiguration: { 'python.files': '/opt/old.zip', 'python.client.executable': 'python' },
      job: {
        jarURI: 'local:///opt/flink/opt/flink-python_2.12-1.16.1.jar',
        entryClass: driver,
        args: ['-pyclientexec', '/usr/local/bin/python3', '--pyFiles=/opt/new.zip', '-py', '/opt/job.py', '-pyexec', 'python3', '--', 'x'],
      },
    });
    expect(spec.job).toEqual({ pyFile: '/opt/job.py', pyFiles: '/opt/new.zip', args: ['--', 'x'] });
    expect(spec.flinkProperties).toEqual({
      'python.client.executable': '/usr/local/bin/python3', 'python.executable': 'python3', 'taskmanager.numberOfTaskSlots': '1',
    });
  });

  test('a PyFlink job without -py or -pym, or with another jar, is an error', () => {
    expect(onlyError({ job: { entryClass: driver } })).toBe(unsupported('spec.job.args', 'undefined',
      'a PyFlink job on the spotify operator needs its program as "-py <file.py>" or "-pym <module>" in the PythonDriver arguments'));
    expect(onlyError({ job: { entryClass: driver, args: ['-py'] } })).toContain('spec.job.args: ["-py"] cannot be rendered');
    expect(onlyError({ job: { entryClass: driver, args: ['--input', 'x'] } })).toBe(unsupported('spec.job.args', '["--input","x"]',
      'a PyFlink job on the spotify operator needs its program as "-py <file.py>" or "-pym <module>" in the PythonDriver arguments'));
    expect(onlyError({ job: { entryClass: driver, jarURI: 'local:///opt/udfs.jar', args: ['-py', 'a.py'] } })).toBe(
      unsupported('spec.job.jarURI', '"local:///opt/udfs.jar"', 'the spotify operator runs PyFlink jobs with `flink run --python`, which takes no jar: '
        + 'add jars through the pipeline.jars or pipeline.classpaths configuration'));
  });
});

describe('the ingress', () => {
  test('a host template is the host format; annotations and one TLS entry for the host are kept', () => {
    const spec = clusterSpec({
      ingress: {
        template: 'https://{{name}}.flink.example.com/',
        annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
        tls: [{ hosts: ['my-flink.flink.example.com'], secretName: 'tls' }],
      },
    });
    expect(spec.jobManager.ingress).toEqual({
      hostFormat: 'my-flink.flink.example.com', annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' }, useTls: true, tlsSecretName: 'tls',
    });
  });

  test('{{namespace}} needs the namespace of the resource', () => {
    const ingress = { template: '{{name}}.{{NAMESPACE}}.example.com', tls: [{}] };
    expect(toFlinkCluster(deployment({ ingress }, { name: 'a', namespace: 'flink' })).cluster.spec.jobManager.ingress).toEqual({
      hostFormat: 'a.flink.example.com', useTls: true,
    });
    expect(onlyError({ ingress })).toBe(unsupported('spec.ingress.template', '"{{name}}.{{NAMESPACE}}.example.com"', 'the FlinkCluster host format knows '
      + 'only the cluster name, and the namespace is not known at synth time: set the namespace of the resource'));
  });

  test('paths, classes, labels, several or other TLS hosts are errors', () => {
    const why = 'the FlinkCluster ingress routes a whole host (path /) to the JobManager UI: use a host template such as "{{name}}.flink.example.com"';
    expect(onlyError({ ingress: { template: '/{{name}}(/|$)(.*)' } })).toBe(unsupported('spec.ingress.template', '"/{{name}}(/|$)(.*)"', why));
    expect(onlyError({ ingress: { template: 'example.com/{{name}}' } })).toBe(unsupported('spec.ingress.template', '"example.com/{{name}}"', why));
    const { cluster, errors } = render({
      ingress: { template: 'x.example.com', className: 'nginx', labels: { a: 'b' }, tls: [{ hosts: ['other.example.com'] }], extra: 1 },
    });
    expect(errors).toEqual([
      unsupported('spec.ingress.className', '"nginx"', 'the FlinkCluster ingress has no class: rely on the default IngressClass, or set the '
        + "'kubernetes.io/ingress.class' annotation in the ingress annotations if your controller reads it"),
      unsupported('spec.ingress.extra', '1', 'the FlinkCluster ingress has no such field'),
      unsupported('spec.ingress.labels', '{"a":"b"}', 'the spotify operator sets the labels of its Ingress itself'),
      unsupported('spec.ingress.tls', '[{"hosts":["other.example.com"]}]',
        'the FlinkCluster ingress has one TLS entry, for its own host: give at most one entry, without other hosts'),
    ]);
    expect(cluster.spec.jobManager.ingress).toEqual({ hostFormat: 'x.example.com' });
  });
});

describe('output', () => {
  test('deterministic, undefined-free JSON; the input is not changed', () => {
    const manifest = deployment({ podTemplate: { spec: { volumes: [{ name: 'v', emptyDir: {} }] } }, job: { jarURI: 'local:///j.jar', args: undefined } });
    const copy = JSON.parse(JSON.stringify(manifest));
    const first = JSON.stringify(toFlinkCluster(manifest));
    expect(JSON.stringify(toFlinkCluster(manifest))).toBe(first);
    expect(manifest).toEqual(copy);
    expect(first).not.toContain('undefined');
    expect(JSON.parse(first).cluster).toEqual(toFlinkCluster(manifest).cluster);
  });

  test('never throws, whatever the manifest', () => {
    for (const value of [undefined, null, 5, 'x', [], {}, { spec: [] }, { metadata: 'x', spec: { jobManager: 'x', job: [], podTemplate: 5, ingress: { tls: 'x' } } }]) {
      expect(() => toFlinkCluster(value)).not.toThrow();
    }
    fc.assert(fc.property(fc.anything(), fc.anything(), fc.anything(), (a, b, c) => {
      toFlinkCluster({ metadata: { name: 'x' }, spec: { ...BASE, podTemplate: a, jobManager: { podTemplate: { spec: b } }, job: c, ingress: b, flinkConfiguration: a } });
      toFlinkCluster({ spec: { podTemplate: { spec: { containers: [{ name: 'flink-main-container', securityContext: a, ports: b }] } } } });
    }), { numRuns: 300 });
  });
});

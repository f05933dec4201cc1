/**
 * A FlinkDeployment manifest as the plain Kubernetes objects of a
 * standalone Flink cluster (no operator): ConfigMap, JobManager and
 * TaskManager Deployments, Services, service account, HA RBAC and Ingress.
 * Pure JSON in, JSON out; the renderer turns it into cdk8s objects.
 */
import { renderIngress } from './_ingress';
import { haServices, standaloneConfiguration, standalonePorts } from './_standalone-configuration';
import { standaloneJobManagerArgs } from './_standalone-job-args';
import { FlinkPort, processPodTemplate } from './_standalone-pods';
import { configFileName, renderConfigFile } from '../../manifest/_flink-config-file';
import { cleanJson } from '../../manifest/_json';
import { hashedName } from '../../manifest/_naming';
import { chartLogFiles } from '../../manifest/_operator-chart';
import { OperatorVersion } from '../../operator-version';

/** The optional objects of a standalone cluster. */
export type OptionalObject = 'serviceAccount' | 'haRbac' | 'ingress';

/** Options the manifest does not hold. */
export interface StandaloneClusterOptions {
  /** Whether to render the service account `spec.serviceAccount` (the user did not bring one). */
  readonly renderServiceAccount: boolean;
}

/** The objects of a standalone cluster, as JSON. */
export interface StandaloneCluster {
  readonly configMap: any;
  readonly jobManager: any;
  readonly taskManager: any;
  readonly rpcService: any;
  readonly restService: any;
  readonly serviceAccount?: any;
  readonly haRole?: any;
  readonly haRoleBinding?: any;
  readonly ingress?: any;
  /** Problems found while rendering (e.g. an ingress template the operator rejects). */
  readonly errors: string[];
}

/** Longest ConfigMap name (a DNS subdomain). */
const MAX_CONFIG_MAP_NAME = 253;

/** Label that tells the objects of standalone clusters from the operator's. */
const TYPE_LABEL = { type: 'flink-standalone-kubernetes' };

/**
 * Which optional objects a manifest needs.
 */
export function optionalObjects(manifest: any, options: StandaloneClusterOptions): Set<OptionalObject> {
  const needed = new Set<OptionalObject>();
  if (options.renderServiceAccount) {
    needed.add('serviceAccount');
  }
  if (haServices(standaloneConfiguration(manifest, '')) === 'kubernetes') {
    needed.add('haRbac');
  }
  if (manifest.spec?.ingress !== undefined) {
    needed.add('ingress');
  }
  return needed;
}

/**
 * Names of a standalone cluster's objects, the operator's where it has them
 * (JobManager Deployment `<name>`, REST Service `<name>-rest`).
 */
export function standaloneNames(name: string) {
  return {
    jobManager: name,
    taskManager: `${name}-taskmanager`,
    rpcService: name,
    restService: `${name}-rest`,
    configMapBase: `flink-config-${name}`,
    haRole: `${name}-ha`,
  };
}

/**
 * The objects of the standalone cluster a (valid, mutated) FlinkDeployment
 * manifest describes.
 */
export function standaloneCluster(manifest: any, options: StandaloneClusterOptions): StandaloneCluster {
  const spec = manifest.spec ?? {};
  const name: string = manifest.metadata?.name;
  const namespace: string | undefined = manifest.metadata?.namespace;
  const names = standaloneNames(name);
  const configuration = standaloneConfiguration(manifest, names.rpcService);
  const ports = standalonePorts(configuration);
  const ha = haServices(configuration);
  const kubernetesHa = ha === 'kubernetes';
  const meta = (objectName: string, component?: string) => cleanJson({
    name: objectName,
    namespace,
    labels: { app: name, ...TYPE_LABEL, ...(component ? { component } : {}) },
  });

  const fileName = configFileName(String(spec.flinkVersion));
  const logFiles = spec.logConfiguration ?? { 'log4j-console.properties': chartLogFiles(OperatorVersion.LATEST)['log4j-console.properties'] };
  const entries = Object.keys(configuration).sort().map((key) => [key, configuration[key]] as const);
  const data = { [fileName]: renderConfigFile(fileName, entries), ...logFiles };
  const configMapName = hashedName(names.configMapBase, data, MAX_CONFIG_MAP_NAME);
  const mergeArraysByName = configuration['kubernetes.operator.pod-template.merge-arrays-by-name'] === 'true';
  const suspended = spec.job?.state === 'suspended';

  const jmPorts: FlinkPort[] = [{ name: 'rpc', containerPort: ports.rpc }, { name: 'blob-server', containerPort: ports.blob }, { name: 'rest', containerPort: ports.rest }];
  const jmSelector = { app: name, component: 'jobmanager', ...TYPE_LABEL };
  const jobManager = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(names.jobManager, 'jobmanager'),
    spec: {
      replicas: suspended ? 0 : spec.jobManager?.replicas ?? 1,
      // Never two JobManagers of different specs at once (without HA they would both run the job).
      strategy: { type: 'Recreate' },
      selector: { matchLabels: jmSelector },
      template: processPodTemplate(manifest, {
        process: 'jobManager',
        args: standaloneJobManagerArgs(spec.job, ha !== 'none'),
        ports: jmPorts,
        livenessProbe: { tcpSocket: { port: ports.rpc }, initialDelaySeconds: 30, periodSeconds: 60 },
        readinessProbe: { httpGet: { path: '/config', port: ports.rest }, periodSeconds: 10 },
        configMapName,
        podIpEnv: ha !== 'none',
        usesKubernetesApi: kubernetesHa,
        selectorLabels: jmSelector,
        mergeArraysByName,
      }),
    },
  };

  const tmSelector = { app: name, component: 'taskmanager', ...TYPE_LABEL };
  const taskManager = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(names.taskManager, 'taskmanager'),
    spec: {
      replicas: suspended ? 0 : taskManagerReplicas(spec, configuration),
      selector: { matchLabels: tmSelector },
      template: processPodTemplate(manifest, {
        process: 'taskManager',
        args: ['taskmanager'],
        ports: [{ name: 'rpc', containerPort: ports.taskManagerRpc }],
        livenessProbe: { tcpSocket: { port: ports.taskManagerRpc }, initialDelaySeconds: 30, periodSeconds: 60 },
        configMapName,
        podIpEnv: false,
        usesKubernetesApi: kubernetesHa,
        selectorLabels: tmSelector,
        mergeArraysByName,
      }),
    },
  };

  const service = (serviceName: string, servicePorts: FlinkPort[]) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(serviceName, 'jobmanager'),
    spec: {
      type: 'ClusterIP',
      selector: jmSelector,
      ports: servicePorts.map((p) => ({ name: p.name, port: p.containerPort, targetPort: p.name, protocol: 'TCP' })),
    },
  });

  const ingress = spec.ingress !== undefined ? renderIngress(spec.ingress, name, namespace, names.restService, ports.rest) : undefined;
  return {
    configMap: { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(configMapName), data },
    jobManager,
    taskManager,
    rpcService: service(names.rpcService, jmPorts.slice(0, 2)),
    restService: service(names.restService, jmPorts.slice(2)),
    serviceAccount: options.renderServiceAccount
      ? { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(spec.serviceAccount), automountServiceAccountToken: false }
      : undefined,
    haRole: kubernetesHa ? haRole(meta(names.haRole)) : undefined,
    haRoleBinding: kubernetesHa ? haRoleBinding(meta(names.haRole), spec.serviceAccount, namespace) : undefined,
    ingress: ingress?.ingress,
    errors: ingress?.errors ?? [],
  };
}

/**
 * TaskManager pods: `taskManager.replicas`, else enough for the job's
 * parallelism at `taskmanager.numberOfTaskSlots` slots each, else one.
 */
function taskManagerReplicas(spec: any, configuration: Record<string, string>): number {
  if (typeof spec.taskManager?.replicas === 'number') {
    return spec.taskManager.replicas;
  }
  const parallelism = Number(configuration['parallelism.default']);
  const slots = Number(configuration['taskmanager.numberOfTaskSlots'] ?? 1);
  if (Number.isInteger(parallelism) && parallelism > 0 && Number.isInteger(slots) && slots > 0) {
    return Math.ceil(parallelism / slots);
  }
  return 1;
}

/**
 * The Role of Flink's Kubernetes HA services: leader election and the HA
 * metadata live in ConfigMaps of the cluster's namespace (Flink's
 * KubernetesLeaderElector uses a ConfigMap lock), which it creates, watches,
 * updates and cleans up.
 */
function haRole(metadata: any): any {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata,
    rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] }],
  };
}

function haRoleBinding(metadata: any, serviceAccount: string, namespace: string | undefined): any {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata,
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: metadata.name },
    subjects: [cleanJson({ kind: 'ServiceAccount', name: serviceAccount, namespace })],
  };
}

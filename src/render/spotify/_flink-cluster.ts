/**
 * The SPOTIFY_OPERATOR rendering: a (mutated) `flink.apache.org/v1beta1`
 * FlinkDeployment manifest as one `flinkoperator.k8s.io/v1beta1`
 * `FlinkCluster` of the spotify/flink-on-k8s-operator.
 *
 * | FlinkDeployment | FlinkCluster |
 * | --- | --- |
 * | `metadata.name`, `namespace`, `labels`, `annotations` | the same |
 * | `spec.image`, `imagePullPolicy` | `spec.image.name`, `pullPolicy` (Kubernetes' default when unset: `Always` for `:latest` or no tag, else `IfNotPresent`, not the CRD's `Always`) |
 * | `spec.flinkVersion` `v1_18` | `spec.flinkVersion` `"1.18"` |
 * | `spec.serviceAccount` | `spec.serviceAccountName` |
 * | `spec.flinkConfiguration` (flattened) | `spec.flinkProperties` (ports as port fields, see `_flink-properties`) |
 * | `spec.logConfiguration` | `spec.logConfig` |
 * | `spec.jobManager.replicas` (1) / `taskManager.replicas` | `replicas` (TaskManagers: parallelism ÷ slots, rounded up, else 1, when unset) |
 * | `resource.cpu`, `memory`, `ephemeralStorage` | `resources.requests` = `limits` (`cpu`, `memory`, `ephemeral-storage`), `memoryProcessRatio: 100` |
 * | pod templates | pod fields, sidecars, `spec.envVars`, `envFrom`, `image.pullSecrets` (see `_pods`, `_pod-template`) |
 * | `spec.ingress` | `spec.jobManager.ingress` (see `_ingress`) |
 * | `spec.job` | `spec.job` (see `_job`), with the JobManager's pod settings for the job submitter pod |
 *
 * Everything the FlinkCluster cannot express is left out and named in the
 * errors, with the backend and what to do: never silently dropped.
 */
import { FLINK_CLUSTER_GVK } from './_crd';
import { flinkProperties } from './_flink-properties';
import { jobManagerIngress } from './_ingress';
import { flinkClusterJob } from './_job';
import { PodPieces } from './_pod-template';
import { flinkClusterPods } from './_pods';
import { containerResources, WHOLE_CONTAINER_MEMORY } from './_resources';
import { memoryQuantity } from '../../jvm/_quantity';
import { flattenConfiguration } from '../../manifest/_configuration';
import { at, isObject } from '../../manifest/_fields';
import { cleanJson, undefinedIfEmpty } from '../../manifest/_json';
import { BackendName, unsupported } from '../_unsupported';

const BACKEND: BackendName = 'SPOTIFY_OPERATOR';

const SPEC_KEYS = new Set([
  'image', 'imagePullPolicy', 'serviceAccount', 'flinkVersion', 'flinkConfiguration', 'logConfiguration', 'ingress',
  'jobManager', 'taskManager', 'job', 'podTemplate', 'mode',
]);
const PROCESS_KEYS = new Set(['replicas', 'resource', 'podTemplate']);
const RESOURCE_KEYS = new Set(['cpu', 'memory', 'ephemeralStorage']);

/** The FlinkCluster of a manifest, and what it cannot express. */
export interface FlinkClusterRendering {
  /** The FlinkCluster as plain JSON (deterministic, without `undefined`). */
  readonly cluster: any;
  /** One message per manifest field the FlinkCluster cannot express, sorted; empty when it expresses all. */
  readonly errors: string[];
}

/**
 * Renders a FlinkDeployment manifest as a spotify operator FlinkCluster.
 * Never throws; fields it cannot express are errors (and left out).
 *
 * @param deployment the mutated `flink.apache.org/v1beta1` FlinkDeployment manifest
 */
export function toFlinkCluster(deployment: any): FlinkClusterRendering {
  const metadata = isObject(at(deployment, 'metadata')) ? at(deployment, 'metadata') : {};
  const spec: Record<string, any> = isObject(at(deployment, 'spec')) ? at(deployment, 'spec') : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  const errors = specErrors(spec);

  const configuration = flattenConfiguration(spec.flinkConfiguration);
  const job = flinkClusterJob(spec.job, configuration);
  const properties = flinkProperties({ ...configuration, ...job.configuration }, job.mapped);
  const pods = flinkClusterPods(spec);
  const ingress = jobManagerIngress(spec.ingress, name, namespace);
  errors.push(...job.errors, ...properties.errors, ...pods.errors, ...ingress.errors);
  const serviceAccount = pods.jobManager.serviceAccountName;
  if (serviceAccount !== undefined && serviceAccount !== spec.serviceAccount) {
    errors.push(unsupported('spec.podTemplate.spec.serviceAccountName', serviceAccount, BACKEND,
      'the FlinkCluster has one service account for all its pods: set spec.serviceAccount'));
  }

  const slots = Number(properties.properties['taskmanager.numberOfTaskSlots']);
  const parallelism = at(spec, 'job.parallelism') ?? Number(configuration['parallelism.default']);
  const taskManagers = Number.isInteger(parallelism) && parallelism > 0 && Number.isInteger(slots) && slots > 0
    ? Math.ceil(parallelism / slots) : 1;

  const cluster = cleanJson({
    ...FLINK_CLUSTER_GVK,
    metadata: { name: metadata.name, namespace, labels: metadata.labels, annotations: metadata.annotations },
    spec: {
      flinkVersion: flinkVersion(spec.flinkVersion, errors),
      image: {
        name: image(spec.image, errors),
        pullPolicy: spec.imagePullPolicy ?? defaultPullPolicy(spec.image),
        pullSecrets: pods.jobManager.imagePullSecrets,
      },
      serviceAccountName: spec.serviceAccount,
      jobManager: {
        ...processSpec('jobManager', spec.jobManager, pods.jobManager, properties.ports.jobManager, configuration, errors, undefined),
        ingress: ingress.ingress,
      },
      taskManager: processSpec('taskManager', spec.taskManager, pods.taskManager, properties.ports.taskManager, configuration, errors, taskManagers),
      job: job.job === undefined ? undefined : { ...job.job, ...podFields(pods.jobManager) },
      envVars: pods.jobManager.env,
      envFrom: pods.jobManager.envFrom,
      flinkProperties: properties.properties,
      logConfig: spec.logConfiguration,
    },
  });
  return { cluster, errors: [...new Set(errors)].sort() };
}

/** Top-level fields without a FlinkCluster counterpart. */
function specErrors(spec: Record<string, any>): string[] {
  const errors: string[] = [];
  for (const key of Object.keys(spec).filter((k) => spec[k] !== null && spec[k] !== undefined && !SPEC_KEYS.has(k))) {
    errors.push(unsupported(`spec.${key}`, spec[key], BACKEND, key === 'restartNonce'
      ? 'the spotify operator has no restart trigger; it restarts the cluster when its spec changes, e.g. a pod annotation'
      : 'the FlinkCluster has no such field'));
  }
  if (spec.mode === 'native') {
    errors.push(unsupported('spec.mode', spec.mode, BACKEND,
      'the spotify operator runs Flink in standalone mode: use DeploymentMode.STANDALONE or leave the mode unset'));
  }
  return errors;
}

/** `v1_18` → `"1.18"`. */
function flinkVersion(version: unknown, errors: string[]): string | undefined {
  const match = typeof version === 'string' ? /^v(\d+)_(\d+)$/.exec(version) : null;
  if (match === null) {
    errors.push(unsupported('spec.flinkVersion', version, BACKEND, 'the FlinkCluster needs the Flink version, e.g. FlinkVersion.V1_20'));
    return undefined;
  }
  return `${match[1]}.${match[2]}`;
}

function image(value: unknown, errors: string[]): string | undefined {
  if (typeof value !== 'string' || value === '') {
    errors.push(unsupported('spec.image', value, BACKEND, 'the FlinkCluster needs the Flink image'));
    return undefined;
  }
  return value;
}

/** Kubernetes' pull policy for a container without one. */
function defaultPullPolicy(imageName: unknown): string | undefined {
  if (typeof imageName !== 'string') {
    return undefined;
  }
  if (imageName.includes('@')) {
    return 'IfNotPresent';
  }
  const lastPart = imageName.substring(imageName.lastIndexOf('/') + 1);
  const colon = lastPart.lastIndexOf(':');
  return colon < 0 || lastPart.substring(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

/** `spec.jobManager` / `spec.taskManager` of the FlinkCluster. */
function processSpec(process: 'jobManager' | 'taskManager', ir: unknown, pods: PodPieces, ports: Record<string, number>,
  configuration: Record<string, string>, errors: string[], defaultReplicas: number | undefined): Record<string, unknown> {
  const field = `spec.${process}`;
  const spec: Record<string, any> = isObject(ir) ? ir : {};
  const resource: Record<string, any> = isObject(spec.resource) ? spec.resource : {};
  for (const key of Object.keys(spec).filter((k) => spec[k] !== null && !PROCESS_KEYS.has(k))) {
    errors.push(unsupported(`${field}.${key}`, spec[key], BACKEND, `the FlinkCluster ${process} has no such field`));
  }
  for (const key of Object.keys(resource).filter((k) => resource[k] !== null && !RESOURCE_KEYS.has(k))) {
    errors.push(unsupported(`${field}.resource.${key}`, resource[key], BACKEND, 'the FlinkCluster takes cpu, memory and ephemeral storage only'));
  }
  const replicas = process === 'jobManager' ? jobManagerReplicas(spec.replicas, errors) : spec.replicas ?? defaultReplicas;
  const memoryField = resource.memory !== undefined && resource.memory !== null ? `${field}.resource.memory` : undefined;
  const memoryText = memoryField ? resource.memory : configuration[`${process.toLowerCase()}.memory.process.size`];
  const memory = typeof memoryText === 'string' ? memoryQuantity(memoryText) : undefined;
  if (memoryText !== undefined && memory === undefined) {
    errors.push(unsupported(memoryField ?? `spec.flinkConfiguration.${process.toLowerCase()}.memory.process.size`, memoryText, BACKEND,
      'the container memory must be a Flink memory size (2048m) or a Kubernetes quantity (2Gi)'));
  }
  return {
    replicas,
    ports: undefinedIfEmpty(ports),
    extraPorts: pods.ports,
    resources: containerResources({
      cpu: typeof resource.cpu === 'number' ? resource.cpu : undefined,
      memory,
      ephemeralStorage: typeof resource.ephemeralStorage === 'string' ? resource.ephemeralStorage : undefined,
    }, pods.resources),
    memoryProcessRatio: memory === undefined ? undefined : WHOLE_CONTAINER_MEMORY,
    ...podFields(pods),
    sidecars: pods.sidecars,
    livenessProbe: pods.livenessProbe,
    readinessProbe: pods.readinessProbe,
  };
}

function jobManagerReplicas(replicas: unknown, errors: string[]): unknown {
  if (typeof replicas === 'number' && replicas > 1) {
    errors.push(unsupported('spec.jobManager.replicas', replicas, BACKEND,
      'the spotify operator runs one JobManager; with Kubernetes HA, Kubernetes restarts it'));
    return undefined;
  }
  return replicas;
}

/**
 * The pod fields the JobManager, the TaskManager and the job submitter
 * share. The submitter gets the JobManager's: it runs the job's `main`, as
 * the JobManager does under the Flink Kubernetes Operator.
 */
function podFields(pods: PodPieces): Record<string, unknown> {
  return {
    volumes: pods.volumes,
    volumeMounts: pods.volumeMounts,
    initContainers: pods.initContainers,
    securityContext: pods.securityContext,
    nodeSelector: pods.nodeSelector,
    tolerations: pods.tolerations,
    affinity: pods.affinity,
    hostAliases: pods.hostAliases,
    podAnnotations: pods.podAnnotations,
    podLabels: pods.podLabels,
  };
}

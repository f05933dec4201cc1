/**
 * The JobManager and TaskManager pod templates of a standalone cluster:
 * the operator's pod template merge (deployment template, then the
 * process's), with the Flink container completed the way Flink's
 * standalone Kubernetes guide writes it.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/resource-providers/standalone/kubernetes/#appendix
 */
import { containerResources } from './_container-resources';
import { mergePodTemplates } from './_pod-template-merge';
import { cleanJson } from '../../manifest/_json';

/** Name of the Flink container, as in the operator's pod templates. */
export const MAIN_CONTAINER = 'flink-main-container';
/** Name of the volume holding the Flink configuration. */
export const CONFIG_VOLUME = 'flink-config-volume';
/** Where Flink's image reads its configuration. */
const CONFIG_DIR = '/opt/flink/conf';
/** Pod annotation that changes with `spec.restartNonce`, so that the pods restart. */
export const RESTART_NONCE_ANNOTATION = 'flink.apache.org/restart-nonce';

/** A container port of the Flink container. */
export interface FlinkPort {
  readonly name: string;
  readonly containerPort: number;
}

/** What the pod of one Flink process needs besides the manifest. */
export interface ProcessPodOptions {
  /** `jobManager` or `taskManager`: the process's section of the spec. */
  readonly process: 'jobManager' | 'taskManager';
  /** Arguments of the image's entrypoint (`jobmanager`, `standalone-job ...`, `taskmanager`). */
  readonly args: string[];
  readonly ports: FlinkPort[];
  /** Liveness (and, when given, readiness) probes of the Flink container. */
  readonly livenessProbe: Record<string, unknown>;
  readonly readinessProbe?: Record<string, unknown>;
  /** The ConfigMap with the configuration and logging files. */
  readonly configMapName: string;
  /** Whether the process needs its pod IP (`POD_IP`) as its address: HA JobManagers. */
  readonly podIpEnv: boolean;
  /** Whether the pods use the Kubernetes API (Kubernetes HA): mounts the service account token. */
  readonly usesKubernetesApi: boolean;
  /** Labels the Deployment selects its pods by. */
  readonly selectorLabels: Record<string, string>;
  /** Merge containers, volumes, ... by name instead of position (the operator's `kubernetes.operator.pod-template.merge-arrays-by-name`). */
  readonly mergeArraysByName: boolean;
}

/**
 * The pod template of one process of the cluster a FlinkDeployment
 * manifest describes.
 */
export function processPodTemplate(manifest: any, options: ProcessPodOptions): any {
  const spec = manifest.spec ?? {};
  const merged = mergePodTemplates(spec.podTemplate, spec[options.process]?.podTemplate, options.mergeArraysByName) ?? {};
  const podSpec = merged.spec ?? {};
  const containers: any[] = podSpec.containers ?? [];
  const index = containers.findIndex((c) => c?.name === MAIN_CONTAINER);
  const main = flinkContainer(index < 0 ? { name: MAIN_CONTAINER } : containers[index], spec, options);
  const nextContainers = index < 0 ? [...containers, main] : containers.map((c, i) => (i === index ? main : c));
  const annotations = { ...merged.metadata?.annotations };
  if (spec.restartNonce !== undefined) {
    annotations[RESTART_NONCE_ANNOTATION] = String(spec.restartNonce);
  }
  return cleanJson({
    metadata: {
      ...merged.metadata,
      labels: { ...merged.metadata?.labels, ...options.selectorLabels },
      annotations: Object.keys(annotations).length > 0 ? annotations : undefined,
    },
    spec: {
      ...podSpec,
      serviceAccountName: podSpec.serviceAccountName ?? spec.serviceAccount,
      automountServiceAccountToken: podSpec.automountServiceAccountToken ?? options.usesKubernetesApi,
      containers: nextContainers,
      volumes: [...(podSpec.volumes ?? []), { name: CONFIG_VOLUME, configMap: { name: options.configMapName } }],
    },
  });
}

function flinkContainer(container: any, spec: any, options: ProcessPodOptions): any {
  const env: any[] = container.env ?? [];
  const podIp = options.podIpEnv && !env.some((e) => e?.name === 'POD_IP')
    ? [{ name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } }]
    : [];
  return {
    ...container,
    image: spec.image,
    imagePullPolicy: spec.imagePullPolicy ?? container.imagePullPolicy,
    args: options.args,
    env: podIp.length + env.length > 0 ? [...podIp, ...env] : undefined,
    ports: container.ports ?? options.ports,
    resources: containerResources(spec[options.process]?.resource) ?? container.resources,
    livenessProbe: container.livenessProbe ?? options.livenessProbe,
    readinessProbe: container.readinessProbe ?? options.readinessProbe,
    volumeMounts: [...(container.volumeMounts ?? []), { name: CONFIG_VOLUME, mountPath: CONFIG_DIR }],
  };
}

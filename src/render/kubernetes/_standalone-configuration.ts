/**
 * The Flink configuration of a standalone cluster: what the operator would
 * have set for it (addresses, fixed ports, memory, parallelism, HA cluster
 * id) under the resource's own `flinkConfiguration`, which wins.
 */
import { flinkMemorySize } from '../../jvm/_quantity';
import { flattenConfiguration } from '../../manifest/_configuration';

/** The ports of a standalone cluster, as its Services and probes use them. */
export interface StandalonePorts {
  readonly rpc: number;
  readonly blob: number;
  readonly rest: number;
  readonly taskManagerRpc: number;
}

/** Flink's default ports, fixed where Flink would pick a random one (blob server, TaskManager RPC). */
const DEFAULT_PORTS: Record<keyof StandalonePorts, [string, number]> = {
  rpc: ['jobmanager.rpc.port', 6123],
  blob: ['blob.server.port', 6124],
  rest: ['rest.port', 8081],
  taskManagerRpc: ['taskmanager.rpc.port', 6122],
};

/** The values of `high-availability.type` (or the legacy `high-availability`) that select Kubernetes HA. */
const KUBERNETES_HA = ['kubernetes', 'org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory'];

/** Which high-availability services a configuration selects. */
export type HaServices = 'none' | 'kubernetes' | 'other';

/**
 * The HA services of a flat configuration.
 */
export function haServices(configuration: Record<string, string>): HaServices {
  const value = configuration['high-availability.type'] ?? configuration['high-availability'];
  if (value === undefined || value.trim() === '' || value.trim().toLowerCase() === 'none') {
    return 'none';
  }
  return KUBERNETES_HA.some((k) => k.toLowerCase() === value.trim().toLowerCase()) ? 'kubernetes' : 'other';
}

/**
 * The effective flat configuration of the cluster described by a
 * FlinkDeployment manifest.
 *
 * @param manifest the (mutated) FlinkDeployment manifest
 * @param rpcAddress the Service the TaskManagers reach the JobManager by
 */
export function standaloneConfiguration(manifest: any, rpcAddress: string): Record<string, string> {
  const spec = manifest.spec ?? {};
  const own = flattenConfiguration(spec.flinkConfiguration);
  const derived: Record<string, string> = { 'jobmanager.rpc.address': rpcAddress };
  for (const [key, port] of Object.values(DEFAULT_PORTS)) {
    derived[key] = String(port);
  }
  for (const [process, key] of [['jobManager', 'jobmanager.memory.process.size'], ['taskManager', 'taskmanager.memory.process.size']]) {
    const memory = spec[process]?.resource?.memory;
    const size = typeof memory === 'string' ? flinkMemorySize(memory) : undefined;
    if (size !== undefined) {
      derived[key] = size;
    }
  }
  if (typeof spec.job?.parallelism === 'number' && spec.job.parallelism > 0) {
    derived['parallelism.default'] = String(spec.job.parallelism);
  }
  if (haServices(own) === 'kubernetes') {
    derived['kubernetes.cluster-id'] = manifest.metadata?.name;
    if (manifest.metadata?.namespace !== undefined) {
      derived['kubernetes.namespace'] = manifest.metadata.namespace;
    }
  }
  return { ...derived, ...own };
}

/**
 * The ports a configuration sets (Flink's defaults where it sets none or
 * something that is not a port).
 */
export function standalonePorts(configuration: Record<string, string>): StandalonePorts {
  const port = ([key, fallback]: [string, number]) => {
    const value = Number(configuration[key]);
    return Number.isInteger(value) && value > 0 && value < 65536 ? value : fallback;
  };
  return {
    rpc: port(DEFAULT_PORTS.rpc),
    blob: port(DEFAULT_PORTS.blob),
    rest: port(DEFAULT_PORTS.rest),
    taskManagerRpc: port(DEFAULT_PORTS.taskManagerRpc),
  };
}

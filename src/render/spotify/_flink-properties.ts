/**
 * A resource's flat Flink configuration as a FlinkCluster's
 * `flinkProperties`, minus what has a field of its own:
 *
 * - the ports the spotify operator sets from its port fields and would not
 *   let `flinkProperties` change (`jobmanager.rpc.port`, `blob.server.port`,
 *   `query.server.port`, `rest.port`, and `taskmanager.rpc.port`, whose
 *   container port must match) become `jobManager.ports` / `taskManager.ports`;
 *   `taskmanager.data.port` (Flink binds a random port without it) also sets
 *   `taskManager.ports.data` when it is one port;
 * - `taskmanager.numberOfTaskSlots` is always set: without it the spotify
 *   operator derives the slots from the CPU (one per two cores), where Flink
 *   and the Flink Kubernetes Operator default to 1.
 *
 * Settings of the Flink Kubernetes Operator itself (`kubernetes.operator.*`,
 * `job.autoscaler.*`) and `jobmanager.rpc.address` (the spotify operator
 * sets it) cannot be rendered.
 */
import { BackendName, unsupported } from '../_unsupported';

const BACKEND: BackendName = 'SPOTIFY_OPERATOR';

/** Flink's default number of slots per TaskManager. */
export const DEFAULT_TASK_SLOTS = '1';

/** Port keys: the process and port field they set, and whether Flink still needs the key itself. */
const PORTS: Record<string, readonly ['jobManager' | 'taskManager', string, boolean]> = {
  'jobmanager.rpc.port': ['jobManager', 'rpc', false],
  'blob.server.port': ['jobManager', 'blob', false],
  'query.server.port': ['jobManager', 'query', false],
  'rest.port': ['jobManager', 'ui', false],
  'taskmanager.rpc.port': ['taskManager', 'rpc', false],
  'taskmanager.data.port': ['taskManager', 'data', true],
};

const OPERATOR_PREFIXES = ['kubernetes.operator.', 'job.autoscaler.'];

/** The configuration as `flinkProperties` and port fields, and what cannot be rendered. */
export interface MappedProperties {
  readonly properties: Record<string, string>;
  readonly ports: { readonly jobManager: Record<string, number>; readonly taskManager: Record<string, number> };
  readonly errors: string[];
}

/**
 * Maps a flat configuration (`spec.flinkConfiguration`, flattened).
 *
 * @param configuration the flat configuration
 * @param mapped keys already rendered as fields of their own (left out)
 */
export function flinkProperties(configuration: Record<string, string>, mapped: ReadonlySet<string>): MappedProperties {
  const properties: Record<string, string> = {};
  const ports = { jobManager: {} as Record<string, number>, taskManager: {} as Record<string, number> };
  const errors: string[] = [];
  for (const key of Object.keys(configuration).sort()) {
    const value = configuration[key];
    const field = `spec.flinkConfiguration.${key}`;
    if (mapped.has(key)) {
      continue;
    }
    if (OPERATOR_PREFIXES.some((prefix) => key.startsWith(prefix))) {
      errors.push(unsupported(field, value, BACKEND,
        'a setting of the Flink Kubernetes Operator, which the spotify operator does not have: remove it for this backend'));
    } else if (key === 'jobmanager.rpc.address') {
      errors.push(unsupported(field, value, BACKEND, 'the spotify operator sets it to its JobManager service'));
    } else if (Object.prototype.hasOwnProperty.call(PORTS, key)) {
      const [process, port, keep] = PORTS[key];
      const number = /^\s*\d{1,5}\s*$/.test(value) ? Number(value) : 0;
      if (keep) {
        properties[key] = value;
      }
      if (number >= 1 && number <= 65535) {
        ports[process][port] = number;
      } else if (!keep) {
        errors.push(unsupported(field, value, BACKEND,
          `the FlinkCluster declares the ${process} ${port} port as one fixed number (spec.${process}.ports.${port}): give a port from 1 to 65535`));
      }
    } else {
      properties[key] = value;
    }
  }
  properties['taskmanager.numberOfTaskSlots'] ??= DEFAULT_TASK_SLOTS;
  return { properties, ports, errors };
}

/**
 * Container resources of a FlinkCluster's JobManager or TaskManager from
 * the operator's `resource` (`cpu`, `memory`, `ephemeralStorage`), requests
 * equal to limits as the Flink Kubernetes Operator renders them.
 *
 * The spotify operator sizes the Flink process as `memoryProcessRatio`
 * percent of the container memory (`jobmanager.memory.process.size`,
 * `taskmanager.memory.process.size`); the Flink Kubernetes Operator gives
 * the process all of it. With a memory, the ratio is therefore 100.
 */
import { isObject } from '../../manifest/_fields';

/** The memory ratio that gives the Flink process the whole container memory. */
export const WHOLE_CONTAINER_MEMORY = 100;

/** The quantities of a process's resources (only those it sets). */
export interface ProcessQuantities {
  readonly cpu?: number;
  readonly memory?: string;
  readonly ephemeralStorage?: string;
}

/**
 * The container `resources` of a process: the main container's resources
 * of its pod template (e.g. GPUs), with the process's CPU, memory and
 * ephemeral storage as requests and limits (which the Flink Kubernetes
 * Operator also puts over the template's); `undefined` when there are none.
 */
export function containerResources(quantities: ProcessQuantities, template: any): Record<string, any> | undefined {
  const own: Record<string, string> = {};
  if (quantities.cpu !== undefined) {
    // A quantity string: the CRD takes a fraction (0.5) only as a string.
    own.cpu = String(quantities.cpu);
  }
  if (quantities.memory !== undefined) {
    own.memory = quantities.memory;
  }
  if (quantities.ephemeralStorage !== undefined) {
    own['ephemeral-storage'] = quantities.ephemeralStorage;
  }
  const requests = { ...(isObject(template?.requests) ? template.requests : {}), ...own };
  const limits = { ...(isObject(template?.limits) ? template.limits : {}), ...own };
  if (Object.keys(requests).length === 0 && Object.keys(limits).length === 0) {
    return undefined;
  }
  return { requests: Object.keys(requests).length > 0 ? requests : undefined, limits: Object.keys(limits).length > 0 ? limits : undefined };
}


import { isHighAvailabilityActivated } from './_checks-cluster-config';
import { FlinkConfig } from './_checks-flink-config';
import { isNullOrWhitespaceOnly } from './_checks-java-text';
import { at } from './_checks-manifest';
import { jobManagerMemoryDerivable, taskManagerMemoryDerivable } from './_checks-process-memory';
import { ephemeralStorageError, resourceMemoryError } from './_checks-quantity';

/**
 * Checks on the JobManager and TaskManager: memory must come from the
 * resource spec or from the Flink configuration, resource sizes must
 * parse, and replica counts must make sense.
 */

type Component = 'JobManager' | 'TaskManager';

function memoryDefined(spec: unknown): boolean {
  return !isNullOrWhitespaceOnly(at(spec, 'resource.memory'));
}

/** Without `resource.memory`, the configuration must define the process memory. */
export function memorySourceErrors(component: Component, spec: unknown, conf: FlinkConfig): string[] {
  if (memoryDefined(spec)) {
    return [];
  }
  const derivable = component === 'JobManager' ? jobManagerMemoryDerivable(conf) : taskManagerMemoryDerivable(conf);
  const field = component === 'JobManager' ? 'jobManager' : 'taskManager';
  return derivable ? [] : [`${component} resource memory must be defined using \`spec.${field}.resource.memory\``];
}

/**
 * `resource.memory` must read as a Flink memory size (Flink units, or a
 * Kubernetes quantity that converts to a whole number of bytes) and
 * `resource.ephemeralStorage` as a Kubernetes quantity. Both problems share
 * one message, as upstream concatenates them.
 */
export function resourceErrors(component: Component, spec: unknown): string[] {
  const memory = at(spec, 'resource.memory');
  const storage = at(spec, 'resource.ephemeralStorage');
  let message = '';
  const memoryError = memory === undefined ? undefined : resourceMemoryError(memory);
  if (memoryError !== undefined) {
    message += `${component} resource memory parse error: ${memoryError}`;
  }
  const storageError = storage === undefined ? undefined : ephemeralStorageError(storage);
  if (storageError !== undefined) {
    message += `${component} resource ephemeral storage parse error: ${storageError}`;
  }
  return isNullOrWhitespaceOnly(message) ? [] : [message];
}

/** At least one JobManager, and standby JobManagers only with high availability. */
export function jobManagerReplicaErrors(jobManager: unknown, conf: FlinkConfig): string[] {
  const replicas: number = at(jobManager, 'replicas') ?? 1;
  if (replicas < 1) {
    return ['JobManager replicas should not be configured less than one.'];
  }
  return replicas > 1 && !isHighAvailabilityActivated(conf)
    ? ['High availability should be enabled when starting standby JobManagers.']
    : [];
}

/** TaskManager replicas, when set, must be at least one. */
export function taskManagerReplicaErrors(taskManager: unknown): string[] {
  const replicas = at(taskManager, 'replicas');
  return replicas !== undefined && replicas < 1 ? ['TaskManager replicas should not be configured less than one.'] : [];
}

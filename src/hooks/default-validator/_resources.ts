import { isHighAvailabilityActivated } from './_cluster-config';
import { decimalToString, JavaArithmeticError } from '../../jvm/_big-decimal';
import { FlinkConfig } from '../../jvm/_flink-config';
import { javaDoubleToString } from '../../jvm/_java-numbers';
import { isNullOrWhitespaceOnly } from '../../jvm/_java-text';
import { parseMemorySize } from '../../jvm/_memory-size';
import { jobManagerMemoryDerivable, taskManagerMemoryDerivable } from '../../jvm/_process-memory';
import { amountInBytes, ephemeralStorageError, parseQuantity, resourceMemoryError, resourceMemoryString } from '../../jvm/_quantity';
import { at, isObject } from '../../manifest/_fields';
import { OperatorVersion } from '../../operator-version';

/**
 * Checks on the JobManager and TaskManager: memory must come from the
 * resource spec or from the Flink configuration, resource sizes must
 * parse, and replica counts must make sense.
 */

type Component = 'JobManager' | 'TaskManager';

function memoryDefined(spec: unknown): boolean {
  return !isNullOrWhitespaceOnly(at(spec, 'resource.memory'));
}

/**
 * Without `resource.memory` (or, from 1.16, a memory request or limit in
 * `resources`), the configuration must define the process memory.
 */
export function memorySourceErrors(component: Component, spec: unknown, conf: FlinkConfig, target: OperatorVersion): string[] {
  const v116 = target.isAtLeast(OperatorVersion.V1_16);
  if (memoryDefined(spec) || (v116 && requirementsMemoryDefined(spec))) {
    return [];
  }
  const derivable = component === 'JobManager' ? jobManagerMemoryDerivable(conf) : taskManagerMemoryDerivable(conf);
  const field = component === 'JobManager' ? 'jobManager' : 'taskManager';
  const message = `${component} resource memory must be defined using \`spec.${field}.resource.memory\``
    + (v116 ? ` or \`spec.${field}.resources.requests.memory\`` : '');
  return derivable ? [] : [message];
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

/**
 * `resources.requests.memory` or `resources.limits.memory` (1.16; Kubernetes
 * defaults requests to limits, so either defines the memory).
 */
function requirementsMemoryDefined(spec: unknown): boolean {
  return at(spec, 'resources.requests.memory') != null || at(spec, 'resources.limits.memory') != null;
}

/** The text of a quantity as the operator reads it from JSON (numbers as Jackson prints them). */
function quantityText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? String(value) : javaDoubleToString(value);
  }
  return undefined;
}

function isPositive(decimal: { unscaled: bigint }): boolean {
  return decimal.unscaled > 0n;
}

/** Rethrows what Java would not catch as an `IllegalArgumentException`. */
function illegalArgument(error: unknown): string {
  if (error instanceof JavaArithmeticError) {
    throw error;
  }
  return error instanceof Error ? error.message : String(error);
}

/** `validateQuantities`: each request or limit must parse and be positive (cpu, memory) or not negative. */
function quantityErrors(component: Component, section: string, quantities: unknown, errors: string[]): void {
  if (!isObject(quantities)) {
    return;
  }
  for (const [key, value] of Object.entries(quantities)) {
    const text = quantityText(value);
    if (text === undefined) {
      continue;
    }
    try {
      parseQuantity(text);
      if (key === 'memory') {
        if (parseMemorySize(resourceMemoryString(text)) <= 0n) {
          errors.push(`${component} resource requirements ${section} ${key} must be positive: ${text}`);
        }
      } else if (key === 'cpu') {
        if (!isPositive(amountInBytes(text))) {
          errors.push(`${component} resource requirements ${section} ${key} must be positive: ${text}`);
        }
      } else if (amountInBytes(text).unscaled < 0n) {
        errors.push(`${component} resource requirements ${section} ${key} must not be negative: ${text}`);
      }
    } catch (error) {
      errors.push(`${component} resource requirements ${section} ${key} parse error: ${illegalArgument(error)}`);
    }
  }
}

/** `toComparableAmount`: memory in bytes as Flink reads it, anything else as its numerical amount. */
function comparableAmount(key: string, text: string): number {
  return key === 'memory'
    ? Number(parseMemorySize(resourceMemoryString(text)))
    : Number(decimalToString(amountInBytes(text)));
}

/** `validateRequestNotAboveLimit`: a request above its limit (unparseable ones are reported already). */
function requestAboveLimitErrors(component: Component, spec: unknown, key: string, errors: string[]): void {
  const request = quantityText(at(spec, `resources.requests.${key}`));
  const limit = quantityText(at(spec, `resources.limits.${key}`));
  if (request === undefined || limit === undefined) {
    return;
  }
  try {
    if (comparableAmount(key, request) > comparableAmount(key, limit)) {
      errors.push(`${component} resource requirements ${key} request (${request}) must not exceed its limit (${limit})`);
    }
  } catch (error) {
    illegalArgument(error);
  }
}

/**
 * The checks of `resources` (1.16): requests and limits must parse and be
 * positive (cpu, memory) or not negative (anything else, e.g.
 * `ephemeral-storage`), and a cpu or memory request must not exceed its
 * limit. One message, the problems joined by `; `, as upstream.
 */
export function resourceRequirementsErrors(component: Component, spec: unknown, target: OperatorVersion): string[] {
  const resources = at(spec, 'resources');
  if (!target.isAtLeast(OperatorVersion.V1_16) || !isObject(resources)) {
    return [];
  }
  const errors: string[] = [];
  quantityErrors(component, 'requests', resources.requests, errors);
  quantityErrors(component, 'limits', resources.limits, errors);
  requestAboveLimitErrors(component, spec, 'cpu', errors);
  requestAboveLimitErrors(component, spec, 'memory', errors);
  return errors.length === 0 ? [] : [errors.join('; ')];
}

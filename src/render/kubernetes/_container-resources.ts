/**
 * Container resources of a Flink process from the operator's
 * `resource` (`cpu`, `memory` in Flink's notation, `ephemeralStorage`):
 * requests equal limits, as the operator renders them.
 */
import { memoryQuantity } from '../../jvm/_quantity';

/**
 * `resources` of the container, or `undefined` when the resource sets nothing.
 */
export function containerResources(resource: any): Record<string, any> | undefined {
  const quantities: Record<string, string | number> = {};
  if (resource?.cpu !== undefined) {
    quantities.cpu = resource.cpu;
  }
  const memory = typeof resource?.memory === 'string' ? memoryQuantity(resource.memory) : undefined;
  if (memory !== undefined) {
    quantities.memory = memory;
  }
  if (typeof resource?.ephemeralStorage === 'string') {
    quantities['ephemeral-storage'] = resource.ephemeralStorage;
  }
  return Object.keys(quantities).length > 0 ? { requests: { ...quantities }, limits: { ...quantities } } : undefined;
}

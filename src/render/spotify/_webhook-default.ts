/**
 * What the Kubernetes API server stores for a new `FlinkCluster` before
 * the spotify operator's validating webhook sees it: the CRD's schema
 * defaults (applied when the API server reads the object), then the
 * operator's mutating webhook (`_SetDefault` in
 * `apis/flinkcluster/v1beta1/flinkcluster_default.go`, spotify/flink-on-k8s-operator
 * commit 1746257).
 *
 * @see https://github.com/spotify/flink-on-k8s-operator/blob/master/apis/flinkcluster/v1beta1/flinkcluster_default.go
 */
import { flinkClusterSchema } from './_crd';
import { fillGoZeroValues } from './_go-encoding';
import { GoVersion, goVersionLessThan, parseGoVersion } from './_go-version';
import { applySchemaDefaults } from './_schema-defaults';
import { isObject } from '../../manifest/_fields';
import { cleanJson } from '../../manifest/_json';

/** The version below which the operator sizes memory by off-heap settings (`v10`). */
export const FLINK_1_10 = parseGoVersion('1.10') as GoVersion;

const DEFAULT_MEMORY_OFF_HEAP_RATIO = 25;
/** `resource.NewScaledQuantity(600, 6)`, as Go serializes it. */
const DEFAULT_MEMORY_OFF_HEAP_MIN = '600M';
const DEFAULT_MEMORY_PROCESS_RATIO = 80;

/** The probe timings the webhook defaults (liveness, readiness). */
const PROBES = {
  livenessProbe: { initialDelaySeconds: 5, timeoutSeconds: 10, periodSeconds: 60, failureThreshold: 5 },
  readinessProbe: { initialDelaySeconds: 5, timeoutSeconds: 10, periodSeconds: 5, failureThreshold: 60 },
} as const;

/** Probe fields that are Go pointers: set to a zero value, they still override (mergo). */
const POINTER_FIELDS = new Set(['terminationGracePeriodSeconds', 'service']);

/**
 * A defaulted deep copy of a `FlinkCluster`: CRD schema defaults, then the
 * webhook's (batch scheduler from `batchSchedulerName`; for Flink 1.10 and
 * newer `memoryProcessRatio: 80`, else `memoryOffHeapRatio: 25` and
 * `memoryOffHeapMin: 600M`; TCP liveness and readiness probes on the RPC
 * port, merged under the ones given), then what the webhook's Go encoding
 * adds (missing required fields as zero values, see `fillGoZeroValues`) and
 * the schema defaults once more. Never throws.
 *
 * @param cluster the FlinkCluster as written
 */
export function defaultFlinkCluster(cluster: any): any {
  const out = cleanJson(cluster);
  if (!isObject(out)) {
    return out;
  }
  const schema = flinkClusterSchema();
  applySchemaDefaults(out, schema);
  if (isObject(out.spec)) {
    defaultSpec(out.spec);
  }
  // The webhook's patch encodes the object from the Go types; the API server defaults the result again.
  fillGoZeroValues(out, schema);
  applySchemaDefaults(out, schema);
  return out;
}

function defaultSpec(spec: Record<string, any>): void {
  if (typeof spec.batchSchedulerName === 'string') {
    spec.batchScheduler = { name: spec.batchSchedulerName };
  }
  const parsed = typeof spec.flinkVersion === 'string' ? parseGoVersion(spec.flinkVersion) : undefined;
  const modernMemory = parsed !== undefined && !('error' in parsed) && !goVersionLessThan(parsed, FLINK_1_10);
  // The CRD defaults both (the webhook would create them empty otherwise).
  for (const component of ['jobManager', 'taskManager']) {
    if (isObject(spec[component])) {
      defaultComponent(spec[component], modernMemory);
    }
  }
}

function defaultComponent(component: Record<string, any>, modernMemory: boolean): void {
  if (modernMemory) {
    component.memoryProcessRatio ??= DEFAULT_MEMORY_PROCESS_RATIO;
  } else {
    component.memoryOffHeapMin ??= DEFAULT_MEMORY_OFF_HEAP_MIN;
    component.memoryOffHeapRatio ??= DEFAULT_MEMORY_OFF_HEAP_RATIO;
  }
  const rpc = isObject(component.ports) ? component.ports.rpc : undefined;
  if (rpc === undefined || rpc === null) {
    return;
  }
  for (const [probe, timings] of Object.entries(PROBES)) {
    const defaults = { tcpSocket: { port: rpc }, ...timings };
    component[probe] = isObject(component[probe]) ? mergeOver(defaults, component[probe]) : defaults;
  }
}

/** mergo's `Merge(&defaults, given, WithOverride)` on JSON: non-empty given values win, objects merge field by field. */
function mergeOver(defaults: Record<string, any>, given: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = { ...defaults };
  for (const [key, value] of Object.entries(given)) {
    if (isEmpty(value) && !(POINTER_FIELDS.has(key) && value !== null)) {
      continue;
    }
    out[key] = isObject(out[key]) && isObject(value) ? mergeOver(out[key], value) : value;
  }
  return out;
}

/** Go's zero values, which mergo does not copy over. */
function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === 0 || value === '' || value === false
    || (Array.isArray(value) && value.length === 0);
}

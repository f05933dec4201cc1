/**
 * The spotify operator's validating webhook for a new `FlinkCluster`
 * (`Validator.ValidateCreate` in
 * `apis/flinkcluster/v1beta1/flinkcluster_validate.go`, spotify/flink-on-k8s-operator
 * commit 1746257), messages verbatim. The webhook answers with the first
 * failing rule; this lists every failing rule in the webhook's order, so the
 * first message is the webhook's answer and fixing it reveals the next.
 * Rules on one field stop at the first failure, as the webhook's do.
 *
 * The webhook sees the defaulted object: validate
 * `defaultFlinkCluster(cluster)`. An absent namespace is no error: the API
 * server sets the request's namespace before admission. Values of the
 * wrong JSON type are left to the schema validation; nothing here throws.
 *
 * @see https://github.com/spotify/flink-on-k8s-operator/blob/master/apis/flinkcluster/v1beta1/flinkcluster_validate.go
 */
import { quantityIsZero, quantityValue } from './_go-quantity';
import { GoVersion, goVersionLessThan, parseGoVersion } from './_go-version';
import { FLINK_1_10 } from './_webhook-default';
import { at, isObject } from '../../manifest/_fields';
import { aggregate, isDns1035Label, isDns1123Label, validateAnnotations, validateLabels } from '../../manifest/_kubernetes-validation';

/** `maxClusterNameLength`: 63 minus the longest suffix the operator appends. */
const MAX_CLUSTER_NAME_LENGTH = 49;

/** `dns1035ErrorMsg`. */
const DNS1035_ERROR = (name: string) => `cluster name ${name} is invalid: a DNS-1035 name must consist of lower case alphanumeric characters or '-', `
  + "start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123', "
  + "regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?'";

/** One rule group: its first failure, if any. */
type Rule = () => string | undefined;

/**
 * The messages the spotify operator's webhook rejects a new FlinkCluster
 * with (an empty list when it admits it). Never throws.
 *
 * @param cluster the defaulted FlinkCluster (see `defaultFlinkCluster`)
 */
export function flinkClusterCreateErrors(cluster: any): string[] {
  const spec = at(cluster, 'spec');
  const version = flinkVersion(spec);
  const rules: Rule[] = [
    () => nameError(at(cluster, 'metadata.name')),
    () => namespaceError(at(cluster, 'metadata.namespace')),
    () => (version !== undefined && 'error' in version ? version.error : undefined),
    () => gcpConfigError(at(spec, 'gcpConfig.serviceAccount')),
    ...componentRules(at(spec, 'jobManager'), 'jobManager', version, ['rpc', 'blob', 'query', 'ui']),
    ...componentRules(at(spec, 'taskManager'), 'taskManager', version, ['rpc', 'data', 'query']),
    ...jobRules(at(spec, 'job')),
  ];
  return rules.map((rule) => rule()).filter((message): message is string => message !== undefined);
}

/** `spec.flinkVersion` parsed, `undefined` when empty or not a string. */
function flinkVersion(spec: unknown): GoVersion | { readonly error: string } | undefined {
  const text = at(spec, 'flinkVersion');
  return typeof text === 'string' && text.length > 0 ? parseGoVersion(text) : undefined;
}

function nameError(name: unknown): string | undefined {
  const text = typeof name === 'string' ? name : '';
  const length = Buffer.byteLength(text, 'utf8');
  if (length === 0 || length >= MAX_CLUSTER_NAME_LENGTH) {
    return 'cluster name size needs to greater than 0 and less than 50';
  }
  return isDns1035Label(text).length > 0 ? DNS1035_ERROR(text) : undefined;
}

function namespaceError(namespace: unknown): string | undefined {
  if (typeof namespace !== 'string' || namespace.length === 0) {
    return undefined;
  }
  const errors = isDns1123Label(namespace);
  return errors.length > 0 ? `cluster namespace ${namespace} is invalid: ${errors.join(',')}` : undefined;
}

function gcpConfigError(serviceAccount: unknown): string | undefined {
  if (!isObject(serviceAccount)) {
    return undefined;
  }
  const text = (key: string) => (typeof serviceAccount[key] === 'string' ? serviceAccount[key] as string : '');
  if (text('secretName').length === 0) {
    return 'GCP service account secret name is unspecified';
  }
  if (text('keyFile').length === 0) {
    return 'GCP service account key file name is unspecified';
  }
  if (text('mountPath').length === 0) {
    return 'GCP service account volume mount path is unspecified';
  }
  return text('mountPath').endsWith(text('keyFile')) ? 'invalid GCP service account volume mount path' : undefined;
}

/** `validateJobManager` / `validateTaskManager`. */
function componentRules(spec: unknown, field: string, version: GoVersion | { error: string } | undefined, portNames: string[]): Rule[] {
  if (!isObject(spec)) {
    return [];
  }
  const component = field.toLowerCase();
  return [
    () => aggregate(validateAnnotations(spec.podAnnotations, `spec.${field}.podAnnotations`)),
    () => aggregate(validateLabels(spec.podLabels, `spec.${field}.podLabels`)),
    () => duplicatePortError([...portNames.map((name) => ({ name, containerPort: at(spec, `ports.${name}`) })), ...list(spec.extraPorts)], component),
    () => resourcesError(spec.resources, component),
    // An unparseable version is reported above; the memory rules would only guess.
    () => (version !== undefined && 'error' in version ? undefined : memoryError(spec, component, version)),
  ];
}

function list(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

/** `checkDupPorts`. */
function duplicatePortError(ports: any[], component: string): string | undefined {
  const numbers = new Set<number>();
  const names = new Set<string>();
  for (const port of ports) {
    const number = at(port, 'containerPort');
    if (typeof number === 'number') {
      if (numbers.has(number)) {
        return `duplicate containerPort ${number} in ${component}, each port number of ports and extraPorts must be unique`;
      }
      numbers.add(number);
    }
    const name = at(port, 'name');
    if (typeof name === 'string' && name !== '') {
      if (names.has(name)) {
        return `duplicate port name ${name} in ${component}, each port name of ports and extraPorts must be unique`;
      }
      names.add(name);
    }
  }
  return undefined;
}

/** `validateResourceRequirements`: a CPU and a memory request or limit. */
function resourcesError(resources: unknown, component: string): string | undefined {
  const requests = at(resources, 'requests');
  const limits = at(resources, 'limits');
  if (requests === undefined && limits === undefined) {
    return `${component} resource requests/limits are unspecified`;
  }
  const notSet = (resource: string) => [requests, limits].every((map) => quantityIsZero(at(map, resource)) === true);
  if (notSet('cpu')) {
    return `${component} cpu request/limit is unspecified`;
  }
  if (notSet('memory')) {
    return `${component} memory request/limit is unspecified`;
  }
  return undefined;
}

/** The memory sizing rules: off-heap settings before Flink 1.10, `memoryProcessRatio` from 1.10. */
function memoryError(spec: Record<string, any>, component: string, version: GoVersion | undefined): string | undefined {
  if (version === undefined || goVersionLessThan(version, FLINK_1_10)) {
    if (spec.memoryProcessRatio !== undefined && spec.memoryProcessRatio !== null) {
      return "MemoryProcessRatio config cannot be used with flinkVersion < 1.11', use memoryOffHeapRatio instead";
    }
    return ratioError(spec.memoryOffHeapRatio, component, 'memoryOffHeapRatio') ?? offHeapMinError(spec, component);
  }
  if ((spec.memoryOffHeapRatio !== undefined && spec.memoryOffHeapRatio !== null) || quantityIsZero(spec.memoryOffHeapMin) === false) {
    return "MemoryOffHeapRatio or MemoryOffHeapMin config cannot be used with flinkVersion >= 1.11'; use memoryProcessRatio istead";
  }
  return ratioError(spec.memoryProcessRatio, component, 'memoryProcessRatio');
}

/** `validateRatio`: set, and between 0 and 100. */
function ratioError(ratio: unknown, component: string, property: string): string | undefined {
  if (ratio === undefined || ratio === null || (typeof ratio === 'number' && (ratio > 100 || ratio < 0))) {
    return `invalid ${component} ${property}, it must be between 0 and 100`;
  }
  return undefined;
}

/** `validateMemoryOffHeapMin`: not above the memory limit (or request) when one is set. */
function offHeapMinError(spec: Record<string, any>, component: string): string | undefined {
  const limit = at(spec, 'resources.limits.memory');
  const memory = quantityValue(quantityIsZero(limit) === false ? limit : at(spec, 'resources.requests.memory'));
  const offHeapMin = quantityValue(spec.memoryOffHeapMin);
  if (memory === undefined || offHeapMin === undefined || memory <= 0n || offHeapMin <= memory) {
    return undefined;
  }
  return `invalid ${component} memory configuration, memory limit must be larger than MemoryOffHeapMin, `
    + `memory limit: ${memory} bytes, memoryOffHeapMin: ${offHeapMin} bytes`;
}

/** `validateJob`. */
function jobRules(job: unknown): Rule[] {
  if (!isObject(job)) {
    return [];
  }
  const set = (key: string) => job[key] !== undefined && job[key] !== null;
  return [
    () => aggregate(validateAnnotations(job.podAnnotations, 'spec.job.podAnnotations')),
    () => aggregate(validateLabels(job.podLabels, 'spec.job.podLabels')),
    () => (job.mode !== 'Application' && !set('jarFile') && !set('pyFile') && !set('pyModule')
      ? 'job jarFile or pythonFile or pythonModule is unspecified' : undefined),
    () => (typeof job.parallelism === 'number' && job.parallelism < 1 ? 'job parallelism must be >= 1' : undefined),
    () => restartPolicyError(job),
    () => (job.takeSavepointOnUpdate === false && !set('maxStateAgeToRestoreSeconds')
      ? 'maxStateAgeToRestoreSeconds must be specified when takeSavepointOnUpdate is set as false' : undefined),
    () => (job.cancelRequested === true ? 'property `cancelRequested` cannot be set to true for a new job' : undefined),
  ];
}

function restartPolicyError(job: Record<string, any>): string | undefined {
  switch (job.restartPolicy) {
    case 'Never':
      return undefined;
    case 'FromSavepointOnFailure':
      return job.maxStateAgeToRestoreSeconds === undefined || job.maxStateAgeToRestoreSeconds === null
        ? 'maxStateAgeToRestoreSeconds must be specified when restartPolicy is set as FromSavepointOnFailure' : undefined;
    default:
      return typeof job.restartPolicy === 'string' ? `invalid job restartPolicy: ${job.restartPolicy}` : undefined;
  }
}

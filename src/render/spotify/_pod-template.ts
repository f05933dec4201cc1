/**
 * A Flink pod template (the operator's `podTemplate`, merged for one
 * process) taken apart into what a `FlinkCluster` can say about its pods:
 * pod metadata, the pod-level fields the spotify operator passes on
 * (`volumes`, `securityContext`, `nodeSelector`, `tolerations`, `affinity`,
 * `hostAliases`, `imagePullSecrets`, `initContainers`), the other
 * containers as sidecars, and of `flink-main-container` its `env`,
 * `envFrom`, `volumeMounts`, `resources`, `ports`, probes and the parts of
 * its `securityContext` that the pod's security context can hold.
 * Everything else in a template cannot be expressed: {@link podTemplateErrors}
 * names it.
 */
import { isObject } from '../../manifest/_fields';
import { MAIN_CONTAINER } from '../../manifest/_ir';
import { jsonEquals, undefinedIfEmpty } from '../../manifest/_json';
import { BackendName, unsupported } from '../_unsupported';

const BACKEND: BackendName = 'SPOTIFY_OPERATOR';

const TEMPLATE_KEYS = new Set(['apiVersion', 'kind', 'metadata', 'spec']);
const METADATA_KEYS = new Set(['labels', 'annotations']);
/** Pod spec fields with a FlinkCluster counterpart (`serviceAccountName` only as `spec.serviceAccount`). */
const POD_KEYS = new Set([
  'containers', 'initContainers', 'volumes', 'securityContext', 'nodeSelector', 'tolerations', 'affinity', 'hostAliases',
  'imagePullSecrets', 'serviceAccountName',
]);
const MAIN_CONTAINER_KEYS = new Set([
  'name', 'env', 'envFrom', 'volumeMounts', 'resources', 'ports', 'livenessProbe', 'readinessProbe', 'securityContext',
]);
/** Container security settings the pod's security context also has (the container's would win; equal values lose nothing). */
const POD_LEVEL_SECURITY = ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seccompProfile', 'seLinuxOptions', 'windowsOptions', 'appArmorProfile'];
/** Container security settings at their Kubernetes defaults: leaving them out changes nothing. */
const DEFAULT_SECURITY: Record<string, unknown> = { privileged: false, readOnlyRootFilesystem: false, procMount: 'Default' };

const WHY_CONTAINER_SECURITY = "the FlinkCluster has no securityContext for the Flink containers, only the pods' "
  + '(runAs*, seccompProfile, seLinuxOptions, appArmorProfile, windowsOptions); its JobManager, TaskManager and job submitter '
  + "containers cannot drop capabilities or forbid privilege escalation, which Pod Security 'restricted' requires: "
  + "run them in a namespace at Pod Security 'baseline' with podSecurity: PodSecurity.CUSTOM";

/** What a pod template becomes in a FlinkCluster (each piece `undefined` when the template has none). */
export interface PodPieces {
  readonly podAnnotations?: Record<string, string>;
  readonly podLabels?: Record<string, string>;
  /** The pod's security context, with the main container's pod-level settings added. */
  readonly securityContext?: Record<string, any>;
  readonly volumes?: any[];
  readonly nodeSelector?: Record<string, string>;
  readonly tolerations?: any[];
  readonly affinity?: Record<string, any>;
  readonly hostAliases?: any[];
  readonly imagePullSecrets?: any[];
  readonly serviceAccountName?: string;
  readonly initContainers?: any[];
  /** The containers other than `flink-main-container`. */
  readonly sidecars?: any[];
  /** The main container's pieces. */
  readonly env?: any[];
  readonly envFrom?: any[];
  readonly volumeMounts?: any[];
  readonly resources?: Record<string, any>;
  readonly ports?: any[];
  readonly livenessProbe?: Record<string, any>;
  readonly readinessProbe?: Record<string, any>;
}

/** The pieces of a (merged) pod template; what cannot be expressed is left out (see {@link podTemplateErrors}). */
export function podPieces(template: unknown): PodPieces {
  const metadata = isObject(template) && isObject(template.metadata) ? template.metadata : {};
  const spec = isObject(template) && isObject(template.spec) ? template.spec : {};
  const containers: any[] = Array.isArray(spec.containers) ? spec.containers : [];
  const main = containers.find(isMainContainer);
  const mainSecurity = isObject(main?.securityContext) ? main.securityContext : {};
  const podLevel = Object.fromEntries(POD_LEVEL_SECURITY.filter((k) => mainSecurity[k] !== undefined).map((k) => [k, mainSecurity[k]]));
  return {
    podAnnotations: metadata.annotations,
    podLabels: metadata.labels,
    securityContext: undefinedIfEmpty({ ...podLevel, ...(isObject(spec.securityContext) ? spec.securityContext : {}) }),
    volumes: spec.volumes,
    nodeSelector: spec.nodeSelector,
    tolerations: spec.tolerations,
    affinity: spec.affinity,
    hostAliases: spec.hostAliases,
    imagePullSecrets: spec.imagePullSecrets,
    serviceAccountName: spec.serviceAccountName,
    initContainers: spec.initContainers,
    sidecars: undefinedIfEmpty(containers.filter((c) => !isMainContainer(c))),
    env: main?.env,
    envFrom: main?.envFrom,
    volumeMounts: main?.volumeMounts,
    resources: main?.resources,
    ports: Array.isArray(main?.ports)
      ? main.ports.map((p: any) => ({ name: p?.name, containerPort: p?.containerPort, protocol: p?.protocol }))
      : undefined,
    livenessProbe: main?.livenessProbe,
    readinessProbe: main?.readinessProbe,
  };
}

function isMainContainer(container: unknown): boolean {
  return isObject(container) && container.name === MAIN_CONTAINER;
}

/**
 * The fields of a pod template (at `field` of the manifest) that a
 * FlinkCluster cannot express, one error each.
 */
export function podTemplateErrors(template: unknown, field: string): string[] {
  if (!isObject(template)) {
    return [];
  }
  const errors = unknownKeys(template, TEMPLATE_KEYS, field,
    'a FlinkCluster takes only metadata and spec from a pod template');
  if (isObject(template.metadata)) {
    errors.push(...unknownKeys(template.metadata, METADATA_KEYS, `${field}.metadata`,
      'a FlinkCluster sets only labels and annotations on its pods (podLabels, podAnnotations)'));
  }
  const spec = template.spec;
  if (!isObject(spec)) {
    return errors;
  }
  errors.push(...unknownKeys(spec, POD_KEYS, `${field}.spec`,
    'the FlinkCluster has no such pod field: it offers volumes, securityContext, nodeSelector, tolerations, affinity, '
    + 'hostAliases, imagePullSecrets, initContainers and sidecar containers'));
  (Array.isArray(spec.containers) ? spec.containers : []).forEach((container: unknown, i: number) => {
    if (isMainContainer(container)) {
      errors.push(...mainContainerErrors(container as Record<string, any>, `${field}.spec.containers[${i}]`));
    }
  });
  return errors;
}

function mainContainerErrors(container: Record<string, any>, field: string): string[] {
  const errors = unknownKeys(container, MAIN_CONTAINER_KEYS, field,
    'the FlinkCluster sets the Flink container itself and takes only env, envFrom, volumeMounts, resources, ports, '
    + 'livenessProbe, readinessProbe and pod-level securityContext settings from it');
  if (isObject(container.securityContext)) {
    const rest = Object.fromEntries(Object.entries(container.securityContext)
      .filter(([key, value]) => !POD_LEVEL_SECURITY.includes(key) && !jsonEquals(value, DEFAULT_SECURITY[key])));
    if (Object.keys(rest).length > 0) {
      errors.push(unsupported(`${field}.securityContext`, rest, BACKEND, WHY_CONTAINER_SECURITY));
    }
  }
  (Array.isArray(container.ports) ? container.ports : []).forEach((port: unknown, i: number) => {
    if (isObject(port)) {
      errors.push(...unknownKeys(port, new Set(['name', 'containerPort', 'protocol']), `${field}.ports[${i}]`,
        'the FlinkCluster exposes extra ports of the Flink container by name, number and protocol only (extraPorts)'));
    }
  });
  if (isObject(container.resources) && container.resources.claims !== undefined) {
    errors.push(unsupported(`${field}.resources.claims`, container.resources.claims, BACKEND,
      'the FlinkCluster takes only requests and limits of the Flink container'));
  }
  return errors;
}

/** One error per key of `object` not in `known` (null values count as absent). */
function unknownKeys(object: Record<string, any>, known: Set<string>, field: string, why: string): string[] {
  return Object.keys(object)
    .filter((key) => !known.has(key) && object[key] !== null && object[key] !== undefined)
    .map((key) => unsupported(`${field}.${key}`, object[key], BACKEND, why));
}

/**
 * The conflicts of the main container's pod-level security settings with
 * the pod's in a (merged) template: the container's would win, which the
 * FlinkCluster cannot express.
 */
export function securityConflictErrors(template: unknown, field: string): string[] {
  const spec = isObject(template) && isObject(template.spec) ? template.spec : {};
  const main = (Array.isArray(spec.containers) ? spec.containers : []).find(isMainContainer);
  const container = isObject(main?.securityContext) ? main.securityContext : {};
  const pod = isObject(spec.securityContext) ? spec.securityContext : {};
  return POD_LEVEL_SECURITY
    .filter((key) => container[key] !== undefined && pod[key] !== undefined && !jsonEquals(container[key], pod[key]))
    .map((key) => unsupported(`${field}.spec.containers[flink-main-container].securityContext.${key}`, container[key], BACKEND,
      `the pod's securityContext.${key} is ${JSON.stringify(pod[key])}; the FlinkCluster has no per-container security context: set one value in the pod's`));
}

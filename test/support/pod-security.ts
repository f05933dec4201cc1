import { mergePodTemplates } from '../../src/render/kubernetes/_pod-template-merge';

/** The pod security context the library puts under every FlinkDeployment's `podTemplate`. */
export const RESTRICTED_POD = {
  runAsNonRoot: true,
  runAsUser: 9999,
  runAsGroup: 9999,
  fsGroup: 9999,
  seccompProfile: { type: 'RuntimeDefault' },
};

/** The container security context the library puts under every container of a FlinkDeployment's templates. */
export const RESTRICTED_CONTAINER = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  runAsNonRoot: true,
};

const MAIN = 'flink-main-container';
const PROCESSES = ['jobManager', 'taskManager'];
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];
const ALLOWED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];

/**
 * A copy of a FlinkDeployment spec without exactly the library's security
 * defaults: fields equal to the defaults are removed, then a bare
 * `flink-main-container` and emptied templates. Applied to both the
 * rendered and the upstream spec, equality means every upstream field is
 * reproduced and nothing but the defaults was added.
 */
export function withoutSecurityDefaults(spec: any): any {
  if (!isObject(spec)) {
    return spec;
  }
  const out = structuredClone(spec);
  stripTemplate(out, true);
  for (const process of PROCESSES) {
    if (out[process]) {
      stripTemplate(out[process], false);
    }
  }
  return out;
}

function stripTemplate(owner: any, main: boolean): void {
  const podSpec = owner.podTemplate?.spec;
  if (!podSpec) {
    return;
  }
  if (main) {
    stripDefaults(podSpec, RESTRICTED_POD);
  }
  for (const list of CONTAINER_LISTS) {
    (podSpec[list] ?? []).forEach((c: any) => stripDefaults(c, RESTRICTED_CONTAINER));
  }
  if (main && podSpec.containers) {
    podSpec.containers = podSpec.containers.filter((c: any) => !same(c, { name: MAIN }));
    if (podSpec.containers.length === 0) {
      delete podSpec.containers;
    }
  }
  if (Object.keys(podSpec).length === 0) {
    delete owner.podTemplate.spec;
  }
  if (Object.keys(owner.podTemplate).length === 0) {
    delete owner.podTemplate;
  }
}

function stripDefaults(owner: any, defaults: Record<string, unknown>): void {
  const context = owner.securityContext;
  if (!context) {
    return;
  }
  for (const [key, value] of Object.entries(defaults)) {
    if (same(context[key], value)) {
      delete context[key];
    }
  }
  if (Object.keys(context).length === 0) {
    delete owner.securityContext;
  }
}

/**
 * The pod templates the operator builds for the JobManager and the
 * TaskManagers of a FlinkDeployment spec: `podTemplate` with the process's
 * template merged over it by the library's port of the operator's merge,
 * which test/render/kubernetes/pod-template-merge.test.ts holds to the
 * operator's own merge cases (a second merge here would be a copy).
 */
export function effectivePodTemplates(spec: any): Array<[string, any]> {
  const byName = String(spec.flinkConfiguration?.['kubernetes.operator.pod-template.merge-arrays-by-name']) === 'true';
  return PROCESSES.map((process) => [process, mergePodTemplates(spec.podTemplate, spec[process]?.podTemplate, byName) ?? {}]);
}

/**
 * Every way a pod spec misses Pod Security Standards "restricted"
 * (positively: each required setting must be there, at the container or
 * the pod level), each as `<path>: <problem>`.
 */
export function restrictedViolations(pod: any, path: string): string[] {
  const problems: string[] = [];
  const podContext = pod.securityContext ?? {};
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (pod[field] === true) {
      problems.push(`${path}.${field}: true`);
    }
  }
  for (const volume of pod.volumes ?? []) {
    const types = Object.keys(volume).filter((k) => k !== 'name' && !ALLOWED_VOLUMES.includes(k));
    if (types.length > 0) {
      problems.push(`${path}.volumes[${volume.name}]: ${types.join(', ')}`);
    }
  }
  const containers = CONTAINER_LISTS.flatMap((list) => (pod[list] ?? []).map((c: any) => [`${path}.${list}[${c.name}]`, c] as [string, any]));
  if (containers.length === 0) {
    problems.push(`${path}: no containers`);
  }
  for (const [at, container] of containers) {
    const context = container.securityContext ?? {};
    const effective = { ...podContext, ...context };
    if (context.allowPrivilegeEscalation !== false) {
      problems.push(`${at}: allowPrivilegeEscalation is not false`);
    }
    if (context.privileged === true) {
      problems.push(`${at}: privileged`);
    }
    if (!(context.capabilities?.drop ?? []).includes('ALL')) {
      problems.push(`${at}: capabilities.drop misses ALL`);
    }
    if ((context.capabilities?.add ?? []).some((c: string) => c !== 'NET_BIND_SERVICE')) {
      problems.push(`${at}: capabilities.add ${JSON.stringify(context.capabilities.add)}`);
    }
    if (effective.runAsNonRoot !== true) {
      problems.push(`${at}: runAsNonRoot is not true`);
    }
    if (effective.runAsUser === 0) {
      problems.push(`${at}: runAsUser 0`);
    }
    if (!['RuntimeDefault', 'Localhost'].includes(effective.seccompProfile?.type)) {
      problems.push(`${at}: seccompProfile ${JSON.stringify(effective.seccompProfile)}`);
    }
    for (const port of container.ports ?? []) {
      if (port.hostPort) {
        problems.push(`${at}: hostPort ${port.hostPort}`);
      }
    }
  }
  return problems;
}

/** Deep equality of JSON values, key order ignored. */
function same(a: unknown, b: unknown): boolean {
  const sorted = (x: unknown) => (isObject(x) ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => p.localeCompare(q))) : x);
  const canonical = (v: unknown): string => JSON.stringify(v, (_k, x) => sorted(x));
  return canonical(a) === canonical(b);
}

function isObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

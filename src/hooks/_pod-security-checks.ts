import { isObject } from '../manifest/_fields';
/**
 * Settings of a FlinkDeployment's pod templates that break Pod Security
 * Standards "restricted": not an upstream rule (the operator accepts them),
 * the library's own check of resources that opted into the restricted
 * profile (`PodSecurity.RESTRICTED`), so that a template does not weaken the
 * defaults by accident.
 *
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */

const OPT_OUT = 'set podSecurity: PodSecurity.CUSTOM to opt out';

/** The pod templates of a FlinkDeployment spec, relative to it. */
const TEMPLATES = [['podTemplate'], ['jobManager', 'podTemplate'], ['taskManager', 'podTemplate']] as const;

const HOST_NAMESPACES: ReadonlyArray<readonly [string, string]> = [
  ['hostNetwork', 'network'],
  ['hostPID', 'process'],
  ['hostIPC', 'IPC'],
];

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** Volume types "restricted" allows. */
const ALLOWED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];

/** The only capability "restricted" lets a container add. */
const ADDABLE_CAPABILITY = 'NET_BIND_SERVICE';

/**
 * Every setting of the spec's pod templates that breaks the restricted
 * profile, each message naming the field path (under `path`) and value.
 */
export function podSecurityErrors(spec: any, path: string): string[] {
  const errors: string[] = [];
  for (const fields of TEMPLATES) {
    const template = fields.reduce((node: any, field) => (isObject(node) ? node[field] : undefined), spec);
    if (isObject(template) && isObject(template.spec)) {
      podErrors(template.spec, `${path}.${fields.join('.')}.spec`, errors);
    }
  }
  return errors;
}

function podErrors(pod: any, path: string, errors: string[]): void {
  for (const [field, namespace] of HOST_NAMESPACES) {
    if (pod[field] === true) {
      errors.push(breaks(`${path}.${field}`, true, `shares the node's ${namespace} namespace`, 'forbids host namespaces'));
    }
  }
  contextErrors(pod.securityContext, `${path}.securityContext`, errors);
  listed(pod.volumes).forEach(([volume, label]) => volumeErrors(volume, `${path}.volumes[${label}]`, errors));
  for (const list of CONTAINER_LISTS) {
    listed(pod[list]).forEach(([container, label]) => containerErrors(container, `${path}.${list}[${label}]`, errors));
  }
}

function volumeErrors(volume: any, path: string, errors: string[]): void {
  for (const type of Object.keys(volume).filter((key) => key !== 'name')) {
    if (type === 'hostPath') {
      errors.push(breaks(`${path}.hostPath.path`, volume.hostPath?.path, 'mounts a directory of the node', 'forbids hostPath volumes'));
    } else if (!ALLOWED_VOLUMES.includes(type)) {
      errors.push(breaks(`${path}.${type}`, type, 'volume type is not allowed',
        `allows only ${ALLOWED_VOLUMES.slice(0, -1).join(', ')} and ${ALLOWED_VOLUMES[ALLOWED_VOLUMES.length - 1]} volumes`));
    }
  }
}

function containerErrors(container: any, path: string, errors: string[]): void {
  const context = container.securityContext;
  if (isObject(context)) {
    if (context.privileged === true) {
      errors.push(breaks(`${path}.securityContext.privileged`, true, 'runs a privileged container', 'forbids privileged containers'));
    }
    if (context.allowPrivilegeEscalation === true) {
      errors.push(breaks(`${path}.securityContext.allowPrivilegeEscalation`, true, 'lets processes gain more privileges', 'needs allowPrivilegeEscalation: false'));
    }
    capabilityErrors(context.capabilities, `${path}.securityContext.capabilities`, errors);
  }
  contextErrors(context, `${path}.securityContext`, errors);
  listed(container.ports).forEach(([port, label]) => {
    if (port.hostPort !== undefined && port.hostPort !== 0) {
      errors.push(breaks(`${path}.ports[${label}].hostPort`, port.hostPort, 'opens a port on the node', 'forbids host ports'));
    }
  });
}

function capabilityErrors(capabilities: any, path: string, errors: string[]): void {
  if (!isObject(capabilities)) {
    return;
  }
  const added = Array.isArray(capabilities.add) ? capabilities.add.filter((c: unknown) => c !== ADDABLE_CAPABILITY) : [];
  if (added.length > 0) {
    errors.push(breaks(`${path}.add`, capabilities.add, 'adds capabilities', `allows adding only ${ADDABLE_CAPABILITY}`));
  }
  if (capabilities.drop !== undefined && !(Array.isArray(capabilities.drop) && capabilities.drop.includes('ALL'))) {
    errors.push(breaks(`${path}.drop`, capabilities.drop, 'keeps capabilities', 'needs drop: ["ALL"]'));
  }
}

/** Fields pods and containers share. */
function contextErrors(context: any, path: string, errors: string[]): void {
  if (!isObject(context)) {
    return;
  }
  if (context.runAsNonRoot === false) {
    errors.push(breaks(`${path}.runAsNonRoot`, false, 'allows running as root', 'needs runAsNonRoot: true'));
  }
  if (context.runAsUser === 0) {
    errors.push(breaks(`${path}.runAsUser`, 0, 'runs as root', 'needs a non-root user'));
  }
  if (context.seccompProfile?.type === 'Unconfined') {
    errors.push(breaks(`${path}.seccompProfile.type`, 'Unconfined', 'turns seccomp off', 'needs RuntimeDefault or Localhost'));
  }
}

/** `<path>: <value> <what it does>; pod security "restricted" <rule> (<opt-out>)`. */
function breaks(path: string, value: unknown, effect: string, rule: string): string {
  const shown = typeof value === 'string' && /^[\w./-]+$/.test(value) ? value : JSON.stringify(value);
  return `${path}: ${shown} ${effect}; pod security "restricted" ${rule} (${OPT_OUT})`;
}

/** The objects of a list with their labels: the name when they have one, else the index. */
function listed(list: unknown): Array<[any, string]> {
  if (!Array.isArray(list)) {
    return [];
  }
  return list.flatMap((item, i) => (isObject(item) ? [[item, typeof item.name === 'string' ? item.name : String(i)] as [any, string]] : []));
}


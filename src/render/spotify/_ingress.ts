/**
 * The operator's `spec.ingress` as the FlinkCluster's
 * `spec.jobManager.ingress`. The spotify operator renders one Ingress rule
 * for the host of `hostFormat` (where `{{$clusterName}}` stands for the
 * cluster's name), path `/` to the JobManager UI, with the annotations
 * given and, with `useTls`, one TLS entry for that host and `tlsSecretName`.
 * So a host-only template maps (`{{name}}.flink.example.com`); a template
 * with a path, an ingress class, labels or several TLS entries cannot.
 */
import { isObject } from '../../manifest/_fields';
import { BackendName, unsupported } from '../_unsupported';

const BACKEND: BackendName = 'SPOTIFY_OPERATOR';
const FIELD = 'spec.ingress';

/** The FlinkCluster ingress of a manifest's `spec.ingress`, and what it cannot express. */
export interface MappedIngress {
  readonly ingress?: Record<string, any>;
  readonly errors: string[];
}

/**
 * Maps `spec.ingress` of the FlinkDeployment `name` in `namespace`.
 *
 * @param ingress the manifest's `spec.ingress`
 * @param name the resource's name (also the FlinkCluster's)
 * @param namespace the resource's namespace, if it sets one
 */
export function jobManagerIngress(ingress: unknown, name: string, namespace: string | undefined): MappedIngress {
  if (!isObject(ingress)) {
    return { errors: [] };
  }
  const errors: string[] = [];
  const host = hostOf(ingress.template, name, namespace, errors);
  if (ingress.className !== undefined && ingress.className !== null) {
    errors.push(unsupported(`${FIELD}.className`, ingress.className, BACKEND,
      'the FlinkCluster ingress has no class: rely on the default IngressClass, or set the '
      + "'kubernetes.io/ingress.class' annotation in the ingress annotations if your controller reads it"));
  }
  if (isObject(ingress.labels) && Object.keys(ingress.labels).length > 0) {
    errors.push(unsupported(`${FIELD}.labels`, ingress.labels, BACKEND, 'the spotify operator sets the labels of its Ingress itself'));
  }
  for (const key of Object.keys(ingress).filter((k) => !['template', 'className', 'annotations', 'labels', 'tls'].includes(k))) {
    errors.push(unsupported(`${FIELD}.${key}`, ingress[key], BACKEND, 'the FlinkCluster ingress has no such field'));
  }
  const tls = tlsOf(ingress.tls, host, errors);
  return {
    ingress: host === undefined ? undefined : { hostFormat: host, annotations: ingress.annotations, ...tls },
    errors,
  };
}

/** The host of the expanded template (`{{name}}`, `{{namespace}}`, any case); `undefined` with an error when there is none. */
function hostOf(template: unknown, name: string, namespace: string | undefined, errors: string[]): string | undefined {
  const field = `${FIELD}.template`;
  if (typeof template !== 'string') {
    errors.push(unsupported(field, template, BACKEND, 'the FlinkCluster ingress needs a host template'));
    return undefined;
  }
  const url = template.replace(/\{\{name\}\}/gi, name).replace(/^https?:\/\//i, '');
  const slash = url.indexOf('/');
  const host = slash < 0 ? url : url.substring(0, slash);
  const path = slash < 0 ? '' : url.substring(slash);
  if (host === '' || (path !== '' && path !== '/')) {
    errors.push(unsupported(field, template, BACKEND,
      'the FlinkCluster ingress routes a whole host (path /) to the JobManager UI: use a host template such as "{{name}}.flink.example.com"'));
    return undefined;
  }
  if (/\{\{namespace\}\}/i.test(host) && namespace === undefined) {
    errors.push(unsupported(field, template, BACKEND,
      'the FlinkCluster host format knows only the cluster name, and the namespace is not known at synth time: set the namespace of the resource'));
    return undefined;
  }
  return host.replace(/\{\{namespace\}\}/gi, namespace ?? '');
}

/** `useTls` and `tlsSecretName` for at most one TLS entry that covers the host. */
function tlsOf(tls: unknown, host: string | undefined, errors: string[]): Record<string, unknown> {
  if (!Array.isArray(tls) || tls.length === 0) {
    return {};
  }
  const entry = tls[0];
  const hosts = isObject(entry) && Array.isArray(entry.hosts) ? entry.hosts : [];
  if (tls.length > 1 || !isObject(entry) || hosts.some((h: unknown) => h !== host)) {
    errors.push(unsupported(`${FIELD}.tls`, tls, BACKEND,
      'the FlinkCluster ingress has one TLS entry, for its own host: give at most one entry, without other hosts'));
    return {};
  }
  return { useTls: true, tlsSecretName: entry.secretName };
}

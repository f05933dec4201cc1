import { ingressErrors, ingressUrl } from '../../hooks/default-validator/_ingress';
import { isObject } from '../../manifest/_fields';
import { cleanJson, undefinedIfEmpty } from '../../manifest/_json';

/**
 * The `networking.k8s.io/v1` Ingress the Flink Kubernetes Operator (1.15)
 * creates for a FlinkDeployment's `spec.ingress`, as plain JSON.
 *
 * The operator expands the template (`{{name}}` and `{{namespace}}`,
 * case-insensitively, `http://` prefixed unless an `http(s)://` scheme is
 * given), parses it as a `java.net.URL` and renders one rule: the URL's host
 * (when not blank) and a single `ImplementationSpecific` path (the URL's
 * path when not blank, query and fragment cut off) to the REST service. It
 * adds no annotation and does not rewrite the path: a path-based template
 * needs the rewrite annotation of its ingress controller from the user.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/operations/ingress/
 */

/** The label the operator selects its Ingresses by. */
const COMPONENT_LABEL = 'component';
const COMPONENT_INGRESS = 'ingress';

/** The only path type the operator renders. */
const PATH_TYPE = 'ImplementationSpecific';

/** The result of rendering `spec.ingress`: the Ingress, or the operator's errors and no Ingress. */
export interface RenderedIngress {
  /** The Ingress JSON; `undefined` when there is no `spec.ingress` or it is rejected. */
  readonly ingress: any;
  /** The operator's messages (verbatim) for a rejected `spec.ingress`; empty otherwise. */
  readonly errors: string[];
}

/**
 * The Ingress the operator creates for `spec.ingress` of the FlinkDeployment
 * `name` in `namespace`, routing to `restServiceName`:`restPort`; or the
 * operator's error messages when it rejects the template. Never throws.
 */
export function renderIngress(
  ingress: any,
  name: string,
  namespace: string | undefined,
  restServiceName: string,
  restPort: number,
): RenderedIngress {
  if (ingress === undefined || ingress === null) {
    return { ingress: undefined, errors: [] };
  }
  const errors = ingressErrors(ingress, name, namespace);
  if (errors.length > 0) {
    return { ingress: undefined, errors };
  }
  const url = urlOf(ingressUrl(String(ingress.template), name, namespace));
  return {
    ingress: cleanJson({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name,
        namespace,
        labels: { ...stringMap(ingress.labels), [COMPONENT_LABEL]: COMPONENT_INGRESS },
        annotations: undefinedIfEmpty(stringMap(ingress.annotations)),
      },
      spec: {
        ingressClassName: typeof ingress.className === 'string' ? ingress.className : undefined,
        tls: undefinedIfEmpty(tlsOf(ingress.tls)),
        rules: [{
          host: isBlank(url.host) ? undefined : url.host,
          http: {
            paths: [{
              path: url.path === '' ? undefined : url.path,
              pathType: PATH_TYPE,
              backend: { service: { name: restServiceName, port: { number: restPort } } },
            }],
          },
        }],
      },
    }),
    errors: [],
  };
}

/**
 * `getHost()` and `getPath()` of `new java.net.URL(spec)` (JDK 17) for an
 * `http(s)://` spec that parses: surrounding whitespace trimmed, the
 * fragment and query cut off, user info and port dropped from the
 * authority (no host when the authority has two `@`), and four leading
 * slashes read as a path without authority. Absolute paths are not
 * normalised (`/./` and `/../` stay).
 */
function urlOf(spec: string): { host: string; path: string } {
  const text = spec.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const start = text.indexOf(':') + 1;
  const fragment = text.indexOf('#', start);
  let limit = fragment >= 0 ? fragment : text.length;
  const query = text.indexOf('?');
  if (query !== -1 && query < limit) {
    limit = query;
  }
  const rest = text.substring(start, limit);
  if (rest.startsWith('////') || !rest.startsWith('//')) {
    return { host: '', path: rest };
  }
  const slash = rest.indexOf('/', 2);
  const authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
  return { host: hostOf(authority), path: slash < 0 ? '' : rest.substring(slash) };
}

/** The host of a URL authority as `java.net.URL` splits it off user info and port. */
function hostOf(authority: string): string {
  const at = authority.indexOf('@');
  if (at !== authority.lastIndexOf('@')) {
    return '';
  }
  const host = authority.substring(at + 1);
  if (host.startsWith('[')) {
    return host.substring(0, host.indexOf(']') + 1);
  }
  const colon = host.indexOf(':');
  return colon < 0 ? host : host.substring(0, colon);
}

/** Commons Lang's `StringUtils.isBlank`: empty or only Java whitespace. */
function isBlank(text: string): boolean {
  return /^[\t\n\u000b\f\r\u001c-\u0020\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]*$/.test(text);
}

/** The string entries of a map (the API server prunes `null` values of a CRD's string map). */
function stringMap(value: unknown): Record<string, string> {
  return isObject(value) ? Object.fromEntries(Object.entries(value).filter(([, item]) => typeof item === 'string')) : {};
}

/**
 * The TLS entries as the operator's client serialises them: `hosts` only
 * when not empty, `secretName` only when set.
 */
function tlsOf(value: unknown): any[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.filter(isObject).map((tls) => ({
    hosts: Array.isArray(tls.hosts) && tls.hosts.length > 0 ? [...tls.hosts] : undefined,
    secretName: typeof tls.secretName === 'string' ? tls.secretName : undefined,
  }));
}

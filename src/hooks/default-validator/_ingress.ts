import { javaUrlError } from '../../jvm/_java-url';
import { at } from '../../manifest/_fields';

/**
 * The ingress check: a template is required, and once `{{name}}` and
 * `{{namespace}}` are substituted (case-insensitively) and `http://` is
 * prefixed when no `http(s)://` is given, it must parse as a `java.net.URL`.
 * A manifest without a namespace is checked as if it were in `default`.
 */

/** The namespace assumed for a manifest that does not set one. */
const DEFAULT_NAMESPACE = 'default';

/**
 * `IngressUtils.getIngressUrl`'s template expansion: the protocol is added
 * before the placeholders are replaced; no namespace reads as `default`.
 */
export function ingressUrl(template: string, name: string, namespace: string | undefined): string {
  const withProtocol = /^https?:\/\//i.test(template) ? template : `http://${template}`;
  const ns = namespace ?? DEFAULT_NAMESPACE;
  return withProtocol.replace(/\{\{name\}\}/gi, () => name).replace(/\{\{namespace\}\}/gi, () => ns);
}

/** Errors of `spec.ingress` for a deployment called `name` in `namespace`. */
export function ingressErrors(ingress: unknown, name: unknown, namespace: unknown): string[] {
  if (ingress === undefined) {
    return [];
  }
  const template = at(ingress, 'template');
  if (template === undefined) {
    return ['Ingress template must be defined'];
  }
  if (typeof name !== 'string') {
    return [];
  }
  const error = javaUrlError(ingressUrl(template, name, typeof namespace === 'string' ? namespace : undefined));
  return error === undefined ? [] : [`Unable to process the Ingress template(${template}). Error: ${error}`];
}

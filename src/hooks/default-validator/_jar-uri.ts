import { FlinkConfig } from '../../jvm/_flink-config';
import { OPERATOR_OPTIONS } from '../../jvm/_flink-options';
import { isAmbiguousIPv4Literal, isRestrictedAddress, parseIPv4, parseIPv6 } from '../../jvm/_ip-address';
import { javaDigit } from '../../jvm/_java-numbers';
import { javaHashSetToString } from '../../jvm/_java-text';
import { parseJavaUri, UriSyntaxError } from '../../jvm/_java-uri';
import { operatorConfiguration } from '../../manifest/_configuration';

/**
 * The session job `jarURI` check: a valid URI with a scheme from the
 * operator's allowlist and, for `http`/`https` when the operator disallows
 * restricted hosts, a host that is not loopback, link-local, site-local
 * (private), the wildcard or multicast.
 *
 * The operator resolves the host through DNS; no name is resolved here.
 * IP literals (including the JDK's single-number and IPv4-mapped IPv6
 * forms) and `localhost` are classified directly, ambiguous octal or
 * hexadecimal literals are refused as unresolvable as the JDK does, and
 * any other host name is accepted, even one that would resolve to a
 * restricted address or not at all.
 */

export type HostVerdict = 'restricted' | 'unresolvable' | 'unchecked';

/** What `InetAddress.getByName(host)` would make of a host, without DNS. */
export function hostVerdict(host: string): HostVerdict {
  if (host.length === 0) {
    // No host is the loopback address.
    return 'restricted';
  }
  let name = host;
  let ipv6Expected = false;
  if (name.startsWith('[')) {
    if (name.length <= 2 || !name.endsWith(']')) {
      return 'unresolvable';
    }
    name = name.substring(1, name.length - 1);
    ipv6Expected = true;
  }
  if (javaDigit(name[0], 16) !== -1 || name[0] === ':') {
    const v4 = parseIPv4(name);
    if (v4 !== undefined) {
      return ipv6Expected ? 'unresolvable' : (isRestrictedAddress(v4) ? 'restricted' : 'unchecked');
    }
    if (isAmbiguousIPv4Literal(name)) {
      return 'unresolvable';
    }
    const v6 = parseIPv6(name);
    if (v6 !== undefined && v6.length === 4 && name.includes('%')) {
      // An IPv4-mapped address with a zone id.
      return 'unresolvable';
    }
    if (v6 !== undefined) {
      return isRestrictedAddress(v6) ? 'restricted' : 'unchecked';
    }
    if (name.includes(':') || ipv6Expected) {
      return 'unresolvable';
    }
  } else if (ipv6Expected) {
    return 'unresolvable';
  }
  return name.toLowerCase() === 'localhost' ? 'restricted' : 'unchecked';
}

/** Errors of a session job's `jarURI` under the operator-level configuration. */
export function jarUriErrors(jarUri: unknown, operatorConf: FlinkConfig): string[] {
  const allowedOption = OPERATOR_OPTIONS.jarUriAllowedSchemes;
  const allowed = operatorConf.list(allowedOption).map((scheme) => scheme.toLowerCase());
  const disallowRestrictedHosts = operatorConf.boolean(OPERATOR_OPTIONS.jarUriDisallowRestrictedHosts);
  if (typeof jarUri !== 'string') {
    return [];
  }
  let scheme: string | undefined;
  let host: string | undefined;
  try {
    ({ scheme, host } = parseJavaUri(jarUri));
  } catch (error) {
    if (error instanceof UriSyntaxError) {
      return [`jarURI is not a valid URI: ${error.message}`];
    }
    throw error;
  }
  if (scheme === undefined) {
    return ['jarURI must include a scheme'];
  }
  if (!allowed.includes(scheme.toLowerCase())) {
    return [`jarURI scheme '${scheme}' is not in the allowlist ${javaHashSetToString(allowed)}. Configure '${allowedOption.key}' to extend the allowlist.`];
  }
  if (!/^https?$/i.test(scheme) || !disallowRestrictedHosts) {
    return [];
  }
  if (host === undefined || host.length === 0) {
    return ['jarURI must include a host for http/https schemes'];
  }
  switch (hostVerdict(host)) {
    case 'restricted':
      return [`jarURI host '${host}' resolves to a restricted address`];
    case 'unresolvable':
      return [`jarURI host '${host}' cannot be resolved`];
    default:
      return [];
  }
}

/**
 * An operator configuration whose session job jar schemes also allow
 * `scheme`: for backends where no operator fetches the jar.
 */
export function allowJarScheme(configured: { [key: string]: string } | undefined, scheme: string): { [key: string]: string } {
  const option = OPERATOR_OPTIONS.jarUriAllowedSchemes;
  try {
    const current = new FlinkConfig(operatorConfiguration({ operatorConfiguration: configured, source: '' })).list(option);
    return { ...configured, [option.key]: [...current, scheme].join(';') };
  } catch {
    // A malformed list: the validator reports it as it is.
    return { ...configured };
  }
}

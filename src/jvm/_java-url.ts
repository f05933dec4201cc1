import { parseIPv6 } from './_ip-address';
import { parseJavaIntRange } from './_java-numbers';

/**
 * `new java.net.URL(spec)` for `http`/`https` specs (JDK 17): the
 * `MalformedURLException` message it would raise, or nothing. The JDK is
 * lenient: only the protocol, the authority's port and IPv6 literal, and
 * control characters in the host are checked.
 */

const OTHER_FORBIDDEN_HOST_CHARS = [
  8263, 8264, 8265, 8448, 8449, 8453, 8454, 10868, 65109, 65110, 65119, 65131, 65283, 65295, 65306, 65311, 65312,
];

/** Raised for what `URLStreamHandler.parseURL` rejects; the message becomes the `MalformedURLException`'s. */
class UrlError extends Error {}

/** The JDK's exception text: runs of spaces collapsed and ends trimmed. */
function collapseSpaces(text: string): string {
  return text.replace(/ {2,}/g, ' ').replace(/^ | $/g, '');
}

function describeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 32 || code === 127) {
    return ch === '\n' ? 'LF' : ch === '\r' ? 'CR' : `control char (code=${code})`;
  }
  return ch === '\\' ? '\'\\\'' : `'${ch}'`;
}

/** `IPAddressUtil.checkHostString`: control characters, `/` and a few look-alikes are refused. */
function checkHost(host: string): void {
  for (const ch of host) {
    const code = ch.charCodeAt(0);
    if (code < 32 || code === 127 || ch === '/' || (ch.length === 1 && OTHER_FORBIDDEN_HOST_CHARS.includes(code))) {
      throw new UrlError(`Illegal character found in host: ${describeChar(ch)}`);
    }
  }
}

function parsePort(text: string, begin: number): number {
  const port = parseJavaIntRange(text, begin, text.length);
  if ('error' in port) {
    throw new UrlError(port.error);
  }
  return port.value;
}

/** The host (and port) of an authority, as `URLStreamHandler.parseURL` splits them. */
function parseAuthority(authority: string): void {
  const at = authority.indexOf('@');
  if (at !== -1 && at !== authority.lastIndexOf('@')) {
    return;
  }
  let host = at === -1 ? authority : authority.substring(at + 1);
  let port = -1;
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close <= 2) {
      throw new UrlError(collapseSpaces(`Invalid authority field: ${authority}`));
    }
    const literal = host.substring(0, close + 1);
    if (parseIPv6(host.substring(1, close)) === undefined) {
      throw new UrlError(collapseSpaces(`Invalid host: ${literal}`));
    }
    if (host.length > close + 1) {
      if (host[close + 1] !== ':') {
        throw new UrlError(collapseSpaces(`Invalid authority field: ${authority}`));
      }
      if (host.length > close + 2) {
        port = parsePort(host, close + 2);
      }
    }
    host = literal;
  } else {
    const colon = host.indexOf(':');
    if (colon >= 0) {
      if (host.length > colon + 1) {
        port = parsePort(host, colon + 1);
      }
      host = host.substring(0, colon);
    }
  }
  if (port < -1) {
    throw new UrlError(`Invalid port number :${port}`);
  }
  checkHost(host);
}

/** `URLStreamHandler.parseURL` for the part of `spec` after the protocol. */
function parseHierarchicalPart(spec: string, start: number, limit: number): void {
  let end = limit;
  if (start < end) {
    const queryStart = spec.indexOf('?');
    if (queryStart !== -1 && queryStart < end) {
      end = queryStart;
    }
  }
  const isUncName = start <= end - 4 && spec.startsWith('////', start);
  if (!isUncName && start <= end - 2 && spec.startsWith('//', start)) {
    const authorityStart = start + 2;
    let authorityEnd = spec.indexOf('/', authorityStart);
    if (authorityEnd < 0 || authorityEnd > end) {
      authorityEnd = spec.indexOf('?', authorityStart);
      if (authorityEnd < 0 || authorityEnd > end) {
        authorityEnd = end;
      }
    }
    parseAuthority(spec.substring(authorityStart, authorityEnd));
  }
}

/**
 * The message of the `MalformedURLException` `new URL(spec)` raises for an
 * `http`/`https` spec, or `undefined` when it parses.
 */
export function javaUrlError(spec: string): string | undefined {
  let limit = spec.length;
  while (limit > 0 && spec.charCodeAt(limit - 1) <= 32) {
    limit--;
  }
  let start = 0;
  while (start < limit && spec.charCodeAt(start) <= 32) {
    start++;
  }
  if (spec.substring(start, start + 4).toLowerCase() === 'url:') {
    start += 4;
  }
  let protocol: string | undefined;
  for (let i = start; spec[start] !== '#' && i < limit && spec[i] !== '/'; i++) {
    if (spec[i] === ':') {
      const candidate = spec.substring(start, i).toLowerCase();
      if (/^[a-z][a-z0-9.+-]*$/.test(candidate)) {
        protocol = candidate;
        start = i + 1;
      }
      break;
    }
  }
  if (protocol === undefined) {
    return `no protocol: ${spec}`;
  }
  if (protocol !== 'http' && protocol !== 'https') {
    return `unknown protocol: ${protocol}`;
  }
  const ref = spec.indexOf('#', start);
  try {
    parseHierarchicalPart(spec, start, ref >= 0 ? ref : limit);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

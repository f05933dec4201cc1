import { javaDigit } from './_java-numbers';

/**
 * IP address literals as the JDK reads them (`IPAddressUtil`), and the
 * address classes `InetAddress` reports as loopback, link-local,
 * site-local, wildcard or multicast.
 *
 * Measured against `InetAddress.getByName` over the 10,000 generated
 * strings of the conformance run, each library in place of these two
 * parsers with everything else as the port does it: ipaddr.js 2.5.0 answers
 * differently on 310 strings (it reads octal and hexadecimal IPv4 forms,
 * refuses `019225616` and IPv6 groups of five digits such as `::00001`,
 * and reads `::169.254.1.1` as IPv4-mapped), still 118 with only its IPv6
 * parser in use; ip-address 10.7.7 on 700 and Node's `net.isIP` on 701
 * (both refuse the JDK's one- to three-part IPv4 forms such as `127.1`). So
 * the parsers are written here.
 */

/** `IPAddressUtil.textToNumericFormatV4`: decimal dotted forms `a`, `a.b`, `a.b.c`, `a.b.c.d`. */
export function parseIPv4(text: string): number[] | undefined {
  if (text.length === 0 || text.length > 15) {
    return undefined;
  }
  const bytes: number[] = [];
  let value = 0;
  let newOctet = true;
  for (const ch of text) {
    if (ch === '.') {
      if (newOctet || value > 0xff || bytes.length === 3) {
        return undefined;
      }
      bytes.push(value);
      value = 0;
      newOctet = true;
    } else {
      if (ch < '0' || ch > '9') {
        return undefined;
      }
      value = value * 10 + Number(ch);
      newOctet = false;
    }
  }
  const remainingBytes = 4 - bytes.length;
  if (newOctet || value >= 2 ** (8 * remainingBytes)) {
    return undefined;
  }
  for (let shift = 8 * (remainingBytes - 1); shift >= 0; shift -= 8) {
    bytes.push(Math.floor(value / 2 ** shift) % 256);
  }
  return bytes;
}

/**
 * `IPAddressUtil.textToNumericFormatV6`: 16 bytes, or the 4 bytes of an
 * IPv4-mapped address; a `%zone` suffix is ignored.
 */
export function parseIPv6(text: string): number[] | undefined {
  if (text.length < 2) {
    return undefined;
  }
  const zone = text.indexOf('%');
  if (zone === text.length - 1) {
    return undefined;
  }
  const end = zone === -1 ? text.length : zone;
  const dst: number[] = new Array(16).fill(0);
  let colon = -1;
  let i = 0;
  let j = 0;
  if (text[i] === ':' && text[++i] !== ':') {
    return undefined;
  }
  let tokenStart = i;
  let sawDigit = false;
  let value = 0;
  while (i < end) {
    const ch = text[i++];
    const digit = javaDigit(ch, 16);
    if (digit !== -1) {
      value = value * 16 + digit;
      if (value > 0xffff) {
        return undefined;
      }
      sawDigit = true;
      continue;
    }
    if (ch === ':') {
      tokenStart = i;
      if (!sawDigit) {
        if (colon !== -1) {
          return undefined;
        }
        colon = j;
        continue;
      } else if (i === end || j + 2 > 16) {
        return undefined;
      }
      dst[j++] = Math.floor(value / 256);
      dst[j++] = value % 256;
      sawDigit = false;
      value = 0;
      continue;
    }
    if (ch === '.' && j + 4 <= 16) {
      const embedded = text.substring(tokenStart, end);
      const v4 = embedded.split('.').length === 4 ? parseIPv4(embedded) : undefined;
      if (v4 === undefined) {
        return undefined;
      }
      for (const byte of v4) {
        dst[j++] = byte;
      }
      sawDigit = false;
      break;
    }
    return undefined;
  }
  if (sawDigit) {
    if (j + 2 > 16) {
      return undefined;
    }
    dst[j++] = Math.floor(value / 256);
    dst[j++] = value % 256;
  }
  if (colon !== -1) {
    const n = j - colon;
    if (j === 16) {
      return undefined;
    }
    for (let k = 1; k <= n; k++) {
      dst[16 - k] = dst[colon + n - k];
      dst[colon + n - k] = 0;
    }
    j = 16;
  }
  if (j !== 16) {
    return undefined;
  }
  const mapped = dst.slice(0, 10).every((b) => b === 0) && dst[10] === 0xff && dst[11] === 0xff;
  return mapped ? dst.slice(12) : dst;
}

/**
 * Whether an address (4 or 16 bytes) is loopback, link-local, site-local,
 * the wildcard or multicast.
 */
export function isRestrictedAddress(bytes: readonly number[]): boolean {
  if (bytes.length === 4) {
    const [a, b] = bytes;
    return a === 127
      || (a === 169 && b === 254)
      || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)
      || bytes.every((x) => x === 0)
      || (a >= 224 && a <= 239);
  }
  const [a, b] = bytes;
  const allZeroBeforeLast = bytes.slice(0, 15).every((x) => x === 0);
  return (allZeroBeforeLast && (bytes[15] === 1 || bytes[15] === 0))
    || (a === 0xfe && b >= 0x80)
    || a === 0xff;
}

/**
 * Whether text is an IPv4 literal in the BSD forms (octal, hexadecimal,
 * fewer than four parts) that the JDK refuses as ambiguous instead of
 * looking them up as host names (`IPAddressUtil.isBsdParsableV4`): one to
 * four dot-separated fields, each hexadecimal (`0x…`), octal (`0…`) or
 * decimal, every field but the last at most 255 and the last at most what
 * the remaining bytes hold.
 */
export function isAmbiguousIPv4Literal(text: string): boolean {
  if (!/^[0-9]/.test(text) || !/[0-9a-fA-F]$/.test(text)) {
    return false;
  }
  const fields = text.split('.');
  if (fields.length > 4) {
    return false;
  }
  return fields.every((field, i) => {
    const value = bsdFieldValue(field);
    const max = i < fields.length - 1 ? 255n : 2n ** BigInt(8 * (5 - fields.length)) - 1n;
    return value !== undefined && value <= max;
  });
}

/**
 * The value of one field of a BSD IPv4 literal, or undefined when it is
 * none: a field that starts with `0` and goes on is octal (`08` is no field).
 */
function bsdFieldValue(field: string): bigint | undefined {
  if (/^0[xX][0-9a-fA-F]+$/.test(field)) {
    return BigInt(`0x${field.substring(2)}`);
  }
  if (/^0[0-7]*$/.test(field)) {
    return BigInt(`0o${field.substring(1) || '0'}`);
  }
  return /^[1-9][0-9]*$/.test(field) ? BigInt(field) : undefined;
}

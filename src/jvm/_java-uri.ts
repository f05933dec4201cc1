import { parseJavaIntRange } from './_java-numbers';

/**
 * `java.net.URI(String)` parsing (RFC 2396 with the JDK's deviations), for
 * the parts the operator relies on: whether the text parses, the
 * `URISyntaxException` message when it does not, and the scheme and
 * server-based host when it does (a host that does not parse as a server
 * authority leaves the host undefined, as the JDK's registry-based
 * fallback does).
 *
 * Measured against `java.net.URI` over the 10,000 generated strings of the
 * conformance run, comparing only parse or refuse, scheme and host (no
 * library has the JDK's messages): uri-js 4.4.1 answers differently on
 * 7,987 (it refuses almost nothing) and the WHATWG URL parser (whatwg-url
 * 17.3.0, as Node's `URL`) on 2,134 (it refuses relative references and
 * normalises hosts), so the parser is written here.
 */

/** A `URISyntaxException`; the message is the JDK's `getMessage()`. */
export class UriSyntaxError extends Error {}

/** The components of a parsed URI the checks use. */
export interface JavaUri {
  readonly scheme?: string;
  readonly host?: string;
}

interface CharClass {
  readonly chars: string;
  /** Whether `%XX` escapes and visible non-ASCII characters are also allowed. */
  readonly escaped: boolean;
}

const DIGIT = '0123456789';
const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALPHANUM = ALPHA + DIGIT;
const UNRESERVED = `${ALPHANUM}-_.!~*'()`;
const cls = (chars: string, escaped = false): CharClass => ({ chars, escaped });

const C_DIGIT = cls(DIGIT);
const C_ALPHA = cls(ALPHA);
const C_ALPHANUM = cls(ALPHANUM);
const C_ALPHANUM_DASH = cls(`${ALPHANUM}-`);
const C_DIGIT_DOT = cls(`${DIGIT}.`);
const C_HEX = cls(`${DIGIT}ABCDEFabcdef`);
const C_URIC = cls(`;/?:@&=+$,[]${UNRESERVED}`, true);
const C_PATH = cls(`${UNRESERVED}:@&=+$,;/`, true);
const C_USERINFO = cls(`${UNRESERVED};:&=+$,`, true);
const C_REG_NAME = cls(`${UNRESERVED}$,;:@&=+`, true);
const C_SERVER = cls(`${UNRESERVED};:&=+$,.:@[]`, true);
const C_SERVER_PERCENT = cls(`${C_SERVER.chars}%`, true);
const C_SCHEME = cls(`${ALPHANUM}+-.`);
const C_SCOPE_ID = cls(`${ALPHANUM}_.`);

const SPACE_CHAR = /^[\p{Zs}\p{Zl}\p{Zp}]$/u;

function matches(ch: string | undefined, charClass: CharClass): boolean {
  if (ch === undefined) {
    return false;
  }
  const code = ch.charCodeAt(0);
  return code !== 0 && code < 128 && charClass.chars.includes(ch);
}

class UriParser {
  scheme?: string;
  host?: string;
  private ipv6ByteCount = 0;

  constructor(private readonly input: string) {}

  private fail(reason: string, index = -1): never {
    const where = index > -1 ? ` at index ${index}` : '';
    // `URISyntaxException.getMessage()` quotes the input as it is.
    throw new UriSyntaxError(`${reason}${where}: ${this.input}`);
  }

  private failExpecting(expected: string, index: number): never {
    return this.fail(`Expected ${expected}`, index);
  }

  private at(start: number, end: number, text: string): boolean {
    if (text.length > end - start) {
      return false;
    }
    return this.input.startsWith(text, start);
  }

  private scanChar(start: number, end: number, ch: string): number {
    return start < end && this.input[start] === ch ? start + 1 : start;
  }

  /** Scans to the first `stop` char; -1 when an `err` char comes first. */
  private scanStop(start: number, end: number, err: string, stop: string): number {
    let p = start;
    while (p < end) {
      const c = this.input[p];
      if (err.includes(c)) {
        return -1;
      }
      if (stop.includes(c)) {
        break;
      }
      p++;
    }
    return p;
  }

  private scanUntil(start: number, end: number, stop: string): number {
    let p = start;
    while (p < end && !stop.includes(this.input[p])) {
      p++;
    }
    return p;
  }

  private scanEscape(start: number, end: number, first: string): number {
    if (first === '%') {
      if (start + 3 <= end && matches(this.input[start + 1], C_HEX) && matches(this.input[start + 2], C_HEX)) {
        return start + 3;
      }
      this.fail('Malformed escape pair', start);
    }
    const code = first.charCodeAt(0);
    const control = code <= 0x1f || (code >= 0x7f && code <= 0x9f);
    return code > 128 && !SPACE_CHAR.test(first) && !control ? start + 1 : start;
  }

  private scan(start: number, end: number, charClass: CharClass): number {
    let p = start;
    while (p < end) {
      const c = this.input[p];
      if (matches(c, charClass)) {
        p++;
        continue;
      }
      if (charClass.escaped) {
        const q = this.scanEscape(p, end, c);
        if (q > p) {
          p = q;
          continue;
        }
      }
      break;
    }
    return p;
  }

  private checkChars(start: number, end: number, charClass: CharClass, what: string): void {
    const p = this.scan(start, end, charClass);
    if (p < end) {
      this.fail(`Illegal character in ${what}`, p);
    }
  }

  parse(): void {
    const n = this.input.length;
    let p = this.scanStop(0, n, '/?#', ':');
    if (p >= 0 && this.at(p, n, ':')) {
      if (p === 0) {
        this.failExpecting('scheme name', 0);
      }
      this.checkChars(0, 1, C_ALPHA, 'scheme name');
      this.checkChars(1, p, C_SCHEME, 'scheme name');
      this.scheme = this.input.substring(0, p);
      p++;
      if (this.at(p, n, '/')) {
        p = this.parseHierarchical(p, n);
      } else {
        const q = this.scanUntil(p, n, '#');
        if (q <= p) {
          this.failExpecting('scheme-specific part', p);
        }
        this.checkChars(p, q, C_URIC, 'opaque part');
        p = q;
      }
    } else {
      p = this.parseHierarchical(0, n);
    }
    if (this.at(p, n, '#')) {
      this.checkChars(p + 1, n, C_URIC, 'fragment');
      p = n;
    }
    if (p < n) {
      this.fail('end of URI', p);
    }
  }

  private parseHierarchical(start: number, n: number): number {
    let p = start;
    if (this.at(p, n, '//')) {
      p += 2;
      const q = this.scanUntil(p, n, '/?#');
      if (q > p) {
        p = this.parseAuthority(p, q);
      } else if (q >= n) {
        this.failExpecting('authority', p);
      }
    }
    let q = this.scanUntil(p, n, '?#');
    this.checkChars(p, q, C_PATH, 'path');
    p = q;
    if (this.at(p, n, '?')) {
      p++;
      q = this.scanUntil(p, n, '#');
      this.checkChars(p, q, C_URIC, 'query');
      p = q;
    }
    return p;
  }

  private parseAuthority(start: number, n: number): number {
    const serverClass = this.scanUntil(start, n, ']') > start ? C_SERVER_PERCENT : C_SERVER;
    const serverChars = this.scan(start, n, serverClass) === n;
    const regChars = this.scan(start, n, C_REG_NAME) === n;
    if (regChars && !serverChars) {
      return n;
    }
    let q = start;
    let saved: UriSyntaxError | undefined;
    if (serverChars) {
      try {
        q = this.parseServer(start, n, regChars);
        if (q < n) {
          if (!regChars) {
            this.failExpecting('end of authority', q);
          }
          this.host = undefined;
          q = start;
        }
      } catch (error) {
        if (!(error instanceof UriSyntaxError)) {
          throw error;
        }
        this.host = undefined;
        saved = error;
        q = start;
      }
    }
    if (q < n && !regChars) {
      if (saved !== undefined) {
        throw saved;
      }
      this.fail('Illegal character in authority', q);
    }
    return n;
  }

  private parseServer(start: number, n: number, skipParseException: boolean): number {
    let p = start;
    let q = this.scanStop(p, n, '/?#', '@');
    if (q >= p && this.at(q, n, '@')) {
      this.checkChars(p, q, C_USERINFO, 'user info');
      p = q + 1;
    }
    if (this.at(p, n, '[')) {
      p++;
      q = this.scanStop(p, n, '/?#', ']');
      if (q > p && this.at(q, n, ']')) {
        const r = this.scanUntil(p, q, '%');
        if (r > p) {
          this.parseIPv6Reference(p, r);
          if (r + 1 === q) {
            this.fail('scope id expected');
          }
          this.checkChars(r + 1, q, C_SCOPE_ID, 'scope id');
        } else {
          this.parseIPv6Reference(p, q);
        }
        this.host = this.input.substring(p - 1, q + 1);
        p = q + 1;
      } else {
        this.failExpecting('closing bracket for IPv6 address', q);
      }
    } else {
      q = this.parseIPv4Address(p, n);
      if (q <= p) {
        q = this.parseHostname(p, n, skipParseException);
      }
      p = q;
    }
    if (this.at(p, n, ':')) {
      p++;
      q = this.scanUntil(p, n, '/');
      if (q > p) {
        this.checkChars(p, q, C_DIGIT, 'port number');
        if ('error' in parseJavaIntRange(this.input, p, q)) {
          this.fail('Malformed port number', p);
        }
        p = q;
      }
    } else if (p < n && skipParseException) {
      return p;
    }
    if (p < n) {
      this.failExpecting('port number', p);
    }
    return p;
  }

  private scanByte(start: number, n: number): number {
    const q = this.scan(start, n, C_DIGIT);
    if (q <= start) {
      return q;
    }
    const value = parseJavaIntRange(this.input, start, q);
    return 'error' in value || value.value > 255 ? start : q;
  }

  private scanIPv4Address(start: number, n: number, strict: boolean): number {
    const m = this.scan(start, n, C_DIGIT_DOT);
    if (m <= start || (strict && m !== n)) {
      return -1;
    }
    let p = start;
    let q = start;
    for (let part = 0; part < 4; part++) {
      if (part > 0) {
        q = this.scanChar(p, m, '.');
        if (q <= p) {
          return this.fail('Malformed IPv4 address', q);
        }
        p = q;
      }
      q = this.scanByte(p, m);
      if (q <= p) {
        return this.fail('Malformed IPv4 address', q);
      }
      p = q;
    }
    if (q < m) {
      this.fail('Malformed IPv4 address', q);
    }
    return q;
  }

  private takeIPv4Address(start: number, n: number, expected: string): number {
    const p = this.scanIPv4Address(start, n, true);
    if (p <= start) {
      this.failExpecting(expected, start);
    }
    return p;
  }

  private parseIPv4Address(start: number, n: number): number {
    let p: number;
    try {
      p = this.scanIPv4Address(start, n, false);
    } catch (error) {
      if (error instanceof UriSyntaxError) {
        return -1;
      }
      throw error;
    }
    if (p > start && p < n && this.input[p] !== ':') {
      p = -1;
    }
    if (p > start) {
      this.host = this.input.substring(start, p);
    }
    return p;
  }

  private parseHostname(start: number, n: number, skipParseException: boolean): number {
    let p = start;
    let lastLabel = -1;
    do {
      let q = this.scan(p, n, C_ALPHANUM);
      if (q <= p) {
        break;
      }
      lastLabel = p;
      p = q;
      q = this.scan(p, n, C_ALPHANUM_DASH);
      if (q > p) {
        if (this.input[q - 1] === '-') {
          this.fail('Illegal character in hostname', q - 1);
        }
        p = q;
      }
      q = this.scanChar(p, n, '.');
      if (q <= p) {
        break;
      }
      p = q;
    } while (p < n);
    if (p < n && !this.at(p, n, ':')) {
      if (skipParseException) {
        return p;
      }
      this.fail('Illegal character in hostname', p);
    }
    if (lastLabel < 0) {
      this.failExpecting('hostname', start);
    }
    if (lastLabel > start && !matches(this.input[lastLabel], C_ALPHA)) {
      this.fail('Illegal character in hostname', lastLabel);
    }
    this.host = this.input.substring(start, p);
    return p;
  }

  private parseIPv6Reference(start: number, n: number): number {
    let p = start;
    let compressedZeros = false;
    const q = this.scanHexSeq(p, n);
    if (q > p) {
      p = q;
      if (this.at(p, n, '::')) {
        compressedZeros = true;
        p = this.scanHexPost(p + 2, n);
      } else if (this.at(p, n, ':')) {
        p = this.takeIPv4Address(p + 1, n, 'IPv4 address');
        this.ipv6ByteCount += 4;
      }
    } else if (this.at(p, n, '::')) {
      compressedZeros = true;
      p = this.scanHexPost(p + 2, n);
    }
    if (p < n) {
      this.fail('Malformed IPv6 address', start);
    }
    if (this.ipv6ByteCount > 16) {
      this.fail('IPv6 address too long', start);
    }
    if (!compressedZeros && this.ipv6ByteCount < 16) {
      this.fail('IPv6 address too short', start);
    }
    if (compressedZeros && this.ipv6ByteCount === 16) {
      this.fail('Malformed IPv6 address', start);
    }
    return p;
  }

  private scanHexPost(start: number, n: number): number {
    let p = start;
    if (p === n) {
      return p;
    }
    const q = this.scanHexSeq(p, n);
    if (q > p) {
      p = q;
      if (this.at(p, n, ':')) {
        p = this.takeIPv4Address(p + 1, n, 'hex digits or IPv4 address');
        this.ipv6ByteCount += 4;
      }
    } else {
      p = this.takeIPv4Address(p, n, 'hex digits or IPv4 address');
      this.ipv6ByteCount += 4;
    }
    return p;
  }

  private scanHexSeq(start: number, n: number): number {
    let p = start;
    let q = this.scan(p, n, C_HEX);
    if (q <= p || this.at(q, n, '.')) {
      return -1;
    }
    if (q > p + 4) {
      this.fail('IPv6 hexadecimal digit sequence too long', p);
    }
    this.ipv6ByteCount += 2;
    p = q;
    while (p < n && this.at(p, n, ':') && !this.at(p + 1, n, ':')) {
      p++;
      q = this.scan(p, n, C_HEX);
      if (q <= p) {
        this.failExpecting('digits for an IPv6 address', p);
      }
      if (this.at(q, n, '.')) {
        p--;
        break;
      }
      if (q > p + 4) {
        this.fail('IPv6 hexadecimal digit sequence too long', p);
      }
      this.ipv6ByteCount += 2;
      p = q;
    }
    return p;
  }
}

/** `new URI(text)`: the scheme and server host; throws {@link UriSyntaxError} with the JDK's message. */
export function parseJavaUri(text: string): JavaUri {
  const parser = new UriParser(text);
  parser.parse();
  return { scheme: parser.scheme, host: parser.host };
}

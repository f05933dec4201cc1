/**
 * Java string semantics the operator's messages and parsers depend on:
 * trimming, whitespace, splitting and the iteration order of a `HashSet`.
 */

/** `String.trim()`: strips every char up to and including U+0020 at both ends. */
export function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) {
    start++;
  }
  while (end > start && text.charCodeAt(end - 1) <= 0x20) {
    end--;
  }
  return text.substring(start, end);
}

const JAVA_WHITESPACE = /^[\t\n\u000B\f\r\u001C-\u001F \u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]$/;

/** `Character.isWhitespace(char)`. */
export function isJavaWhitespace(ch: string): boolean {
  return JAVA_WHITESPACE.test(ch);
}

/** `String.strip()`: strips `Character.isWhitespace` chars at both ends. */
export function javaStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isJavaWhitespace(text[start])) {
    start++;
  }
  while (end > start && isJavaWhitespace(text[end - 1])) {
    end--;
  }
  return text.substring(start, end);
}

/** Flink's `StringUtils.isNullOrWhitespaceOnly`. */
export function isNullOrWhitespaceOnly(text: string | undefined): boolean {
  if (text === undefined || text.length === 0) {
    return true;
  }
  for (let i = 0; i < text.length; i++) {
    if (!isJavaWhitespace(text[i])) {
      return false;
    }
  }
  return true;
}

/**
 * `String.split(separator)` for a literal (non-regex) separator: trailing
 * empty strings are removed, and an input without a match is returned whole.
 */
export function javaSplit(text: string, separator: string): string[] {
  const parts = text.split(separator);
  if (parts.length === 1) {
    return parts;
  }
  while (parts.length > 0 && parts[parts.length - 1] === '') {
    parts.pop();
  }
  return parts;
}

/** `java.util.StringTokenizer` over single-char delimiters: non-empty tokens only. */
export function javaTokenize(text: string, delimiters: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (delimiters.includes(ch)) {
      if (current.length > 0) {
        tokens.push(current);
      }
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.length > 0) {
    tokens.push(current);
  }
  return tokens;
}

/** `String.hashCode()`. */
export function javaStringHashCode(text: string): number {
  let hash = 0n;
  for (let i = 0; i < text.length; i++) {
    hash = BigInt.asIntN(32, hash * 31n + BigInt(text.charCodeAt(i)));
  }
  return Number(hash);
}

/** `HashMap.hash`: the hash XOR its upper 16 bits, so that they affect the bucket. */
function spread(hash: bigint): bigint {
  const high = hash / 65536n;
  const low = hash % 65536n;
  let mixed = 0n;
  for (let bit = 1n; bit < 65536n; bit *= 2n) {
    mixed += ((low / bit) % 2n) !== ((high / bit) % 2n) ? bit : 0n;
  }
  return high * 65536n + mixed;
}

/**
 * `new HashSet<>(items).toString()`: duplicates dropped, iteration order of
 * `java.util.HashMap` (bucket index of the spread hash, then insertion order).
 */
export function javaHashSetToString(items: readonly string[]): string {
  const unique = [...new Set(items)];
  let capacity = 16;
  while (unique.length > capacity * 0.75) {
    capacity *= 2;
  }
  const bucket = (item: string) => {
    const hash = BigInt.asUintN(32, BigInt(javaStringHashCode(item)));
    return Number(BigInt.asUintN(32, spread(hash)) % BigInt(capacity));
  };
  const ordered = unique
    .map((item, index) => ({ item, index, bucket: bucket(item) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((entry) => entry.item);
  return `[${ordered.join(', ')}]`;
}

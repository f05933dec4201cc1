/**
 * Go's `%q` of a string (`strconv.Quote`), which Kubernetes' field errors
 * use for invalid values: double quotes, backslash escapes for quotes,
 * backslashes and the C escapes, `\x..` / `\u....` / `\U........` for
 * other unprintable characters; printable Unicode stays as it is.
 */

const C_ESCAPES: Record<string, string> = {
  '\u0007': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u000b': '\\v', '"': '\\"', '\\': '\\\\',
};

/** Unicode's "other" and separator categories, which Go's `unicode.IsPrint` rejects (except U+0020). */
const UNPRINTABLE = /^[\p{C}\p{Z}]$/u;

/** `strconv.Quote(text)`. */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (Object.prototype.hasOwnProperty.call(C_ESCAPES, char)) {
      out += C_ESCAPES[char];
    } else if (char === ' ' || !UNPRINTABLE.test(char)) {
      out += char;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate: Go's JSON decoder reads it as U+FFFD, which is printable.
      out += '\ufffd';
    } else if (code < 0x80) {
      out += `\\x${code.toString(16).padStart(2, '0')}`;
    } else if (code < 0x10000) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else {
      out += `\\U${code.toString(16).padStart(8, '0')}`;
    }
  }
  return `${out}"`;
}

/**
 * The Kubernetes name, label and annotation checks of `k8s.io/apimachinery`
 * v0.36.2 that the API server applies to every object's metadata and the
 * spotify operator's webhook calls, with their messages and field error
 * wording (`field.ErrorList.ToAggregate().Error()`). Lengths
 * are in UTF-8 bytes, as Go's `len` counts them. Map keys are checked in
 * sorted order (Go's map order is random).
 *
 * @see https://github.com/kubernetes/apimachinery/tree/v0.36.2/pkg/api/validate/content
 */
import { goQuote } from './_go-quote';

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';
const LABEL_KEY = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = `(${LABEL_KEY})?`;

const anchored = (pattern: string) => new RegExp(`^${pattern}$`);
const DNS1123_LABEL_RE = anchored(DNS1123_LABEL);
const DNS1123_SUBDOMAIN_RE = anchored(DNS1123_SUBDOMAIN);
const DNS1035_LABEL_RE = anchored(DNS1035_LABEL);
const LABEL_KEY_RE = anchored(LABEL_KEY);
const LABEL_VALUE_RE = anchored(LABEL_VALUE);

const LABEL_KEY_MESSAGE = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** The annotations' total size limit (`TotalAnnotationSizeLimitB`). */
const ANNOTATIONS_SIZE_LIMIT = 256 * 1024;

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** `RegexError` (with examples, as every check here gives them). */
function regexError(message: string, pattern: string, ...examples: string[]): string {
  return `${message} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${pattern}')`;
}

/**
 * The common shape of the checks: a length limit (in bytes, worded in
 * `unit`) and a pattern, whose message `patternError` gives.
 */
function lengthAndPattern(value: string, limit: number, unit: string, pattern: RegExp, patternError: () => string): string[] {
  const errors = bytes(value) > limit ? [`must be no more than ${limit} ${unit}`] : [];
  return pattern.test(value) ? errors : [...errors, patternError()];
}

/** `validation.IsDNS1123Label` (the namespace rule; its length message counts characters). */
export function isDns1123Label(value: string): string[] {
  return lengthAndPattern(value, 63, 'characters', DNS1123_LABEL_RE, () => (DNS1123_SUBDOMAIN_RE.test(value) ? 'must not contain dots' : regexError(
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
    DNS1123_LABEL, 'my-name', '123-abc')));
}

/** `validation.IsDNS1035Label`. */
export function isDns1035Label(value: string): string[] {
  return lengthAndPattern(value, 63, 'characters', DNS1035_LABEL_RE, () => regexError(
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
    DNS1035_LABEL, 'my-name', 'abc-123'));
}

/** `content.IsDNS1123Subdomain` (lengths in bytes). */
function isDns1123Subdomain(value: string): string[] {
  return lengthAndPattern(value, 253, 'bytes', DNS1123_SUBDOMAIN_RE, () => regexError(
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
    DNS1123_SUBDOMAIN, 'example.com'));
}

/** The verdicts of `isQualifiedName` so far: the same few keys recur on every resource. */
const QUALIFIED_NAMES = new Map<string, readonly string[]>();

/** Most verdicts kept, so that a stream of distinct keys cannot grow the cache without bound. */
const QUALIFIED_NAMES_KEPT = 4096;

/** `content.IsLabelKey` (a.k.a. `IsQualifiedName`): an optional DNS subdomain prefix and `/`, then a name. */
export function isQualifiedName(value: string): string[] {
  let errors = QUALIFIED_NAMES.get(value);
  if (errors === undefined) {
    errors = qualifiedNameErrors(value);
    if (QUALIFIED_NAMES.size < QUALIFIED_NAMES_KEPT) {
      QUALIFIED_NAMES.set(value, errors);
    }
  }
  return [...errors];
}

function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) {
    return [`a valid label key ${labelKeyError()}`
      + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
  }
  const errors: string[] = [];
  if (parts.length === 2) {
    errors.push(...(parts[0].length === 0 ? ['must be non-empty'] : isDns1123Subdomain(parts[0])).map((m) => `prefix part ${m}`));
  }
  const name = parts[parts.length - 1];
  // An empty name fails the pattern too.
  const nameErrors = name.length === 0 ? ['must be non-empty', labelKeyError()] : lengthAndPattern(name, 63, 'bytes', LABEL_KEY_RE, labelKeyError);
  return [...errors, ...nameErrors.map((m) => `name part ${m}`)];
}

function labelKeyError(): string {
  return regexError(LABEL_KEY_MESSAGE, LABEL_KEY, 'MyName', 'my.name', '123-abc');
}

/** `content.IsLabelValue`. */
function isValidLabelValue(value: string): string[] {
  return lengthAndPattern(value, 63, 'bytes', LABEL_VALUE_RE, () => regexError(
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
    LABEL_VALUE, 'MyValue', 'my_value', '12345'));
}

/** `field.Invalid(path, value, detail).Error()`. */
function invalid(path: string, value: string, detail: string): string {
  return `${path}: Invalid value: ${goQuote(value)}: ${detail}`;
}

/** The string members of a map, by sorted key (other members are the schema's concern). */
function sortedEntries(map: unknown): Array<[string, string]> {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    return [];
  }
  const entries: Array<[string, string]> = [];
  for (const key of Object.keys(map).sort()) {
    const value = (map as Record<string, unknown>)[key];
    if (typeof value === 'string') {
      entries.push([key, value]);
    }
  }
  return entries;
}

/** `validation.ValidateAnnotations(annotations, path)` as error strings. */
export function validateAnnotations(annotations: unknown, path: string): string[] {
  const errors: string[] = [];
  // A UTF-16 code unit is at most 3 UTF-8 bytes: most annotations are counted without encoding them.
  let units = 0;
  const entries = sortedEntries(annotations);
  for (const [key, value] of entries) {
    for (const message of isQualifiedName(key.toLowerCase())) {
      errors.push(invalid(path, key, message));
    }
    units += key.length + value.length;
  }
  const size = 3 * units <= ANNOTATIONS_SIZE_LIMIT ? units
    : entries.reduce((total, [key, value]) => total + bytes(key) + bytes(value), 0);
  if (size > ANNOTATIONS_SIZE_LIMIT) {
    errors.push(`${path}: Too long: may not be more than ${ANNOTATIONS_SIZE_LIMIT} bytes`);
  }
  return errors;
}

/** `v1validation.ValidateLabels(labels, path)` as error strings. */
export function validateLabels(labels: unknown, path: string): string[] {
  return sortedEntries(labels).flatMap(([key, value]) => [
    ...isQualifiedName(key).map((m) => invalid(path, key, m)),
    ...isValidLabelValue(value).map((m) => invalid(path, value, m)),
  ]);
}

/**
 * `errors.ToAggregate().Error()`: one message as it is, several (after
 * removing repeats) as `[a, b]`; `undefined` for none.
 */
export function aggregate(errors: string[]): string | undefined {
  const unique = [...new Set(errors)];
  if (unique.length === 0) {
    return undefined;
  }
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

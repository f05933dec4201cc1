/**
 * Names of rendered objects: resource names derived from construct ids, and
 * names that carry a hash of the object's content, so that a change of the
 * content is a new object (pods that mount a ConfigMap roll when the
 * configuration changes, an immutable Job is replaced, not patched).
 */
import { createHash } from 'crypto';
import { canonicalJson } from './_json';

/** The operator's rule for FlinkDeployment and FlinkSessionJob names. */
export const RESOURCE_NAME_PATTERN = /^[a-z]([-a-z0-9]{0,43}[a-z0-9])?$/;

const MAX_NAME_LENGTH = 45;

/**
 * A resource name derived from a construct id that always satisfies the
 * operator's name rule: lower-case kebab case, starting with a letter, at
 * most 45 characters. An id that had to be shortened gets a stable hash
 * suffix, so two long ids do not collide.
 */
export function resourceNameFromId(id: string): string {
  let name = id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!/^[a-z]/.test(name)) {
    name = `flink-${name}`.replace(/-+$/, '');
  }
  if (name.length <= MAX_NAME_LENGTH) {
    return name;
  }
  return withHashSuffix(name, id, MAX_NAME_LENGTH, 8);
}

/**
 * `<base>-<hash>`, the base cut (without trailing dashes) so that the whole
 * fits `maxLength`; the hash is the first `hashLength` hex digits of the
 * SHA-256 of `text`.
 */
function withHashSuffix(base: string, text: string, maxLength: number, hashLength: number): string {
  const hash = createHash('sha256').update(text).digest('hex').slice(0, hashLength);
  const head = base.slice(0, maxLength - hashLength - 1).replace(/-+$/, '');
  return `${head}-${hash}`;
}

/** Length of the hash suffix of content-named objects (hex digits). */
const CONTENT_HASH_LENGTH = 10;

/**
 * `<base>-<hash of content>` (object keys sorted, so that key order never
 * changes it), the base cut so that the whole fits `maxLength`.
 *
 * @param base the name without the hash
 * @param content the content the hash is taken of
 * @param maxLength the longest name the object's kind allows
 */
export function hashedName(base: string, content: unknown, maxLength: number): string {
  return withHashSuffix(base, canonicalJson(content), maxLength, CONTENT_HASH_LENGTH);
}

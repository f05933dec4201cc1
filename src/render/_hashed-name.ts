/**
 * Names that carry a hash of the object's content, so that a change of the
 * content is a new object: pods that mount a ConfigMap roll when the
 * configuration changes, and an immutable Job is replaced, not patched.
 */
import { createHash } from 'crypto';
import { ApiObject } from 'cdk8s';
import { canonicalJson } from '../manifest/_json';

/** Length of the hash suffix (hex digits). */
const HASH_LENGTH = 10;

/**
 * A short, stable hash of a JSON value (object keys sorted, so that key
 * order never changes it).
 */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, HASH_LENGTH);
}

/**
 * `<base>-<hash>`, the base cut so that the whole fits `maxLength`.
 *
 * @param base the name without the hash
 * @param content the content the hash is taken of
 * @param maxLength the longest name the object's kind allows
 */
export function hashedName(base: string, content: unknown, maxLength: number): string {
  const head = base.slice(0, maxLength - HASH_LENGTH - 1).replace(/-+$/, '');
  return `${head}-${contentHash(content)}`;
}

/**
 * Makes `metadata.name` of an object (and `apiObject.name`, which names its
 * file in per-resource output) follow its content: the name is computed
 * when it is read, at synth, from the content as it is then.
 *
 * @param apiObject the object
 * @param name produces the name from the current content
 */
export function nameFromContent(apiObject: ApiObject, name: () => string): void {
  for (const target of [apiObject, apiObject.metadata]) {
    Object.defineProperty(target, 'name', { get: name, configurable: true, enumerable: true });
  }
}

import { createHash } from 'crypto';

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
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 8);
  const head = name.slice(0, MAX_NAME_LENGTH - hash.length - 1).replace(/-+$/, '');
  return `${head}-${hash}`;
}

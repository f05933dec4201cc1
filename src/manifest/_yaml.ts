/**
 * YAML text of a flat configuration map, as Flink's `config.yaml` and the
 * operator's ConfigMap hold it. The YAML library is loaded on the first call:
 * apps that render no such file do not load it.
 */
import type { stringify as Stringify } from 'yaml';

let stringify: typeof Stringify | undefined;

/**
 * One `key: value` line per entry, in the given order, values quoted as YAML
 * needs, never folded.
 *
 * @param entries the configuration keys and values
 */
export function configurationYaml(entries: Iterable<readonly [string, string]>): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  stringify ??= (require('yaml') as typeof import('yaml')).stringify;
  return stringify(Object.fromEntries(entries), { lineWidth: 0 });
}

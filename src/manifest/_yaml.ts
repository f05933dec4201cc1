/**
 * The library's YAML reading and writing at synth: flat configuration maps,
 * as Flink's `config.yaml` and the operator's ConfigMap hold them. The YAML
 * libraries are loaded on the first call: apps that read or render no such
 * file do not load them.
 */
type YamlLibrary = typeof import('yaml');

let library: YamlLibrary | undefined;

function yaml(): YamlLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  library ??= require('yaml') as YamlLibrary;
  return library;
}

/**
 * One `key: value` line per entry, in the given order, values quoted as YAML
 * needs, never folded.
 *
 * @param entries the configuration keys and values
 */
export function configurationYaml(entries: Iterable<readonly [string, string]>): string {
  return yaml().stringify(Object.fromEntries(entries), { lineWidth: 0 });
}

/**
 * The value of a YAML text (one document, YAML 1.2 core schema), `undefined`
 * when it is empty. Read with js-yaml, the parser the CLI reads its input
 * with (so `validate` loads one YAML library, not two), loaded on the first
 * call.
 *
 * @param text the YAML text
 */
export function parseYaml(text: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { load } = require('js-yaml') as typeof import('js-yaml');
  return load(text) ?? undefined;
}

/**
 * Flink configuration files, the one renderer of both formats: `config.yaml`
 * (standard YAML, Flink 1.19 and later) or `flink-conf.yaml` (Flink's legacy
 * `key: value` format) before. The standalone cluster and the operator's
 * ConfigMap write them.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/config/#flink-configuration-file
 */
import { configurationYaml } from './_yaml';

/** The first Flink version that reads `config.yaml`. */
const CONFIG_YAML_SINCE = [1, 19];

/**
 * The configuration file Flink of a version (`v1_20`) reads.
 */
export function configFileName(flinkVersion: string): string {
  const match = /^v(\d+)_(\d+)$/.exec(flinkVersion);
  const [major, minor] = match ? [Number(match[1]), Number(match[2])] : [Infinity, 0];
  const modern = major > CONFIG_YAML_SINCE[0] || (major === CONFIG_YAML_SINCE[0] && minor >= CONFIG_YAML_SINCE[1]);
  return modern ? 'config.yaml' : 'flink-conf.yaml';
}

/**
 * The file's content: one flat key per line, in the order given.
 * `config.yaml` quotes values as YAML needs; `flink-conf.yaml` takes the
 * text after `: ` literally.
 */
export function renderConfigFile(fileName: string, entries: Iterable<readonly [string, string]>): string {
  if (fileName === 'config.yaml') {
    return configurationYaml(entries);
  }
  return [...entries].map(([key, value]) => `${key}: ${value}\n`).join('');
}

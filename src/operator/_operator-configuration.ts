import { describeValue } from '../manifest/_describe';
import { renderConfigFile } from '../manifest/_flink-config-file';
import { chartDefaultConfiguration, chartLogFiles, ChartVersion, LOG_FILES, OperatorChartRelease } from '../manifest/_operator-chart';

/** Operator configuration keys that a `FlinkOperator` prop owns, with that prop. */
export const OWNED_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['kubernetes.operator.watched.namespaces', 'watchNamespaces'],
  ['kubernetes.operator.leader-election.enabled', 'leaderElection'],
  ['kubernetes.operator.leader-election.lease-name', 'leaderElection'],
  ['kubernetes.operator.health.probe.enabled', 'healthPort'],
  ['kubernetes.operator.health.probe.port', 'healthPort'],
];

/** What goes into the operator's default configuration besides the user's overrides. */
export interface OperatorConfigurationOptions {
  /** The operator release whose chart defaults apply. */
  readonly version: ChartVersion;
  /** The user's `defaultConfiguration`, flat. */
  readonly overrides: Map<string, string>;
  readonly watchNamespaces: string[];
  readonly healthPort: number;
  /** Set when leader election is on. */
  readonly leaseName?: string;
  /** Listener configuration of the installed plugins. */
  readonly plugins: Map<string, string>;
}

/**
 * The operator's effective default configuration, in a stable order: the
 * release's chart defaults (its conf/ file with the values.yaml
 * overrides), the user's overrides (in place of a default they replace,
 * appended otherwise), then the keys the props own: watched namespaces,
 * leader election, plugin listeners and the health probe, as the chart
 * appends them.
 */
export function operatorConfiguration(options: OperatorConfigurationOptions): Map<string, string> {
  const configuration = new Map(Object.entries(chartDefaultConfiguration(options.version)));
  for (const [key, value] of options.overrides) {
    configuration.set(key, value);
  }
  if (options.watchNamespaces.length > 0) {
    configuration.set('kubernetes.operator.watched.namespaces', options.watchNamespaces.join(','));
  }
  if (options.leaseName !== undefined) {
    configuration.set('kubernetes.operator.leader-election.enabled', 'true');
    configuration.set('kubernetes.operator.leader-election.lease-name', options.leaseName);
  }
  for (const [key, value] of options.plugins) {
    configuration.set(key, value);
  }
  configuration.set('kubernetes.operator.health.probe.enabled', 'true');
  configuration.set('kubernetes.operator.health.probe.port', String(options.healthPort));
  return configuration;
}

/**
 * Why a key or value cannot be written to `flink-conf.yaml`, whose parser
 * reads one `key: value` per line and cuts everything after `#` (the 1.16
 * chart writes `config.yaml` only, but Flink clusters older than 1.19 read
 * the operator's defaults in that legacy format).
 */
export function unwritableEntry(key: string, value: string): string | undefined {
  if (typeof key !== 'string' || key.trim() === '' || /[\s#]|: /.test(key)) {
    return `key ${describeValue(key)} must be non-empty, without whitespace, '#' or ': '`;
  }
  if (typeof value !== 'string') {
    return `value of '${key}' must be a string, got ${describeValue(value)}`;
  }
  if (/[\r\n#]/.test(value)) {
    return `value of '${key}' must not contain a line break or '#' (flink-conf.yaml cuts lines at '#'), got ${describeValue(value)}`;
  }
  return undefined;
}

/**
 * The ConfigMap keys of the operator configuration, as the release's chart
 * renders them: `config.yaml` and `flink-conf.yaml` in 1.15.0,
 * `config.yaml` only in 1.16.
 */
export function configurationFiles(configuration: Map<string, string>, release: OperatorChartRelease): Record<string, string> {
  return Object.fromEntries(release.configurationKeys.map((key) => [key, renderConfigFile(key, configuration)]));
}

/**
 * The logging files of the ConfigMap: the chart's defaults, with the user's
 * `.properties` content appended (later keys win, as the chart appends
 * values.yaml overrides) and user `.xml` content replacing the default (as
 * the chart does for logback).
 */
export function logConfigurationFiles(overrides: { [file: string]: string }, version: ChartVersion): Record<string, string> {
  const defaults = chartLogFiles(version);
  const files: Record<string, string> = {};
  for (const file of LOG_FILES) {
    const base = defaults[file];
    const extra = overrides[file];
    if (extra === undefined) {
      files[file] = base;
    } else if (file.endsWith('.xml')) {
      files[file] = extra;
    } else {
      files[file] = `${base}${extra.endsWith('\n') ? extra : `${extra}\n`}`;
    }
  }
  return files;
}

import * as fs from 'fs';
import * as path from 'path';
import { parseYaml } from './_yaml';

/**
 * The vendored `conf/` files of the operator's Helm chart, one folder per
 * release (`assets/apache-flink-kubernetes-operator-chart/<version>/`,
 * with PROVENANCE), shipped with the package.
 */
const CHART_DIR = path.join(__dirname, '..', '..', 'assets', 'apache-flink-kubernetes-operator-chart');

/** The logging files of the chart's ConfigMap, in the chart's order. */
export const LOG_FILES: ReadonlyArray<string> = ['log4j-operator.properties', 'log4j-console.properties', 'logback-operator.xml', 'logback-console.xml'];

/** The port of the operator's health probe with default values (`operatorHealth.port`). */
export const DEFAULT_HEALTH_PORT = 8085;

/**
 * `defaultConfiguration."flink-conf.yaml"` of the chart's `values.yaml`,
 * appended to the chart's configuration file with default values (the same
 * four keys in 1.15.0 and 1.16).
 */
const VALUES_CONFIGURATION: ReadonlyArray<readonly [string, string]> = [
  ['kubernetes.operator.metrics.reporter.slf4j.factory.class', 'org.apache.flink.metrics.slf4j.Slf4jReporterFactory'],
  ['kubernetes.operator.metrics.reporter.slf4j.interval', '5 MINUTE'],
  ['kubernetes.operator.reconcile.interval', '15 s'],
  ['kubernetes.operator.observer.progress-check.interval', '5 s'],
];

/** What one release of the Helm chart renders differently: the per-release data of `FlinkOperator`. */
export interface OperatorChartRelease {
  /** Chart and app version, e.g. `1.16.1` (the `app.kubernetes.io/version` label). */
  readonly appVersion: string;
  /** The operator image of the release, pinned. */
  readonly image: string;
  /** The chart's operator configuration file under `conf/`. */
  readonly configurationFile: string;
  /** Keys of the ConfigMap that hold the operator configuration, in the chart's order. */
  readonly configurationKeys: ReadonlyArray<string>;
  /** The configuration key the Deployment mounts into `/opt/flink/conf`. */
  readonly mountedConfigurationKey: string;
  /**
   * Whether the image keeps its logging framework JARs in
   * `/opt/flink/operator-lib/log4j|logback/` (FLINK-40104), so a volume
   * mounted over `/opt/flink/operator-lib` would hide them: operator libs
   * are then mounted file by file.
   */
  readonly loggingJarsInOperatorLib: boolean;
  /** Documentation of the release, for messages and docs. */
  readonly docs: string;
}

const RELEASES: ReadonlyMap<string, OperatorChartRelease> = new Map([
  ['1.15.0', {
    appVersion: '1.15.0',
    image: 'apache/flink-kubernetes-operator:1.15.0',
    configurationFile: 'flink-conf.yaml',
    configurationKeys: ['config.yaml', 'flink-conf.yaml'],
    // values.yaml sets defaultConfiguration."flink-conf.yaml", so the chart mounts that key.
    mountedConfigurationKey: 'flink-conf.yaml',
    loggingJarsInOperatorLib: false,
    docs: 'https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/',
  }],
  ['1.16.1', {
    appVersion: '1.16.1',
    image: 'apache/flink-kubernetes-operator:1.16.1',
    configurationFile: 'config.yaml',
    configurationKeys: ['config.yaml'],
    mountedConfigurationKey: 'config.yaml',
    loggingJarsInOperatorLib: true,
    docs: 'https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.16/',
  }],
]);

/** A release of the operator, as `OperatorVersion` names it. */
export interface ChartVersion {
  /** The exact release, e.g. `1.16.1`. */
  readonly version: string;
}

/** The chart data of an operator release. */
export function operatorChart(version: ChartVersion): OperatorChartRelease {
  const release = RELEASES.get(version.version);
  if (release === undefined) {
    throw new Error(`no Helm chart data for Flink Kubernetes Operator ${version.version}; known: ${[...RELEASES.keys()].join(', ')}`);
  }
  return release;
}

function readChartFile(version: string, file: string): string {
  return fs.readFileSync(path.join(CHART_DIR, version, file), 'utf8');
}

/**
 * A chart file without its leading license header (a `#` comment block or
 * an XML comment) and the blank lines after it, ending with a line break.
 */
export function withoutLicenseHeader(text: string): string {
  const lines = text.split('\n');
  let start = 0;
  if (lines[0]?.startsWith('<!--')) {
    while (start < lines.length && !lines[start].includes('-->')) {
      start++;
    }
    start++;
  } else {
    while (start < lines.length && lines[start].startsWith('#')) {
      start++;
    }
  }
  while (start < lines.length && lines[start].trim() === '') {
    start++;
  }
  const body = lines.slice(start).join('\n');
  return body.endsWith('\n') ? body : `${body}\n`;
}

const CONFIGURATIONS = new Map<string, Readonly<Record<string, string>>>();
const LOGGING = new Map<string, Readonly<Record<string, string>>>();

/**
 * The operator's default configuration as the chart of a release installs
 * it with default values: its configuration file (`conf/flink-conf.yaml` in
 * 1.15.0, `conf/config.yaml` in 1.16, both flat `key: value` YAML), then
 * the `values.yaml` overrides, then the health probe settings the chart adds
 * for the default `operatorHealth`. Read once per process.
 */
export function chartDefaultConfiguration(version: ChartVersion): Readonly<Record<string, string>> {
  const release = operatorChart(version);
  let configuration = CONFIGURATIONS.get(release.appVersion);
  if (configuration === undefined) {
    const file: Record<string, unknown> = (parseYaml(readChartFile(release.appVersion, release.configurationFile)) ?? {}) as Record<string, unknown>;
    const entries = new Map(Object.entries(file).map(([key, value]) => [key, String(value)]));
    for (const [key, value] of VALUES_CONFIGURATION) {
      entries.set(key, value);
    }
    entries.set('kubernetes.operator.health.probe.enabled', 'true');
    entries.set('kubernetes.operator.health.probe.port', String(DEFAULT_HEALTH_PORT));
    configuration = Object.freeze(Object.fromEntries(entries));
    CONFIGURATIONS.set(release.appVersion, configuration);
  }
  return configuration;
}

/**
 * The chart's logging files of a release (`conf/log4j-*.properties`,
 * `conf/logback-*.xml`) without their license headers. Read once per process.
 */
export function chartLogFiles(version: ChartVersion): Readonly<Record<string, string>> {
  const release = operatorChart(version);
  let files = LOGGING.get(release.appVersion);
  if (files === undefined) {
    files = Object.freeze(Object.fromEntries(LOG_FILES.map((file) => [file, withoutLicenseHeader(readChartFile(release.appVersion, file))])));
    LOGGING.set(release.appVersion, files);
  }
  return files;
}

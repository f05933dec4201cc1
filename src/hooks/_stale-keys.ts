/**
 * `flinkConfiguration` keys the target Flink version reads only as
 * deprecated, or no longer reads at all, per the option metadata of its own
 * flink-core (`jvm/_flink-key-history.generated.ts`).
 */
import { HISTORY_LINES, KEY_HISTORY } from '../jvm/_flink-key-history.generated';
import { flatConfigurationEntries } from '../manifest/_configuration';
import { describeKey } from '../manifest/_describe';

/**
 * The stale keys of a Flink resource's configuration: a session job's are
 * read by its session cluster's Flink version, a blue/green deployment's
 * are those of its template.
 *
 * @param kind the resource kind
 * @param manifest the (mutated) manifest
 * @param sessionDeployment a session job's cluster, when known
 */
export function configurationWarnings(kind: string, manifest: any, sessionDeployment?: any): string[] {
  switch (kind) {
    case 'FlinkDeployment':
      return staleKeyWarnings(manifest?.spec?.flinkConfiguration, manifest?.spec?.flinkVersion);
    case 'FlinkSessionJob':
      return staleKeyWarnings(manifest?.spec?.flinkConfiguration, sessionDeployment?.spec?.flinkVersion);
    case 'FlinkBlueGreenDeployment':
      return staleKeyWarnings(manifest?.spec?.template?.spec?.flinkConfiguration, manifest?.spec?.template?.spec?.flinkVersion,
        'spec.template.spec.flinkConfiguration');
    default:
      return [];
  }
}

/**
 * One warning per stale key, naming its replacement when Flink has one.
 *
 * @param configuration the `flinkConfiguration` (flat or nested)
 * @param flinkVersion the operator's name of the Flink version (`v2_1`), as in `spec.flinkVersion`
 * @param field the path of the configuration in messages
 */
export function staleKeyWarnings(configuration: unknown, flinkVersion: unknown, field = 'spec.flinkConfiguration'): string[] {
  const line = historyLine(flinkVersion);
  if (line === undefined || configuration === null || typeof configuration !== 'object') {
    return [];
  }
  const warnings: string[] = [];
  for (const key of [...flatConfigurationEntries(configuration).keys()].sort()) {
    const status = statusAt(key, line);
    if (status === undefined || status[1] === 'current') {
      continue;
    }
    const [, state, replacement] = status;
    const what = state === 'retired' ? `Flink ${line} no longer reads '${describeKey(key)}'` : `'${describeKey(key)}' is deprecated in Flink ${line}`;
    warnings.push(`${field}.${describeKey(key)}: ${what}; ${replacement ? `use '${replacement}' instead` : 'it has no replacement'}`);
  }
  return warnings;
}

/** The newest history line not newer than the version (`undefined` for versions older than the history, or malformed). */
function historyLine(flinkVersion: unknown): string | undefined {
  if (typeof flinkVersion === 'string' && LINES.has(flinkVersion)) {
    return LINES.get(flinkVersion);
  }
  const line = findHistoryLine(flinkVersion);
  if (typeof flinkVersion === 'string') {
    LINES.set(flinkVersion, line);
  }
  return line;
}

/** The history line of each `spec.flinkVersion` met so far: every resource names one of a few. */
const LINES = new Map<string, string | undefined>();

function findHistoryLine(flinkVersion: unknown): string | undefined {
  const match = typeof flinkVersion === 'string' ? /^v(\d+)_(\d+)$/.exec(flinkVersion) : null;
  if (!match) {
    return undefined;
  }
  const version = [Number(match[1]), Number(match[2])];
  let result: string | undefined;
  for (const line of HISTORY_LINES) {
    const [major, minor] = line.split('.').map(Number);
    if (major < version[0] || (major === version[0] && minor <= version[1])) {
      result = line;
    }
  }
  return result;
}

function statusAt(key: string, line: string): readonly [string, string, string] | undefined {
  const statuses = Object.prototype.hasOwnProperty.call(KEY_HISTORY, key) ? KEY_HISTORY[key] : undefined;
  if (statuses === undefined) {
    return undefined;
  }
  const index = HISTORY_LINES.indexOf(line);
  return statuses.filter(([from]) => HISTORY_LINES.indexOf(from) <= index).pop();
}

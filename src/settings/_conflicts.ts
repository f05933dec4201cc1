/**
 * A typed setting given twice: by its prop and in `flinkConfiguration`
 * under any of its keys (the key of any Flink line, or a deprecated key
 * Flink reads in its place).
 */
import { allSettingKeys, SETTING_KEYS, settingProp } from './_keys';
import type { RenderedSetting } from './_render';
import { describeKey } from '../manifest/_describe';

/** The modules a conflict check reads, loaded when a typed setting is first checked (not when the library is required). */
interface ConflictData {
  readonly keyHistory: typeof import('../jvm/_flink-key-history.generated').KEY_HISTORY;
  readonly flattenConfiguration: typeof import('../manifest/_configuration').flattenConfiguration;
}

let data: ConflictData | undefined;

function conflictData(): ConflictData {
  /* eslint-disable @typescript-eslint/no-require-imports */
  data ??= {
    keyHistory: (require('../jvm/_flink-key-history.generated') as typeof import('../jvm/_flink-key-history.generated')).KEY_HISTORY,
    flattenConfiguration: (require('../manifest/_configuration') as typeof import('../manifest/_configuration')).flattenConfiguration,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return data;
}

/**
 * One message per configuration key that sets what a typed prop sets.
 *
 * @param rendered the typed settings as rendered
 * @param configuration the resource's `flinkConfiguration` without the typed settings
 * @param field the name of the configuration in messages
 */
export function settingConflicts(rendered: readonly RenderedSetting[], configuration: unknown, field = 'flinkConfiguration'): string[] {
  if (rendered.length === 0 || configuration === undefined) {
    return [];
  }
  const given = new Set(Object.keys(conflictData().flattenConfiguration(configuration)));
  const messages: string[] = [];
  const props = [...new Set(rendered.map((r) => settingProp(r.setting)))];
  for (const prop of props) {
    const settings = Object.keys(SETTING_KEYS).filter((s) => settingProp(s) === prop);
    const keys = new Set(settings.flatMap(allSettingKeys).flatMap(withDeprecatedKeys));
    for (const key of [...keys].filter((k) => given.has(k)).sort()) {
      messages.push(`${prop}: also set in ${field} as '${describeKey(key)}'; set it in one place (the typed prop renders the key the Flink version reads)`);
    }
  }
  return messages;
}

/** The key and every key Flink reads in its place in some line. */
function withDeprecatedKeys(key: string): string[] {
  const aliases = Object.entries(conflictData().keyHistory)
    .filter(([, statuses]) => statuses.some(([, , replacement]) => replacement === key))
    .map(([alias]) => alias);
  return [key, ...aliases];
}

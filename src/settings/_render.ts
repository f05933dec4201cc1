/**
 * The one renderer of typed settings: props → `flinkConfiguration` entries
 * with the keys of the deployment's Flink version (`_keys.ts`) and values in
 * the notation Flink parses. Throws naming the prop for a bad value.
 */
import { Duration } from 'cdk8s';
import { CheckpointingMode } from '../checkpointing';
import { FlinkClusterSettings, FlinkJobSettings } from '../flink-settings';
import { FlinkVersion } from '../flink-version';
import { HighAvailability } from '../high-availability';
import { RestartStrategy } from '../restart-strategy';
import { StateBackend } from '../state-backend';
import { OLDEST_LINE, settingKey } from './_keys';
import { checkAll, checkBoolean, checkedParts, checkEnum, checkInteger, checkNonEmptyString, fail, isObject, reject } from '../props/_checks';
import { flinkDuration } from '../props/_duration';

/** One typed setting as it is rendered. */
export interface RenderedSetting {
  /** The setting, named by its prop (`checkpointing.dir`). */
  readonly setting: string;
  /** The key the Flink version reads. */
  readonly key: string;
  /** The value in Flink's notation. */
  readonly value: string;
}

/** Flink refuses checkpoint intervals and timeouts below 10 ms (`CheckpointCoordinatorConfiguration`). */
const MIN_CHECKPOINT_MILLIS = 10;

/**
 * The configuration entries of the typed settings, for a Flink version.
 *
 * @param settings the props
 * @param version the deployment's Flink version
 */
export function renderSettings(settings: FlinkClusterSettings, version: FlinkVersion): RenderedSetting[] {
  const groups = checkedParts({
    checkpointing: () => checkpointing(settings),
    savepoints: () => savepoints(settings),
    stateBackend: () => stateBackend(settings.stateBackend),
    highAvailability: () => highAvailability(settings.highAvailability),
    restartStrategy: () => restartStrategy(settings.restartStrategy),
  });
  const values = Object.values(groups).flat();
  const set = values.filter((v): v is [string, string] => v[1] !== undefined);
  if (set.length > 0 && !version.isEqualOrNewer(OLDEST_LINE)) {
    const prop = set[0][0].split('.')[0];
    fail('flinkVersion', `${OLDEST_LINE.value} or newer with '${prop}' (the keys of older Flink versions are not checked against Flink; set them in flinkConfiguration)`, version.value);
  }
  return set.map(([setting, value]) => ({ setting, key: settingKey(setting, version), value }));
}

/**
 * The configuration entries of a session job's typed settings: its session
 * cluster's Flink version picks the keys, so the cluster must be a
 * FlinkDeployment of this app.
 *
 * @param settings the session job's props
 * @param version the session cluster's Flink version, when known
 */
export function sessionJobSettings(settings: FlinkJobSettings, version: FlinkVersion | undefined): RenderedSetting[] {
  const given = (['checkpointing', 'savepoints', 'stateBackend', 'restartStrategy'] as const).find((p) => settings[p] !== undefined);
  if (given === undefined) {
    return [];
  }
  if (!(version instanceof FlinkVersion)) {
    reject('deployment', `must be a FlinkDeployment of this app with '${given}' (its flinkVersion picks the configuration keys), `
      + 'got a deployment defined elsewhere; set the keys in flinkConfiguration instead');
  }
  return renderSettings({
    checkpointing: settings.checkpointing,
    savepoints: settings.savepoints,
    stateBackend: settings.stateBackend,
    restartStrategy: settings.restartStrategy,
  }, version);
}

/**
 * The configuration with the typed settings' entries (they win: a duplicate
 * is a synth error of its own).
 */
export function withSettings(
  configuration: Record<string, unknown> | undefined, settings: readonly RenderedSetting[]): Record<string, unknown> | undefined {
  if (settings.length === 0) {
    return configuration;
  }
  return { ...configuration, ...Object.fromEntries(settings.map((s) => [s.key, s.value])) };
}

function checkpointing(settings: FlinkClusterSettings): Array<[string, string | undefined]> {
  const c = settings.checkpointing;
  if (c === undefined) {
    return [];
  }
  if (!isObject(c as unknown)) {
    fail('checkpointing', 'a map of checkpointing options', c);
  }
  return evaluate([
    ['checkpointing.interval', () => duration('checkpointing.interval', c.interval, MIN_CHECKPOINT_MILLIS)],
    ['checkpointing.mode', () => {
      checkEnum('checkpointing.mode', c.mode, CheckpointingMode);
      return c.mode;
    }],
    ['checkpointing.timeout', () => duration('checkpointing.timeout', c.timeout, MIN_CHECKPOINT_MILLIS)],
    ['checkpointing.minPause', () => duration('checkpointing.minPause', c.minPause, 0)],
    ['checkpointing.maxConcurrent', () => integer('checkpointing.maxConcurrent', c.maxConcurrent, 1)],
    ['checkpointing.retained', () => integer('checkpointing.retained', c.retained, 1)],
    ['checkpointing.unaligned', () => boolean('checkpointing.unaligned', c.unaligned)],
    ['checkpointing.dir', () => uri('checkpointing.dir', c.dir)],
  ]);
}

function savepoints(settings: FlinkClusterSettings): Array<[string, string | undefined]> {
  const s = settings.savepoints;
  if (s === undefined) {
    return [];
  }
  if (!isObject(s as unknown)) {
    fail('savepoints', 'a map of savepoint options', s);
  }
  return evaluate([['savepoints.dir', () => uri('savepoints.dir', s.dir)]]);
}

function stateBackend(backend: StateBackend | undefined): Array<[string, string | undefined]> {
  if (backend === undefined) {
    return [];
  }
  if (!(backend instanceof StateBackend)) {
    fail('stateBackend', 'a StateBackend (StateBackend.rocksDb() or StateBackend.hashMap())', backend);
  }
  return evaluate([
    ['stateBackend', () => backend.type],
    ['stateBackend.incremental', () => boolean('stateBackend.incremental', backend._incremental)],
  ]);
}

function highAvailability(ha: HighAvailability | undefined): Array<[string, string | undefined]> {
  if (ha === undefined) {
    return [];
  }
  if (!(ha instanceof HighAvailability)) {
    fail('highAvailability', 'a HighAvailability (HighAvailability.kubernetes({ storageDir }))', ha);
  }
  return evaluate([
    ['highAvailability', () => ha.type],
    ['highAvailability.storageDir', () => uri('highAvailability.storageDir', ha.storageDir, true)],
  ]);
}

function restartStrategy(strategy: RestartStrategy | undefined): Array<[string, string | undefined]> {
  if (strategy === undefined) {
    return [];
  }
  if (!(strategy instanceof RestartStrategy)) {
    fail('restartStrategy', 'a RestartStrategy (RestartStrategy.exponentialDelay(), fixedDelay(), failureRate() or none())', strategy);
  }
  const o = strategy._options;
  if (!isObject(o as unknown)) {
    fail('restartStrategy', 'options given as a map', o);
  }
  const at = (name: string): string => `restartStrategy.${strategy.type.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}.${name}`;
  const options: Entry[] = [];
  switch (strategy.type) {
    case 'fixed-delay':
      options.push([at('attempts'), () => integer(at('attempts'), o.attempts, 0)], [at('delay'), () => duration(at('delay'), o.delay, 0)]);
      break;
    case 'exponential-delay':
      options.push(
        [at('initialBackoff'), () => duration(at('initialBackoff'), o.initialBackoff, 0)],
        [at('maxBackoff'), () => duration(at('maxBackoff'), o.maxBackoff, 0)],
        [at('backoffMultiplier'), () => fraction(at('backoffMultiplier'), o.backoffMultiplier, 1, Number.MAX_VALUE, 'a number >= 1')],
        [at('resetBackoffThreshold'), () => duration(at('resetBackoffThreshold'), o.resetBackoffThreshold, 0)],
        [at('jitterFactor'), () => fraction(at('jitterFactor'), o.jitterFactor, 0, 1, 'a number from 0 to 1')],
        [at('attemptsBeforeResetBackoff'), () => integer(at('attemptsBeforeResetBackoff'), o.attemptsBeforeResetBackoff, 1)],
      );
      break;
    case 'failure-rate':
      options.push(
        [at('maxFailuresPerInterval'), () => integer(at('maxFailuresPerInterval'), o.maxFailuresPerInterval, 1)],
        [at('interval'), () => duration(at('interval'), o.interval, 1)],
        [at('delay'), () => duration(at('delay'), o.delay, 0)],
      );
      break;
  }
  return evaluate([['restartStrategy', () => strategy.type], ...options]);
}

type Entry = [string, () => string | undefined];

/** The value of every entry, or one `PropError` with every problem. */
function evaluate(entries: Entry[]): Array<[string, string | undefined]> {
  const values: Array<[string, string | undefined]> = [];
  checkAll(...entries.map(([setting, value]) => () => values.push([setting, value()])));
  return values;
}

function duration(field: string, value: Duration | undefined, minMillis: number): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  const text = flinkDuration(field, value);
  if (value.toMilliseconds() < minMillis) {
    fail(field, `at least ${minMillis} ms`, value.toHumanString());
  }
  return text;
}

function integer(field: string, value: number | undefined, min: number): string | undefined {
  checkInteger(field, value, min);
  if (value !== undefined && value > 2_147_483_647) {
    fail(field, 'a whole number that fits a Java int', value);
  }
  return value === undefined ? undefined : String(value);
}

function fraction(field: string, value: number | undefined, min: number, max: number, what: string): string | undefined {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)) {
    fail(field, what, value);
  }
  return value === undefined ? undefined : String(value);
}

function boolean(field: string, value: boolean | undefined): string | undefined {
  checkBoolean(field, value);
  return value === undefined ? undefined : String(value);
}

function uri(field: string, value: string | undefined, required = false): string | undefined {
  if (value === undefined && !required) {
    return undefined;
  }
  checkNonEmptyString(field, value);
  return value;
}

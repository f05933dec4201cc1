/**
 * The one table of typed settings: for each setting, the configuration key
 * it renders to, by the first Flink line that reads that key. Checked
 * against each line's own `ConfigOption`s by `conformance/flink-config/`.
 */
import { FlinkVersion } from '../flink-version';

/** `[first line, key]` pairs, oldest first; a key holds until the next pair. */
type KeysByLine = ReadonlyArray<readonly [string, string]>;

/** The oldest Flink line whose keys are known. */
export const OLDEST_LINE = FlinkVersion.V1_19;

/** Setting (named by its prop, as in messages) → keys by Flink line. */
export const SETTING_KEYS: { readonly [setting: string]: KeysByLine } = {
  'checkpointing.interval': [['1.19', 'execution.checkpointing.interval']],
  'checkpointing.mode': [['1.19', 'execution.checkpointing.mode']],
  'checkpointing.timeout': [['1.19', 'execution.checkpointing.timeout']],
  'checkpointing.minPause': [['1.19', 'execution.checkpointing.min-pause']],
  'checkpointing.maxConcurrent': [['1.19', 'execution.checkpointing.max-concurrent-checkpoints']],
  'checkpointing.retained': [['1.19', 'state.checkpoints.num-retained'], ['1.20', 'execution.checkpointing.num-retained']],
  'checkpointing.unaligned': [['1.19', 'execution.checkpointing.unaligned.enabled']],
  'checkpointing.dir': [['1.19', 'state.checkpoints.dir'], ['1.20', 'execution.checkpointing.dir']],
  'savepoints.dir': [['1.19', 'state.savepoints.dir'], ['1.20', 'execution.checkpointing.savepoint-dir']],
  'stateBackend': [['1.19', 'state.backend.type']],
  'stateBackend.incremental': [['1.19', 'state.backend.incremental'], ['1.20', 'execution.checkpointing.incremental']],
  'highAvailability': [['1.19', 'high-availability.type']],
  'highAvailability.storageDir': [['1.19', 'high-availability.storageDir']],
  'restartStrategy': [['1.19', 'restart-strategy.type']],
  'restartStrategy.fixedDelay.attempts': [['1.19', 'restart-strategy.fixed-delay.attempts']],
  'restartStrategy.fixedDelay.delay': [['1.19', 'restart-strategy.fixed-delay.delay']],
  'restartStrategy.exponentialDelay.initialBackoff': [['1.19', 'restart-strategy.exponential-delay.initial-backoff']],
  'restartStrategy.exponentialDelay.maxBackoff': [['1.19', 'restart-strategy.exponential-delay.max-backoff']],
  'restartStrategy.exponentialDelay.backoffMultiplier': [['1.19', 'restart-strategy.exponential-delay.backoff-multiplier']],
  'restartStrategy.exponentialDelay.resetBackoffThreshold': [['1.19', 'restart-strategy.exponential-delay.reset-backoff-threshold']],
  'restartStrategy.exponentialDelay.jitterFactor': [['1.19', 'restart-strategy.exponential-delay.jitter-factor']],
  'restartStrategy.exponentialDelay.attemptsBeforeResetBackoff': [['1.19', 'restart-strategy.exponential-delay.attempts-before-reset-backoff']],
  'restartStrategy.failureRate.maxFailuresPerInterval': [['1.19', 'restart-strategy.failure-rate.max-failures-per-interval']],
  'restartStrategy.failureRate.interval': [['1.19', 'restart-strategy.failure-rate.failure-rate-interval']],
  'restartStrategy.failureRate.delay': [['1.19', 'restart-strategy.failure-rate.delay']],
};

/** The key a Flink version reads for a setting (versions newer than the table read the newest key). */
export function settingKey(setting: string, version: FlinkVersion): string {
  const keys = SETTING_KEYS[setting];
  let key = keys[0][1];
  for (const [line, k] of keys) {
    if (version.isEqualOrNewer(FlinkVersion.of(`v${line.replace('.', '_')}`))) {
      key = k;
    }
  }
  return key;
}

/** Every key of a setting in any line. */
export function allSettingKeys(setting: string): string[] {
  return SETTING_KEYS[setting].map(([, key]) => key);
}

/**
 * The prop a setting belongs to for conflicts: each field of `checkpointing`
 * and `savepoints` on its own, the value classes (`stateBackend`,
 * `highAvailability`, `restartStrategy`) as a whole.
 */
export function settingProp(setting: string): string {
  const [head] = setting.split('.');
  return head === 'checkpointing' || head === 'savepoints' ? setting : head;
}

/**
 * Conformance of the typed Flink settings with Flink's own code: for every
 * supported Flink line, each case's FlinkDeployment is synthesized, its
 * rendered `flinkConfiguration` is loaded into that line's
 * `org.apache.flink.configuration.Configuration`, and every typed setting
 * is read back through the `ConfigOption` the runtime reads. A setting
 * agrees when the option's own key is the one rendered and the value read
 * is the value given. The vendored key history must equal the one
 * generated from the same jars.
 *
 *   npx tsx conformance/flink-config/run.ts
 *
 * Prints one line, `flink-config: N settings read back on L Flink lines, M mismatches`,
 * and exits non-zero on any mismatch.
 */
import * as fs from 'fs';
import { Chart, Duration, Size, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import {
  CheckpointingMode, FlinkClusterSettings, FlinkDeployment, FlinkVersion, HighAvailability, RestartStrategy, StateBackend,
} from '../../src';
import { FLINK_LINES, startOracle } from './flink-lines';
import { HISTORY_MODULE, optionsPerLine, renderHistoryModule } from './history-module';

const C = 'org.apache.flink.configuration.';
const STREAMING = 'org.apache.flink.streaming.api.environment.ExecutionCheckpointingOptions#';

/**
 * The ConfigOption the runtime reads for each setting, first one present
 * on the line's class path (Flink 1.19 defines the checkpointing options in
 * flink-streaming-java). Written from Flink's classes, not from the library.
 */
const OPTIONS: Record<string, string[]> = {
  'checkpointing.interval': [`${C}CheckpointingOptions#CHECKPOINTING_INTERVAL`, `${STREAMING}CHECKPOINTING_INTERVAL`],
  'checkpointing.mode': [`${C}CheckpointingOptions#CHECKPOINTING_CONSISTENCY_MODE`, `${STREAMING}CHECKPOINTING_MODE`],
  'checkpointing.timeout': [`${C}CheckpointingOptions#CHECKPOINTING_TIMEOUT`, `${STREAMING}CHECKPOINTING_TIMEOUT`],
  'checkpointing.minPause': [`${C}CheckpointingOptions#MIN_PAUSE_BETWEEN_CHECKPOINTS`, `${STREAMING}MIN_PAUSE_BETWEEN_CHECKPOINTS`],
  'checkpointing.maxConcurrent': [`${C}CheckpointingOptions#MAX_CONCURRENT_CHECKPOINTS`, `${STREAMING}MAX_CONCURRENT_CHECKPOINTS`],
  'checkpointing.retained': [`${C}CheckpointingOptions#MAX_RETAINED_CHECKPOINTS`],
  'checkpointing.unaligned': [`${C}CheckpointingOptions#ENABLE_UNALIGNED`, `${STREAMING}ENABLE_UNALIGNED`],
  'checkpointing.dir': [`${C}CheckpointingOptions#CHECKPOINTS_DIRECTORY`],
  'savepoints.dir': [`${C}CheckpointingOptions#SAVEPOINT_DIRECTORY`],
  'stateBackend': [`${C}StateBackendOptions#STATE_BACKEND`],
  'stateBackend.incremental': [`${C}CheckpointingOptions#INCREMENTAL_CHECKPOINTS`],
  'highAvailability': [`${C}HighAvailabilityOptions#HA_MODE`],
  'highAvailability.storageDir': [`${C}HighAvailabilityOptions#HA_STORAGE_PATH`],
  'restartStrategy': [`${C}RestartStrategyOptions#RESTART_STRATEGY`],
  'restartStrategy.fixedDelay.attempts': [`${C}RestartStrategyOptions#RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS`],
  'restartStrategy.fixedDelay.delay': [`${C}RestartStrategyOptions#RESTART_STRATEGY_FIXED_DELAY_DELAY`],
  'restartStrategy.exponentialDelay.initialBackoff': [`${C}RestartStrategyOptions#RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF`],
  'restartStrategy.exponentialDelay.maxBackoff': [`${C}RestartStrategyOptions#RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF`],
  'restartStrategy.exponentialDelay.backoffMultiplier': [`${C}RestartStrategyOptions#RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER`],
  'restartStrategy.exponentialDelay.resetBackoffThreshold': [`${C}RestartStrategyOptions#RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD`],
  'restartStrategy.exponentialDelay.jitterFactor': [`${C}RestartStrategyOptions#RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR`],
  'restartStrategy.exponentialDelay.attemptsBeforeResetBackoff': [`${C}RestartStrategyOptions#RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS`],
  'restartStrategy.failureRate.maxFailuresPerInterval': [`${C}RestartStrategyOptions#RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL`],
  'restartStrategy.failureRate.interval': [`${C}RestartStrategyOptions#RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL`],
  'restartStrategy.failureRate.delay': [`${C}RestartStrategyOptions#RESTART_STRATEGY_FAILURE_RATE_DELAY`],
};

/** One case: typed props and what Flink must read for each setting (durations in ms). */
interface Case {
  readonly name: string;
  readonly props: FlinkClusterSettings;
  readonly expected: Record<string, string | number | boolean>;
}

const ms = (d: Duration): number => d.toMilliseconds();

function fixedCases(): Case[] {
  const interval = Duration.seconds(30);
  const timeout = Duration.minutes(5);
  const minPause = Duration.millis(1500);
  const initialBackoff = Duration.seconds(2);
  const maxBackoff = Duration.minutes(3);
  const reset = Duration.hours(2);
  return [
    {
      name: 'every checkpointing option, RocksDB incremental, Kubernetes HA, exponential delay',
      props: {
        checkpointing: {
          interval, mode: CheckpointingMode.AT_LEAST_ONCE, timeout, minPause, maxConcurrent: 3, retained: 5, unaligned: true,
          dir: 's3://bucket/checkpoints',
        },
        savepoints: { dir: 's3://bucket/savepoints' },
        stateBackend: StateBackend.rocksDb({ incremental: true }),
        highAvailability: HighAvailability.kubernetes({ storageDir: 's3://bucket/ha' }),
        restartStrategy: RestartStrategy.exponentialDelay({
          initialBackoff, maxBackoff, backoffMultiplier: 2.5, resetBackoffThreshold: reset, jitterFactor: 0.25, attemptsBeforeResetBackoff: 7,
        }),
      },
      expected: {
        'checkpointing.interval': ms(interval),
        'checkpointing.mode': 'AT_LEAST_ONCE',
        'checkpointing.timeout': ms(timeout),
        'checkpointing.minPause': ms(minPause),
        'checkpointing.maxConcurrent': 3,
        'checkpointing.retained': 5,
        'checkpointing.unaligned': true,
        'checkpointing.dir': 's3://bucket/checkpoints',
        'savepoints.dir': 's3://bucket/savepoints',
        'stateBackend': 'rocksdb',
        'stateBackend.incremental': true,
        'highAvailability': 'kubernetes',
        'highAvailability.storageDir': 's3://bucket/ha',
        'restartStrategy': 'exponential-delay',
        'restartStrategy.exponentialDelay.initialBackoff': ms(initialBackoff),
        'restartStrategy.exponentialDelay.maxBackoff': ms(maxBackoff),
        'restartStrategy.exponentialDelay.backoffMultiplier': 2.5,
        'restartStrategy.exponentialDelay.resetBackoffThreshold': ms(reset),
        'restartStrategy.exponentialDelay.jitterFactor': 0.25,
        'restartStrategy.exponentialDelay.attemptsBeforeResetBackoff': 7,
      },
    },
    {
      name: 'hash map, fixed delay, exactly once, aligned',
      props: {
        checkpointing: { interval: Duration.days(1), mode: CheckpointingMode.EXACTLY_ONCE, unaligned: false },
        stateBackend: StateBackend.hashMap(),
        restartStrategy: RestartStrategy.fixedDelay({ attempts: 4, delay: Duration.millis(250) }),
      },
      expected: {
        'checkpointing.interval': 86_400_000,
        'checkpointing.mode': 'EXACTLY_ONCE',
        'checkpointing.unaligned': false,
        'stateBackend': 'hashmap',
        'restartStrategy': 'fixed-delay',
        'restartStrategy.fixedDelay.attempts': 4,
        'restartStrategy.fixedDelay.delay': 250,
      },
    },
    {
      name: 'RocksDB with full checkpoints, failure rate',
      props: {
        stateBackend: StateBackend.rocksDb({ incremental: false }),
        restartStrategy: RestartStrategy.failureRate({ maxFailuresPerInterval: 9, interval: Duration.minutes(90), delay: Duration.seconds(45) }),
      },
      expected: {
        'stateBackend': 'rocksdb',
        'stateBackend.incremental': false,
        'restartStrategy': 'failure-rate',
        'restartStrategy.failureRate.maxFailuresPerInterval': 9,
        'restartStrategy.failureRate.interval': 5_400_000,
        'restartStrategy.failureRate.delay': 45_000,
      },
    },
    {
      name: 'no restarts',
      props: { restartStrategy: RestartStrategy.none() },
      expected: { restartStrategy: 'none' },
    },
  ];
}

/** Seeded durations of every unit, so that each notation the renderer picks is parsed by Flink. */
function durationCases(count: number): Case[] {
  const millis = fc.oneof(
    fc.integer({ min: 10, max: 2_000_000_000 }),
    fc.integer({ min: 1, max: 1000 }).map((n) => n * 1000),
    fc.integer({ min: 1, max: 1000 }).map((n) => n * 60_000),
    fc.integer({ min: 1, max: 100 }).map((n) => n * 3_600_000),
    fc.integer({ min: 1, max: 30 }).map((n) => n * 86_400_000),
  );
  return fc.sample(fc.tuple(millis, millis, fc.integer({ min: 0, max: 2_000_000_000 })), { seed: 19, numRuns: count }).map(([a, b, c], i) => ({
    name: `durations #${i} (${a} ms, ${b} ms, ${c} ms)`,
    props: {
      checkpointing: { interval: Duration.millis(a), timeout: Duration.millis(b), minPause: Duration.millis(c) },
    },
    expected: { 'checkpointing.interval': a, 'checkpointing.timeout': b, 'checkpointing.minPause': c },
  }));
}

/** The flinkConfiguration the library renders for a case on a Flink line. */
function rendered(props: FlinkClusterSettings, line: string): Record<string, string> {
  const chart = new Chart(Testing.app(), 'conformance');
  new FlinkDeployment(chart, 'job', {
    image: `flink:${line}`,
    flinkVersion: FlinkVersion.of(`v${line.replace('.', '_')}`),
    jobManager: { memory: Size.mebibytes(2048) },
    taskManager: { memory: Size.mebibytes(2048) },
    ...props,
  });
  const deployment = Testing.synth(chart).find((o) => o.kind === 'FlinkDeployment');
  return deployment.spec.flinkConfiguration ?? {};
}

async function main(): Promise<void> {
  const started = Date.now();
  const mismatches: string[] = [];
  let reads = 0;

  const generated = renderHistoryModule(await optionsPerLine());
  if (generated !== fs.readFileSync(HISTORY_MODULE, 'utf8')) {
    mismatches.push('src/jvm/_flink-key-history.generated.ts differs from the option metadata of the jars: run npx tsx conformance/flink-config/generate.ts');
  }

  const cases = [...fixedCases(), ...durationCases(Number(process.env.FLINK_CONFIG_CASES ?? 40))];
  for (const line of FLINK_LINES) {
    const oracle = await startOracle(line);
    try {
      for (const c of cases) {
        const configuration = rendered(c.props, line.line);
        const settings = Object.keys(c.expected);
        const answer = await oracle.ask({ op: 'read', configuration, reads: settings.map((name) => ({ name, options: OPTIONS[name] })) });
        if (answer.error) {
          mismatches.push(`Flink ${line.release} ${c.name}: ${answer.error}`);
          continue;
        }
        const readKeys = new Set<string>();
        for (const setting of settings) {
          reads++;
          const a = answer.ok[setting];
          const at = `Flink ${line.release} ${c.name} ${setting}`;
          if (a.missing) {
            mismatches.push(`${at}: none of ${OPTIONS[setting].join(', ')} exists`);
            continue;
          }
          readKeys.add(a.key);
          if (!a.keySet) {
            mismatches.push(`${at}: ${a.option} reads '${a.key}', which is not rendered (rendered: ${JSON.stringify(configuration)})`);
          } else if (a.readError !== undefined) {
            mismatches.push(`${at}: Flink cannot read '${a.key}: ${configuration[a.key]}': ${a.readError}`);
          } else if (a.value !== c.expected[setting]) {
            mismatches.push(`${at}: Flink reads ${JSON.stringify(a.value)} from '${a.key}: ${configuration[a.key]}', expected ${JSON.stringify(c.expected[setting])}`);
          }
        }
        for (const key of Object.keys(configuration).filter((k) => !readKeys.has(k))) {
          mismatches.push(`Flink ${line.release} ${c.name}: '${key}' is rendered but no typed setting's option reads it`);
        }
      }
    } finally {
      await oracle.close();
    }
  }
  for (const m of mismatches.slice(0, 50)) {
    console.error(m);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`flink-config: ${reads} settings read back on ${FLINK_LINES.length} Flink lines (${cases.length} cases each), ${mismatches.length} mismatches (${seconds}s)`);
  process.exit(mismatches.length > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});

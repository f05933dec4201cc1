import { Chart, Duration, Size, Testing } from 'cdk8s';
import {
  CheckpointingMode, FlinkBlueGreenDeployment, FlinkClusterSettings, FlinkDeployment, FlinkSessionJob, FlinkVersion,
  HighAvailability, RestartStrategy, StateBackend,
} from '../../src';
import { settingKey } from '../../src/settings/_keys';
import { buildErrors, synthErrors } from '../support/prop-errors';

type Deployed = { chart: Chart; deployment: FlinkDeployment };

function deploy(version: FlinkVersion, settings: FlinkClusterSettings, flinkConfiguration?: { [key: string]: any }): Deployed {
  const chart = Testing.chart();
  const deployment = new FlinkDeployment(chart, 'job', {
    image: 'flink:2.2',
    flinkVersion: version,
    jobManager: { memory: Size.mebibytes(2048) },
    taskManager: { memory: Size.mebibytes(2048) },
    flinkConfiguration,
    ...settings,
  });
  return { chart, deployment };
}

function configuration(version: FlinkVersion, settings: FlinkClusterSettings, flinkConfiguration?: { [key: string]: any }): Record<string, string> {
  const { chart } = deploy(version, settings, flinkConfiguration);
  return Testing.synth(chart).find((o) => o.kind === 'FlinkDeployment').spec.flinkConfiguration;
}

const DIRS: FlinkClusterSettings = {
  checkpointing: { interval: Duration.seconds(30), retained: 3, dir: 's3://b/cp' },
  savepoints: { dir: 's3://b/sp' },
  stateBackend: StateBackend.rocksDb({ incremental: true }),
};

describe('typed Flink settings', () => {
  test('render the keys Flink 1.19 reads', () => {
    expect(configuration(FlinkVersion.V1_19, DIRS)).toEqual({
      'execution.checkpointing.interval': '30s',
      'state.checkpoints.num-retained': '3',
      'state.checkpoints.dir': 's3://b/cp',
      'state.savepoints.dir': 's3://b/sp',
      'state.backend.type': 'rocksdb',
      'state.backend.incremental': 'true',
    });
  });

  test.each([FlinkVersion.V1_20, FlinkVersion.V2_0, FlinkVersion.V2_2, FlinkVersion.of('v2_3')])('render the renamed keys for %s', (version) => {
    expect(configuration(version, DIRS)).toEqual({
      'execution.checkpointing.interval': '30s',
      'execution.checkpointing.num-retained': '3',
      'execution.checkpointing.dir': 's3://b/cp',
      'execution.checkpointing.savepoint-dir': 's3://b/sp',
      'state.backend.type': 'rocksdb',
      'execution.checkpointing.incremental': 'true',
    });
  });

  test('a Flink version newer than the table reads the newest keys', () => {
    expect(settingKey('checkpointing.dir', FlinkVersion.of('v3_0'))).toBe('execution.checkpointing.dir');
    expect(settingKey('checkpointing.dir', FlinkVersion.V1_19)).toBe('state.checkpoints.dir');
  });

  test('render every option in Flink notation next to the untyped configuration', () => {
    expect(configuration(FlinkVersion.V2_2, {
      checkpointing: {
        mode: CheckpointingMode.AT_LEAST_ONCE, timeout: Duration.minutes(10), minPause: Duration.millis(1500), maxConcurrent: 2, unaligned: true,
      },
      highAvailability: HighAvailability.kubernetes({ storageDir: 's3://b/ha' }),
      restartStrategy: RestartStrategy.exponentialDelay({ initialBackoff: Duration.seconds(1), backoffMultiplier: 2, jitterFactor: 0.1 }),
    }, { 'taskmanager.numberOfTaskSlots': '2' })).toEqual({
      'taskmanager.numberOfTaskSlots': '2',
      'execution.checkpointing.mode': 'AT_LEAST_ONCE',
      'execution.checkpointing.timeout': '10min',
      'execution.checkpointing.min-pause': '1500ms',
      'execution.checkpointing.max-concurrent-checkpoints': '2',
      'execution.checkpointing.unaligned.enabled': 'true',
      'high-availability.type': 'kubernetes',
      'high-availability.storageDir': 's3://b/ha',
      'restart-strategy.type': 'exponential-delay',
      'restart-strategy.exponential-delay.initial-backoff': '1s',
      'restart-strategy.exponential-delay.backoff-multiplier': '2',
      'restart-strategy.exponential-delay.jitter-factor': '0.1',
    });
  });

  test('render the other restart strategies', () => {
    expect(configuration(FlinkVersion.V2_2, { restartStrategy: RestartStrategy.fixedDelay({ attempts: 3, delay: Duration.seconds(10) }) })).toEqual({
      'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.attempts': '3', 'restart-strategy.fixed-delay.delay': '10s',
    });
    const failureRate = RestartStrategy.failureRate({ maxFailuresPerInterval: 3, interval: Duration.hours(1) });
    expect(configuration(FlinkVersion.V2_2, { restartStrategy: failureRate })).toEqual({
      'restart-strategy.type': 'failure-rate',
      'restart-strategy.failure-rate.max-failures-per-interval': '3',
      'restart-strategy.failure-rate.failure-rate-interval': '1h',
    });
    expect(configuration(FlinkVersion.V2_2, { restartStrategy: RestartStrategy.none(), stateBackend: StateBackend.hashMap() })).toEqual({
      'restart-strategy.type': 'none', 'state.backend.type': 'hashmap',
    });
  });

  test('reach the template of a blue/green deployment', () => {
    const chart = Testing.chart();
    new FlinkBlueGreenDeployment(chart, 'bg', {
      image: 'flink:2.2',
      flinkVersion: FlinkVersion.V2_2,
      jobManager: { memory: Size.mebibytes(2048) },
      taskManager: { memory: Size.mebibytes(2048) },
      job: { jarUri: 'local:///opt/flink/job.jar', parallelism: 1 },
      checkpointing: { dir: 's3://b/cp' },
    });
    const bg = Testing.synth(chart).find((o) => o.kind === 'FlinkBlueGreenDeployment');
    expect(bg.spec.template.spec.flinkConfiguration).toEqual({ 'execution.checkpointing.dir': 's3://b/cp' });
  });

  test('fails at synth when flinkConfiguration sets the same setting under any of its keys', () => {
    const { chart } = deploy(FlinkVersion.V2_2, DIRS, {
      'state.checkpoints.dir': 's3://other',
      'state': { 'backend.fs.checkpointdir': 's3://older' },
      'execution.checkpointing.interval': '1min',
      'state.backend.type': 'hashmap',
    });
    expect(() => Testing.synth(chart)).toThrow(/\[test\/job\] checkpointing\.dir: also set in flinkConfiguration as 'state\.backend\.fs\.checkpointdir'/);
    expect(() => Testing.synth(chart)).toThrow(/\[test\/job\] checkpointing\.dir: also set in flinkConfiguration as 'state\.checkpoints\.dir'/);
    expect(() => Testing.synth(chart)).toThrow(/\[test\/job\] checkpointing\.interval: also set in flinkConfiguration as 'execution\.checkpointing\.interval'/);
    expect(() => Testing.synth(chart)).toThrow(/\[test\/job\] stateBackend: also set in flinkConfiguration as 'state\.backend\.type'/);
  });

  test('fails at synth when addFlinkConfiguration sets a typed setting later', () => {
    const { chart, deployment } = deploy(FlinkVersion.V1_19, { restartStrategy: RestartStrategy.none() });
    deployment.addFlinkConfiguration('restart-strategy.fixed-delay.attempts', '3');
    expect(() => Testing.synth(chart)).toThrow(/restartStrategy: also set in flinkConfiguration as 'restart-strategy\.fixed-delay\.attempts'/);
  });

  test.each([
    [{ checkpointing: { interval: Duration.millis(5) } }, /checkpointing.interval: must be at least 10 ms, got "5 millis"/],
    [{ checkpointing: { maxConcurrent: 0 } }, /checkpointing.maxConcurrent: must be a whole number >= 1, got 0/],
    [{ checkpointing: { dir: ' ' } }, /checkpointing.dir: must be a non-empty string, got " "/],
    [{ checkpointing: { mode: 'exactly_once' as any } }, /checkpointing.mode: must be one of "EXACTLY_ONCE", "AT_LEAST_ONCE", got "exactly_once"/],
    [{ stateBackend: 'rocksdb' as any }, /stateBackend: must be a StateBackend/],
    [{ highAvailability: HighAvailability.kubernetes({ storageDir: '' }) }, /highAvailability.storageDir: must be a non-empty string/],
    [{ highAvailability: HighAvailability.kubernetes(undefined as any) }, /highAvailability.storageDir: must be a non-empty string, got undefined/],
    [{ restartStrategy: RestartStrategy.exponentialDelay({ jitterFactor: 2 }) }, /restartStrategy.exponentialDelay.jitterFactor: must be a number from 0 to 1, got 2/],
    [{ restartStrategy: RestartStrategy.fixedDelay({ delay: 10 as any }) }, /restartStrategy.fixedDelay.delay: must be a Duration/],
  ])('fails synth naming the prop for a bad value (%#)', (settings, message) => {
    const { chart } = deploy(FlinkVersion.V2_2, settings as FlinkClusterSettings);
    expect(synthErrors(chart)).toMatch(new RegExp(`^\\[test/job\\] ${message.source}`));
  });

  test('fails synth with every bad setting at once', () => {
    const { chart } = deploy(FlinkVersion.V2_2, {
      checkpointing: { interval: Duration.millis(5), maxConcurrent: 0 },
      restartStrategy: RestartStrategy.exponentialDelay({ jitterFactor: 2 }),
    });
    expect(synthErrors(chart)).toEqual([
      '[test/job] checkpointing.interval: must be at least 10 ms, got "5 millis"',
      '[test/job] checkpointing.maxConcurrent: must be a whole number >= 1, got 0',
      '[test/job] restartStrategy.exponentialDelay.jitterFactor: must be a number from 0 to 1, got 2',
    ].join('\n'));
  });

  test('fails synth for a Flink version older than the known keys', () => {
    const { chart } = deploy(FlinkVersion.V1_18, { savepoints: { dir: 's3://b/sp' } });
    expect(synthErrors(chart)).toMatch(/^\[test\/job\] flinkVersion: must be v1_19 or newer with 'savepoints'/);
  });
});

describe('typed Flink settings of a session job', () => {
  function session(version: FlinkVersion): { chart: Chart; deployment: FlinkDeployment } {
    return deploy(version, {});
  }

  test('render the keys of the session cluster\'s Flink version', () => {
    const { chart, deployment } = session(FlinkVersion.V1_19);
    deployment.addSessionJob('job', {
      job: { jarUri: 'https://repo.example.com/job.jar', parallelism: 1 },
      checkpointing: { interval: Duration.minutes(1), dir: 's3://b/cp' },
      restartStrategy: RestartStrategy.fixedDelay({ attempts: 2 }),
    });
    const job = Testing.synth(chart).find((o) => o.kind === 'FlinkSessionJob');
    expect(job.spec.flinkConfiguration).toEqual({
      'execution.checkpointing.interval': '1min',
      'state.checkpoints.dir': 's3://b/cp',
      'restart-strategy.type': 'fixed-delay',
      'restart-strategy.fixed-delay.attempts': '2',
    });
  });

  test('fails at synth when the session job\'s flinkConfiguration sets the same setting', () => {
    const { chart, deployment } = session(FlinkVersion.V2_2);
    deployment.addSessionJob('job', {
      job: { jarUri: 'https://repo.example.com/job.jar', parallelism: 1 },
      savepoints: { dir: 's3://b/sp' },
      flinkConfiguration: { 'state.savepoints.dir': 's3://b/other' },
    });
    expect(() => Testing.synth(chart)).toThrow(/\[test\/job\/job\] savepoints\.dir: also set in flinkConfiguration as 'state\.savepoints\.dir'/);
  });

  test('fails synth when the session cluster is defined elsewhere', () => {
    expect(buildErrors((chart) => new FlinkSessionJob(chart, 'job', {
      deployment: FlinkDeployment.fromName(chart, 'session', 'session'),
      job: { jarUri: 'https://repo.example.com/job.jar', parallelism: 1 },
      stateBackend: StateBackend.hashMap(),
    }))).toMatch(/^\[test\/job\] deployment: must be a FlinkDeployment of this app with 'stateBackend'/);
  });
});

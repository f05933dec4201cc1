import { Chart, Size, Testing } from 'cdk8s';
import { FlinkDeployment, FlinkVersion } from '../../src';
import { staleKeyWarnings } from '../../src/hooks/_stale-keys';
import { ManagedResource } from '../../src/resource/_managed-resource';

describe('flinkConfiguration keys the Flink version reads only as deprecated, or no longer', () => {
  test('a key renamed in Flink 1.20 is current for 1.19 and deprecated with its replacement from 1.20', () => {
    const configuration = { 'state.checkpoints.dir': 's3://b/cp' };
    expect(staleKeyWarnings(configuration, 'v1_19')).toEqual([]);
    expect(staleKeyWarnings(configuration, 'v2_2')).toEqual([
      "spec.flinkConfiguration.state.checkpoints.dir: 'state.checkpoints.dir' is deprecated in Flink 2.2; use 'execution.checkpointing.dir' instead",
    ]);
  });

  test('a key Flink 2.0 removed is reported as no longer read, nested keys too', () => {
    expect(staleKeyWarnings({ state: { 'backend.async': 'true' } }, 'v2_0')).toEqual([
      "spec.flinkConfiguration.state.backend.async: Flink 2.0 no longer reads 'state.backend.async'; it has no replacement",
    ]);
    expect(staleKeyWarnings({ 'state.backend.async': 'true' }, 'v1_20')).toEqual([
      "spec.flinkConfiguration.state.backend.async: 'state.backend.async' is deprecated in Flink 1.20; it has no replacement",
    ]);
  });

  test('current, unknown and version-less configurations give no warning', () => {
    expect(staleKeyWarnings({ 'execution.checkpointing.dir': 's3://b', 'my.own.key': 'x' }, 'v2_2')).toEqual([]);
    expect(staleKeyWarnings({ 'state.checkpoints.dir': 's3://b' }, 'v1_18')).toEqual([]);
    expect(staleKeyWarnings({ 'state.checkpoints.dir': 's3://b' }, undefined)).toEqual([]);
    expect(staleKeyWarnings({ constructor: 'x', toString: 'y' }, 'v2_2')).toEqual([]);
  });

  test('a FlinkDeployment reports them as warnings, not errors, at synth', () => {
    const chart = new Chart(Testing.app(), 'app');
    const deployment = new FlinkDeployment(chart, 'job', {
      image: 'flink:2.2',
      flinkVersion: FlinkVersion.V2_2,
      jobManager: { memory: Size.mebibytes(2048) },
      taskManager: { memory: Size.mebibytes(2048) },
      flinkConfiguration: { 'state.savepoints.dir': 's3://b/sp' },
    });
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => {
      written.push(String(chunk));
      return true;
    });
    try {
      expect(() => Testing.synth(chart)).not.toThrow();
    } finally {
      spy.mockRestore();
    }
    expect(ManagedResource.of(deployment)!.result().warnings).toEqual([
      "spec.flinkConfiguration.state.savepoints.dir: 'state.savepoints.dir' is deprecated in Flink 2.2; use 'execution.checkpointing.savepoint-dir' instead",
    ]);
    expect(written.join('')).toContain("Warning: [app/job] spec.flinkConfiguration.state.savepoints.dir: 'state.savepoints.dir' is deprecated in Flink 2.2");
  });
});

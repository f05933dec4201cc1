import { Chart, Testing } from 'cdk8s';
import { FlinkDeployment, FlinkTesting, PlanChange, SpecDiffType, UpgradeMode } from '../src';
import { deploymentProps, STATE_MACHINE_JAR } from './support/fixtures';

describe('FlinkTesting', () => {
  test('synthYaml renders the chart as cdk8s synth writes it, in emission order', () => {
    const chart = Testing.chart();
    const session = new FlinkDeployment(chart, 'b-session', deploymentProps());
    session.addSessionJob('a-job', { job: { jarUri: 'https://x/y.jar', parallelism: 1 } });
    const yaml = FlinkTesting.synthYaml(chart);
    expect(yaml).toMatchSnapshot();
    expect(yaml.split('---\n').map((d) => /kind: (\w+)/.exec(d)?.[1])).toEqual(['FlinkDeployment', 'FlinkSessionJob']);
    expect(yaml).toMatch(/^apiVersion: flink.apache.org\/v1beta1\nkind: FlinkDeployment\nmetadata:\n/);
  });

  test('validationErrors lists every error of the app with paths, and nothing for a valid app', () => {
    const app = Testing.app();
    const good = new Chart(app, 'good');
    new FlinkDeployment(good, 'ok', deploymentProps({ job: { jarUri: STATE_MACHINE_JAR, parallelism: 1 } }));
    expect(FlinkTesting.validationErrors(good)).toEqual([]);
    expect(() => FlinkTesting.assertValid(good)).not.toThrow();

    const bad = new Chart(app, 'bad');
    new FlinkDeployment(bad, 'no-parallelism', deploymentProps({ job: { jarUri: STATE_MACHINE_JAR } }));
    expect(FlinkTesting.validationErrors(good)).toEqual(['[bad/no-parallelism] job.parallelism (spec.job.parallelism): Job parallelism must be larger than 0']);
    expect(() => FlinkTesting.assertValid(bad)).toThrow('expected a valid app, got 1 error(s):\n  [bad/no-parallelism] job.parallelism (spec.job.parallelism): Job parallelism must be larger than 0');
  });

  test('assertInvalid passes only when every expected message is reported', () => {
    const chart = Testing.chart();
    new FlinkDeployment(chart, 'd', deploymentProps({ job: { jarUri: STATE_MACHINE_JAR } }));
    expect(() => FlinkTesting.assertInvalid(chart, ['Job parallelism must be larger than 0'])).not.toThrow();
    expect(() => FlinkTesting.assertInvalid(chart, ['Job parallelism must be larger than 0', 'Flink Version must be defined.']))
      .toThrow(/missing validation error\(s\): Flink Version must be defined\.\nreported:\n {2}\[test\/d\] job.parallelism \(spec.job.parallelism\): Job parallelism must be larger than 0/);
    const valid = Testing.chart();
    expect(() => FlinkTesting.assertInvalid(valid, ['x'])).toThrow('expected validation errors [x], but the app is valid');
  });

  test('plan tells what the operator does with the change from one chart to another', () => {
    const build = (parallelism: number, savepointTriggerNonce?: number) => {
      const chart = new Chart(Testing.app(), 'payments', { namespace: 'team' });
      new FlinkDeployment(chart, 'orders', deploymentProps({
        flinkConfiguration: { 'execution.checkpointing.dir': 's3://state/checkpoints', 'execution.checkpointing.savepoint-dir': 's3://state/savepoints', 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 's3://state/ha' },
        job: { jarUri: STATE_MACHINE_JAR, parallelism, upgradeMode: UpgradeMode.LAST_STATE, savepointTriggerNonce },
      }));
      return chart;
    };
    const [upgrade] = FlinkTesting.plan(build(2), build(4));
    expect(upgrade).toEqual(expect.objectContaining({ kind: 'FlinkDeployment', namespace: 'team', change: PlanChange.UPDATE, diffType: SpecDiffType.UPGRADE, fields: ['job.parallelism'] }));
    expect(upgrade.consequence).toMatch(/^UPGRADE with upgradeMode last-state: the job restarts from its latest checkpoint/);
    const [ignored] = FlinkTesting.plan(build(2), build(2, 1));
    expect(ignored.diffType).toEqual(SpecDiffType.IGNORE);
    expect(FlinkTesting.plan(build(2), build(2))[0].change).toEqual(PlanChange.NONE);
  });
});

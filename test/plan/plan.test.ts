import { PlanChange } from '../../src/flink-plan';
import { OperatorVersion } from '../../src/operator-version';
import { Risk } from '../../src/plan/_consequence';
import { plan } from '../../src/plan/_plan';
import { flinkManifest } from '../support/manifests';

const V = { operatorVersion: OperatorVersion.V1_16 };

function deployment(name: string, spec: any, namespace = 'ns'): any {
  return { apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkDeployment', metadata: { name, namespace }, spec: { flinkVersion: 'v2_2', image: 'flink:2.2', ...spec } };
}

function sessionJob(name: string, spec: any): any {
  return { apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkSessionJob', metadata: { name, namespace: 'ns' }, spec: { deploymentName: 'session', ...spec } };
}

const JOB = { jarURI: 'local:///job.jar', parallelism: 2 };

function only(before: any[], after: any[]) {
  const changes = plan(before, after, V);
  return changes.length === 1 ? changes[0] : changes;
}

describe('plan', () => {
  test('an UPGRADE under each upgrade mode says what happens to the state', () => {
    const upgrade = (upgradeMode: string) => only([deployment('d', { job: { ...JOB, upgradeMode } })], [deployment('d', { job: { ...JOB, upgradeMode, parallelism: 3 } })]) as any;
    const stateless = upgrade('stateless');
    expect(stateless.entry).toEqual({
      kind: 'FlinkDeployment',
      name: 'd',
      namespace: 'ns',
      change: PlanChange.UPDATE,
      diffType: 'UPGRADE',
      fields: ['job.parallelism'],
      consequence: 'UPGRADE with upgradeMode stateless: the job restarts from empty state',
      warnings: [],
    });
    expect(stateless.risk).toEqual(Risk.STATE_LOSS);
    expect(upgrade('savepoint').entry.consequence).toEqual('UPGRADE with upgradeMode savepoint: the job is stopped with a savepoint and restarted from it');
    expect(upgrade('savepoint').entry.warnings).toEqual([expect.stringMatching(/^upgradeMode savepoint without a savepoint directory/)]);
    expect(upgrade('last-state').entry.consequence).toMatch(/^UPGRADE with upgradeMode last-state: the job restarts from its latest checkpoint/);
    expect(upgrade('last-state').risk).toEqual(Risk.RESTART);
  });

  test('a SCALE says when it rescales in place and what happens otherwise', () => {
    const scale = (flinkVersion: string, extra: Record<string, string>) => only(
      [deployment('d', { flinkVersion, job: { ...JOB, upgradeMode: 'last-state' }, flinkConfiguration: extra })],
      [deployment('d', { flinkVersion, job: { ...JOB, upgradeMode: 'last-state' }, flinkConfiguration: { ...extra, 'pipeline.jobvertex-parallelism-overrides': 'a:4' } })]) as any;
    expect(scale('v2_2', {}).entry.diffType).toEqual('SCALE');
    expect(scale('v2_2', {}).entry.consequence).toMatch(/^SCALE: rescaled in place where the Flink version and scheduler allow it .*otherwise upgraded with upgradeMode last-state/);
    expect(scale('v2_2', { 'jobmanager.scheduler': 'adaptive' }).entry.consequence).toEqual('SCALE: rescaled in place (adaptive scheduler, parallelism overrides)');
    expect(scale('v2_2', { 'jobmanager.scheduler': 'adaptive' }).risk).toEqual(Risk.SCALE);
    expect(scale('v1_17', { 'jobmanager.scheduler': 'adaptive' }).entry.consequence).toMatch(/^SCALE: Flink before 1.18 cannot rescale in place, so it is upgraded/);
  });

  test('IGNORE changes leave the job alone and say what the ignored fields do', () => {
    const c = only([deployment('d', { job: JOB })], [deployment('d', { job: { ...JOB, savepointTriggerNonce: 1 }, flinkConfiguration: { 'kubernetes.operator.x': '1' } })]) as any;
    expect(c.entry.diffType).toEqual('IGNORE');
    expect(c.entry.fields).toEqual(['job.savepointTriggerNonce', 'flinkConfiguration.kubernetes.operator.x']);
    expect(c.entry.consequence).toEqual('IGNORE: the job keeps running untouched; a new savepointTriggerNonce triggers a savepoint; the operator applies its settings without a redeploy');
    expect(c.risk).toEqual(Risk.NONE);
  });

  test('suspending and resuming follow the upgrade mode', () => {
    const suspend = only([deployment('d', { job: { ...JOB, upgradeMode: 'stateless' } })], [deployment('d', { job: { ...JOB, state: 'suspended' } })]) as any;
    expect(suspend.entry.consequence).toMatch(/suspended: cancelled without a savepoint/);
    expect(suspend.risk).toEqual(Risk.STATE_LOSS);
    const resume = only([deployment('d', { job: { ...JOB, state: 'suspended', upgradeMode: 'savepoint' } })], [deployment('d', { job: { ...JOB, upgradeMode: 'savepoint' } })]) as any;
    expect(resume.entry.consequence).toEqual('UPGRADE: the job resumes from the savepoint taken when it was suspended');
  });

  test('a savepoint redeploy loses the state since the savepoint', () => {
    const c = only([deployment('d', { job: { ...JOB, savepointRedeployNonce: 1 } })], [deployment('d', { job: { ...JOB, savepointRedeployNonce: 2, initialSavepointPath: 's3://sp/1' } })]) as any;
    expect(c.entry.consequence).toMatch(/^SAVEPOINT_REDEPLOY: .* from initialSavepointPath s3:\/\/sp\/1/);
    expect(c.risk).toEqual(Risk.STATE_LOSS);
  });

  test('deleting a session cluster names its jobs; their mode decides a session job SCALE', () => {
    const session = deployment('session', { mode: 'standalone' });
    const deleted = plan([session, sessionJob('a', { job: JOB })], [], V);
    expect(deleted.map((c) => [c.entry.kind, c.entry.change, c.risk])).toEqual([
      ['FlinkDeployment', PlanChange.DELETE, Risk.STATE_LOSS], ['FlinkSessionJob', PlanChange.DELETE, Risk.STATE_LOSS],
    ]);
    expect(deleted[0].entry.consequence).toMatch(/with its 1 job\(s\) \(a\)/);
    const scaled = plan([session, sessionJob('a', { job: JOB })], [session, sessionJob('a', { job: { ...JOB, parallelism: 4 } })], V);
    expect(scaled[1].entry.diffType).toEqual('SCALE');
    expect(scaled[1].parent).toEqual({ kind: 'FlinkDeployment', name: 'session' });
    expect(scaled[0].entry.change).toEqual(PlanChange.NONE);
  });

  test('changes the operator rejects are warnings', () => {
    const c = only([deployment('d', { job: JOB })], [deployment('d', { job: JOB, mode: 'standalone' })]) as any;
    expect(c.entry.warnings).toContain('the operator rejects this change: Cannot switch from native kubernetes to standalone kubernetes cluster');
  });

  test('other objects are only created, changed, deleted or unchanged; creations of Flink resources say what starts', () => {
    const cm = (data: any) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ns' }, data });
    const changes = plan([cm({ a: '1' })], [cm({ a: '2' }), deployment('d', { job: JOB })], V);
    expect(changes.map((c) => c.entry)).toEqual([
      { kind: 'ConfigMap', name: 'c', namespace: 'ns', change: PlanChange.UPDATE, fields: [], consequence: '', warnings: [] },
      expect.objectContaining({ kind: 'FlinkDeployment', change: PlanChange.CREATE, consequence: 'created: the job is deployed for the first time, from empty state' }),
    ]);
  });

  test('snapshots are taken once; standalone workloads roll or scale', () => {
    const snapshot = (path: string) => flinkManifest('FlinkStateSnapshot', { name: 's', namespace: 'ns' },
      { jobReference: { kind: 'FlinkDeployment', name: 'd' }, savepoint: { path } });
    expect((only([], [snapshot('s3://a')]) as any).entry.consequence).toEqual('created: the operator triggers a savepoint of FlinkDeployment/d');
    expect((only([snapshot('s3://a')], [snapshot('s3://b')]) as any).entry.warnings).toEqual(['a FlinkStateSnapshot is taken once: a spec change has no effect']);
    const tm = (replicas: number, image: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd-taskmanager', labels: { type: 'flink-standalone-kubernetes', component: 'taskmanager' } },
      spec: { replicas, template: { spec: { containers: [{ name: 'flink', image }] } } },
    });
    expect((only([tm(1, 'a')], [tm(2, 'a')]) as any).entry).toEqual(expect.objectContaining({ diffType: 'SCALE', fields: ['spec.replicas'] }));
    expect((only([tm(1, 'a')], [tm(1, 'b')]) as any).entry).toEqual(expect.objectContaining({ diffType: 'UPGRADE', fields: ['spec.template'] }));
  });
});

import { App, Chart, Testing } from 'cdk8s';
import { ArgoCd, ArgoCdSyncWave, FlinkDeployment } from '../src';
import { deploymentProps, STATE_MACHINE_JAR } from './support/fixtures';
import { runHealthCheck } from './support/lua';

const WAVE = 'argocd.argoproj.io/sync-wave';
const OPTIONS = 'argocd.argoproj.io/sync-options';

describe('Argo CD annotations', () => {
  test('Flink clusters sync before their session jobs, and skip the dry run while the CRD is missing', () => {
    const chart = Testing.chart();
    const session = new FlinkDeployment(chart, 's', deploymentProps());
    session.addSessionJob('j', { job: { jarUri: 'https://x/y.jar', parallelism: 1 } });
    const [cluster, job] = Testing.synth(chart);
    expect(cluster.metadata.annotations).toEqual({ [WAVE]: String(ArgoCdSyncWave.CLUSTERS), [OPTIONS]: 'SkipDryRunOnMissingResource=true' });
    expect(job.metadata.annotations).toEqual({ [WAVE]: String(ArgoCdSyncWave.JOBS), [OPTIONS]: 'SkipDryRunOnMissingResource=true' });
    expect(Number(cluster.metadata.annotations[WAVE])).toBeLessThan(Number(job.metadata.annotations[WAVE]));
  });

  test('the waves order CRDs, certificates, operator, clusters, jobs', () => {
    expect([ArgoCdSyncWave.CRDS, ArgoCdSyncWave.CERTIFICATES, ArgoCdSyncWave.OPERATOR, ArgoCdSyncWave.CLUSTERS, ArgoCdSyncWave.JOBS])
      .toEqual([-3, -2, -1, 0, 1]);
  });

  test('ArgoCd.disable removes them beneath a scope only, even when called after the constructs', () => {
    const app = Testing.app();
    const plain = new Chart(app, 'plain');
    const argo = new Chart(app, 'argo');
    new FlinkDeployment(plain, 'd', deploymentProps({ annotations: { owner: 'me' } }));
    new FlinkDeployment(argo, 'd', deploymentProps());
    ArgoCd.disable(plain);
    expect(Testing.synth(plain)[0].metadata.annotations).toEqual({ owner: 'me' });
    expect(Testing.synth(argo)[0].metadata.annotations[WAVE]).toEqual('0');
    expect(ArgoCd.isEnabled(plain)).toBe(false);
    expect(ArgoCd.isEnabled(argo)).toBe(true);
  });

  test('nothing that drifts: two synths of the same app are byte-identical', () => {
    const build = () => {
      const app = new App();
      const chart = new Chart(app, 'c', { namespace: 'flink' });
      new FlinkDeployment(chart, 'd', deploymentProps({ job: { jarUri: STATE_MACHINE_JAR, parallelism: 2 } }));
      return app.synthYaml();
    };
    const first = build();
    expect(build()).toEqual(first);
    expect(first).not.toMatch(/caBundle|creationTimestamp|\d{4}-\d\d-\d\dT\d\d:/);
  });
});

describe('Argo CD health check', () => {
  const lua = ArgoCd.healthCheckLua();
  const app = (status: any, spec: any = { job: { jarURI: STATE_MACHINE_JAR } }, generation = 1) =>
    ({ apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkDeployment', metadata: { name: 'x', generation }, spec, status });
  const sessionJob = (status: any) => ({ kind: 'FlinkSessionJob', metadata: { name: 'j', generation: 1 }, spec: { deploymentName: 's' }, status });
  const RECONCILE_ERROR = JSON.stringify({ type: 'org.apache.flink.kubernetes.operator.exception.ReconciliationException', message: 'Could not upgrade: savepoint failed', additionalMetadata: {}, throwableList: [] });

  test.each([
    ['no status yet', app(undefined), 'Progressing', 'Waiting for the operator to reconcile'],
    ['an unobserved generation', app({ observedGeneration: 1, lifecycleState: 'STABLE', jobStatus: { state: 'RUNNING' } }, undefined, 2), 'Progressing', 'Waiting for the operator to observe generation 2'],
    ['a stable running job', app({ observedGeneration: 1, lifecycleState: 'STABLE', jobManagerDeploymentStatus: 'READY', jobStatus: { state: 'RUNNING' } }), 'Healthy', 'Job running'],
    ['a deployed running job', app({ lifecycleState: 'DEPLOYED', jobManagerDeploymentStatus: 'READY', jobStatus: { state: 'RUNNING' } }), 'Healthy', 'Job running'],
    ['a job still starting', app({ lifecycleState: 'DEPLOYED', jobManagerDeploymentStatus: 'DEPLOYING', jobStatus: { state: 'CREATED' } }), 'Progressing', 'Lifecycle DEPLOYED, job CREATED'],
    ['a running job whose JobManager is not ready', app({ lifecycleState: 'DEPLOYED', jobManagerDeploymentStatus: 'DEPLOYED_NOT_READY', jobStatus: { state: 'RUNNING' } }), 'Progressing', 'Lifecycle DEPLOYED, job RUNNING'],
    ['an upgrading job', app({ lifecycleState: 'UPGRADING', jobStatus: { state: 'RUNNING' } }), 'Progressing', 'Lifecycle UPGRADING, job RUNNING'],
    ['a failed job (JobManager fine)', app({ lifecycleState: 'DEPLOYED', jobManagerDeploymentStatus: 'READY', jobStatus: { state: 'FAILED' } }), 'Degraded', 'Job FAILED'],
    ['a failing job', app({ lifecycleState: 'STABLE', jobManagerDeploymentStatus: 'READY', jobStatus: { state: 'FAILING' } }), 'Degraded', 'Job FAILING'],
    ['a failed lifecycle with an error', app({ lifecycleState: 'FAILED', error: RECONCILE_ERROR }), 'Degraded', 'Lifecycle state FAILED: Could not upgrade: savepoint failed'],
    ['a rollback', app({ lifecycleState: 'ROLLED_BACK', jobStatus: { state: 'RUNNING' } }), 'Degraded', 'Rolled back to the last stable spec'],
    ['a JobManager deployment error', app({ lifecycleState: 'DEPLOYED', jobManagerDeploymentStatus: 'ERROR', error: 'plain text error' }), 'Degraded', 'JobManager deployment failed: plain text error'],
    ['a reconciliation error during an upgrade', app({ lifecycleState: 'UPGRADING', jobStatus: { state: 'RUNNING' }, error: RECONCILE_ERROR }), 'Degraded', 'Reconciliation failed: Could not upgrade: savepoint failed'],
    ['a suspended job', app({ lifecycleState: 'SUSPENDED', jobStatus: { state: 'FINISHED' } }), 'Suspended', 'Job suspended'],
    ['a cancelled job', app({ lifecycleState: 'STABLE', jobStatus: { state: 'CANCELED' } }), 'Suspended', 'Job CANCELED'],
    ['a finished batch job', app({ lifecycleState: 'STABLE', jobManagerDeploymentStatus: 'READY', jobStatus: { state: 'FINISHED' } }), 'Healthy', 'Job finished'],
    ['a ready session cluster', app({ lifecycleState: 'STABLE', jobManagerDeploymentStatus: 'READY' }, {}), 'Healthy', 'Session cluster ready'],
    ['a session cluster starting', app({ lifecycleState: 'DEPLOYED', jobManagerDeploymentStatus: 'DEPLOYING' }, {}), 'Progressing', 'Session cluster DEPLOYED, JobManager DEPLOYING'],
    ['a running session job', sessionJob({ lifecycleState: 'STABLE', jobStatus: { state: 'RUNNING' } }), 'Healthy', 'Job running'],
    ['a failed session job', sessionJob({ lifecycleState: 'STABLE', jobStatus: { state: 'FAILED' } }), 'Degraded', 'Job FAILED'],
    ['a session job waiting for its cluster', sessionJob({ lifecycleState: 'UPGRADING', jobStatus: {} }), 'Progressing', 'Lifecycle UPGRADING, job nil'],
  ])('%s is %s', (_what, obj, status, message) => {
    expect(runHealthCheck(lua, obj)).toEqual({ status, message });
  });

  test('healthCustomizations installs the script for both kinds under the argocd-cm keys', () => {
    expect(ArgoCd.healthCustomizations()).toEqual({
      'resource.customizations.health.flink.apache.org_FlinkDeployment': lua,
      'resource.customizations.health.flink.apache.org_FlinkSessionJob': lua,
    });
    expect(lua).toMatch(/^-- Argo CD health check/);
  });
});

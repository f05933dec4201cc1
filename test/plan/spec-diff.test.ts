import { OperatorVersion } from '../../src/operator-version';
import { blueGreenDiff, specDiff } from '../../src/plan/_spec-diff';

/**
 * Expected answers are what the operator's own ReflectiveDiffBuilder
 * (flink-kubernetes-operator 1.16.1, run through SpecDiffMain) returned for
 * these very specs; the differential run checks thousands more.
 */
type Row = [string, any, any, string, string[]];

const DEPLOYMENT_CASES: Row[] = [
  ['native job parallelism is an UPGRADE', { image: 'a', job: { jarURI: 'x', parallelism: 2 } }, { image: 'a', job: { jarURI: 'x', parallelism: 3 } }, 'UPGRADE', ['job.parallelism:UPGRADE']],
  ['standalone job parallelism is a SCALE', { mode: 'standalone', job: { parallelism: 2 } }, { mode: 'standalone', job: { parallelism: 3 } }, 'SCALE', ['job.parallelism:SCALE']],
  ['configuration is compared flattened, by prefix', { flinkConfiguration: { 'a': { b: 1 }, 'job.autoscaler.x': '1', 'l': [1, 2] } },
    { flinkConfiguration: { 'a.b': '2', 'job.autoscaler.x': '2', 'l': '1;2', 'pipeline.jobvertex-parallelism-overrides': 'x' } }, 'UPGRADE',
    ['flinkConfiguration.a.b:UPGRADE', 'flinkConfiguration.job.autoscaler.x:IGNORE', 'flinkConfiguration.pipeline.jobvertex-parallelism-overrides:SCALE']],
  ['a pod template drops apiVersion and kind but {} differs from absent', { podTemplate: { apiVersion: 'v1', kind: 'Pod', spec: { containers: [] } } }, { podTemplate: { metadata: { labels: {} } } }, 'UPGRADE', ['podTemplate:UPGRADE']],
  ['quantities compare by amount', { taskManager: { resources: { limits: { memory: '1Gi', cpu: '1' } } } }, { taskManager: { resources: { limits: { memory: '1024Mi', cpu: '1000m' } } } }, 'IGNORE', []],
  ['args null differs from the default empty array', { job: { args: null } }, { job: {} }, 'UPGRADE', ['job.args:UPGRADE']],
  ['jobManager is compared as a whole; null replicas read as 0', { jobManager: { replicas: null } }, { jobManager: {} }, 'UPGRADE', ['jobManager:UPGRADE']],
  ['an empty container list equals an absent one', { podTemplate: { spec: { containers: [] } } }, { podTemplate: { spec: {} } }, 'IGNORE', []],
  ['empty labels equal absent labels', { podTemplate: { metadata: { labels: {} } } }, { podTemplate: { metadata: {} } }, 'IGNORE', []],
  ['container resources compare by amount', { podTemplate: { spec: { containers: [{ name: 'a', resources: { limits: { cpu: '1' } } }] } } },
    { podTemplate: { spec: { containers: [{ name: 'a', resources: { limits: { cpu: '1000m' } } }] } } }, 'IGNORE', []],
  ['empty ingress tls differs from absent', { ingress: { tls: [] } }, { ingress: {} }, 'UPGRADE', ['ingress:UPGRADE']],
  ['empty tls hosts equal absent ones', { ingress: { tls: [{ hosts: [] }] } }, { ingress: { tls: [{}] } }, 'IGNORE', []],
  ['empty logConfiguration differs from absent', { logConfiguration: {} }, {}, 'UPGRADE', ['logConfiguration:UPGRADE']],
  ['a null configuration value reads as "null"', { flinkConfiguration: { a: null } }, { flinkConfiguration: { a: 'null' } }, 'IGNORE', []],
  ['an empty configuration array leaves no key', { flinkConfiguration: { a: [] } }, { flinkConfiguration: {} }, 'IGNORE', []],
  ['a null job state differs from the default running', { job: { state: null } }, { job: {} }, 'UPGRADE', ['job.state:UPGRADE']],
  ['a number is read as text into a string field', { image: 5 }, { image: '5' }, 'IGNORE', []],
  ['removing restartNonce is no change', { restartNonce: 1 }, {}, 'IGNORE', []],
  ['a new restartNonce is an UPGRADE', {}, { restartNonce: 1 }, 'UPGRADE', ['restartNonce:UPGRADE']],
  ['standalone taskManager.replicas is a SCALE', { mode: 'standalone', taskManager: { replicas: 1 } }, { mode: 'standalone', taskManager: { replicas: 2 } }, 'SCALE', ['taskManager.replicas:SCALE']],
  ['native taskManager.replicas is an UPGRADE', { taskManager: { replicas: 1 } }, { taskManager: { replicas: 2 } }, 'UPGRADE', ['taskManager.replicas:UPGRADE']],
  ['upgradeMode and nonces are ignored', { job: { upgradeMode: 'stateless' } }, { job: { upgradeMode: 'savepoint', savepointTriggerNonce: 1, autoscalerResetNonce: 2 } }, 'IGNORE',
    ['job.savepointTriggerNonce:IGNORE', 'job.upgradeMode:IGNORE', 'job.autoscalerResetNonce:IGNORE']],
  ['parallelism overrides are an UPGRADE in standalone mode', { mode: 'standalone' }, { mode: 'standalone', flinkConfiguration: { 'pipeline.jobvertex-parallelism-overrides': 'a:1' } }, 'UPGRADE',
    ['flinkConfiguration.pipeline.jobvertex-parallelism-overrides:UPGRADE']],
  ['prefixes match without a dot', {}, { flinkConfiguration: { 'kubernetes.operatorX': '1', 'parallelism.defaultX': '2' } }, 'IGNORE',
    ['flinkConfiguration.kubernetes.operatorX:IGNORE', 'flinkConfiguration.parallelism.defaultX:IGNORE']],
];

function summary(result: { type: string; diffs: { field: string; type: string }[] }): [string, string[]] {
  return [result.type, result.diffs.map((d) => `${d.field}:${d.type}`).sort()];
}

describe('specDiff (port of ReflectiveDiffBuilder)', () => {
  test.each(DEPLOYMENT_CASES)('%s', (_name, before, after, type, diffs) => {
    const mode = after.mode === 'standalone' ? 'standalone' : 'native';
    expect(summary(specDiff('FlinkDeployment', before, after, mode, OperatorVersion.V1_16))).toEqual([type, [...diffs].sort()]);
  });

  test('a savepoint redeploy nonce outranks every other change; removing restartNonce is ignored', () => {
    const result = specDiff('FlinkSessionJob', { restartNonce: 1, job: { savepointRedeployNonce: 2 } }, { job: { savepointRedeployNonce: 3 } }, 'native', OperatorVersion.V1_16);
    expect(summary(result)).toEqual(['SAVEPOINT_REDEPLOY', ['job.savepointRedeployNonce:SAVEPOINT_REDEPLOY']]);
  });

  test('a session job scales in the mode of its session cluster', () => {
    expect(specDiff('FlinkSessionJob', { job: { parallelism: 1 } }, { job: { parallelism: 2 } }, 'standalone', OperatorVersion.V1_16).type).toEqual('SCALE');
    expect(specDiff('FlinkSessionJob', { job: { parallelism: 1 } }, { job: { parallelism: 2 } }, 'native', OperatorVersion.V1_16).type).toEqual('UPGRADE');
  });

  test('operator 1.15 does not know taskManager.resources; 1.16 upgrades for it', () => {
    const before = { taskManager: { resources: { limits: { cpu: '1' } } } };
    const after = { taskManager: { resources: { limits: { cpu: '2' } } } };
    expect(summary(specDiff('FlinkDeployment', before, after, 'native', OperatorVersion.V1_16))).toEqual(['UPGRADE', ['taskManager.resources:UPGRADE']]);
    expect(summary(specDiff('FlinkDeployment', before, after, 'native', OperatorVersion.V1_15))).toEqual(['IGNORE', []]);
  });

  test('blue/green: suspend and resume first, then transition or patch', () => {
    const spec = (job: any, extra: any = {}) => ({ template: { spec: { job, ...extra } } });
    expect(blueGreenDiff(spec({ state: 'running' }), spec({ state: 'suspended' }), OperatorVersion.V1_16)).toEqual('SUSPEND');
    expect(blueGreenDiff(spec({ state: 'suspended' }), spec({}), OperatorVersion.V1_16)).toEqual('RESUME');
    expect(blueGreenDiff(spec({ parallelism: 1 }), spec({ parallelism: 2 }), OperatorVersion.V1_16)).toEqual('TRANSITION');
    expect(blueGreenDiff(spec({ upgradeMode: 'savepoint' }), spec({ upgradeMode: 'last-state' }), OperatorVersion.V1_16)).toEqual('PATCH_CHILD');
    expect(blueGreenDiff(spec({}), spec({}, { podTemplate: { apiVersion: 'v1' } }), OperatorVersion.V1_16)).toEqual('TRANSITION');
    expect(blueGreenDiff(spec({}, { podTemplate: { apiVersion: 'v1' } }), spec({}, { podTemplate: { apiVersion: 'v1', kind: 'Pod' } }), OperatorVersion.V1_16)).toEqual('IGNORE');
    expect(blueGreenDiff(spec({ savepointRedeployNonce: 1 }), spec({ savepointRedeployNonce: 2 }), OperatorVersion.V1_16)).toEqual('SAVEPOINT_REDEPLOY');
    expect(specDiff('FlinkBlueGreenDeployment', spec({ parallelism: 1 }), spec({ parallelism: 2 }), 'native', OperatorVersion.V1_16).type).toEqual('UPGRADE');
  });
});

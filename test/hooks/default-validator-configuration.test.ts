import { effectiveConfiguration, flattenConfiguration, upstreamOperatorConfiguration } from '../../src/manifest/_configuration';
import { OperatorVersion } from '../../src/operator-version';

// The configuration a resource is validated with: the operator defaults,
// scoped defaults, and the resource's own (flattened) flinkConfiguration.

describe('flattenConfiguration', () => {
  test('flat input passes through', () => {
    expect(flattenConfiguration({ 'a.b': '1', 'c': 'x' })).toEqual({ 'a.b': '1', 'c': 'x' });
  });

  test('nested objects are joined with dots', () => {
    expect(flattenConfiguration({ 'high-availability': { type: 'kubernetes', storageDir: 'file:///ha' }, 'job.autoscaler': { enabled: true } }))
      .toEqual({ 'high-availability.type': 'kubernetes', 'high-availability.storageDir': 'file:///ha', 'job.autoscaler.enabled': 'true' });
  });

  test('lists are joined with semicolons; empty lists are dropped', () => {
    expect(flattenConfiguration({ periods: ['9:00-10:00', '* * * ? * 1'], none: [], mixed: [1, true, null, { a: 1 }] }))
      .toEqual({ periods: '9:00-10:00;* * * ? * 1', mixed: '1;true;null;' });
  });

  test('scalars become their text as the operator reads them', () => {
    expect(flattenConfiguration({ int: 2, double: 0.5, big: 1e21, tiny: 1e-4, yes: false, nothing: null }))
      .toEqual({ int: '2', double: '0.5', big: '1.0E21', tiny: '1.0E-4', yes: 'false', nothing: 'null' });
  });

  test.each([[undefined], [null], ['text'], [42], [['a']]])('%p flattens to nothing', (value) => {
    expect(flattenConfiguration(value)).toEqual({});
  });

  test('a __proto__ key is an ordinary key', () => {
    const flat = flattenConfiguration(JSON.parse('{"__proto__": {"polluted": "yes"}}'));
    expect(flat).toEqual({ '__proto__.polluted': 'yes' });
    expect(({} as any).polluted).toBeUndefined();
  });
});

describe('effectiveConfiguration', () => {
  test('without a context, the chart defaults of the newest release (1.16) apply', () => {
    expect(effectiveConfiguration(undefined)).toEqual(upstreamOperatorConfiguration(OperatorVersion.V1_16));
    expect(upstreamOperatorConfiguration()['kubernetes.operator.reconcile.interval']).toBe('15 s');
    // conf/config.yaml of the 1.16 chart no longer sets the task slots (FLINK-39791)
    expect(upstreamOperatorConfiguration()['taskmanager.numberOfTaskSlots']).toBeUndefined();
  });

  test('a context targeting 1.15 sees the 1.15.0 chart defaults', () => {
    const context = { operatorVersion: OperatorVersion.V1_15, source: '' };
    expect(effectiveConfiguration(undefined, context)).toEqual(upstreamOperatorConfiguration(OperatorVersion.V1_15));
    expect(effectiveConfiguration(undefined, context)['taskmanager.numberOfTaskSlots']).toBe('1');
    expect(effectiveConfiguration(undefined, context)['parallelism.default']).toBe('1');
  });

  test('the resource configuration wins over the operator configuration', () => {
    const context = { operatorConfiguration: { 'parallelism.default': '4', 'state.checkpoints.dir': 'file:///op' } };
    expect(effectiveConfiguration({ state: { 'checkpoints.dir': 'file:///mine' } }, context))
      .toEqual({ 'parallelism.default': '4', 'state.checkpoints.dir': 'file:///mine' });
  });

  test('an empty operator configuration replaces the chart defaults', () => {
    expect(effectiveConfiguration({ a: 1 }, { operatorConfiguration: {} })).toEqual({ a: '1' });
  });

  test('namespace-scoped defaults apply to resources in that namespace', () => {
    const context = { operatorConfiguration: { 'kubernetes.operator.default-configuration.namespace.team-a.high-availability.type': 'kubernetes' } };
    expect(effectiveConfiguration({}, context, { namespace: 'team-a' })['high-availability.type']).toBe('kubernetes');
    expect(effectiveConfiguration({}, context, { namespace: 'team-b' })['high-availability.type']).toBeUndefined();
  });

  test('version-scoped defaults apply to that version, and "+" ones to newer versions, newest last', () => {
    const prefix = 'kubernetes.operator.default-configuration.flink-version.';
    const context = {
      operatorConfiguration: {
        [`${prefix}v1_18+.k`]: 'from 1.18+',
        [`${prefix}v1_16+.k`]: 'from 1.16+',
        [`${prefix}v1_19.k`]: 'exactly 1.19',
        [`${prefix}v2_0+.other`]: 'from 2.0+',
      },
    };
    expect(effectiveConfiguration({}, context, { flinkVersion: 'v1_17' }).k).toBe('from 1.16+');
    expect(effectiveConfiguration({}, context, { flinkVersion: 'v1_18' }).k).toBe('from 1.18+');
    expect(effectiveConfiguration({}, context, { flinkVersion: 'v1_19' }).k).toBe('exactly 1.19');
    expect(effectiveConfiguration({}, context, { flinkVersion: 'v1_20' }).k).toBe('from 1.18+');
    expect(effectiveConfiguration({}, context, { flinkVersion: 'v1_20' }).other).toBeUndefined();
    expect(effectiveConfiguration({ k: 'mine' }, context, { flinkVersion: 'v1_19' }).k).toBe('mine');
  });

  test('the chart\'s Java 17 options are scoped to their Flink versions', () => {
    expect(effectiveConfiguration({}, undefined, { flinkVersion: 'v1_18' })['env.java.opts.all']).toMatch(/^--add-exports=java.base\/sun.net.util=ALL-UNNAMED/);
    expect(effectiveConfiguration({}, undefined, { flinkVersion: 'v2_2' })['env.java.default-opts.all']).toMatch(/java.util.concurrent.locks=ALL-UNNAMED$/);
    expect(effectiveConfiguration({}, undefined, { flinkVersion: 'v2_2' })['env.java.opts.all']).toBeUndefined();
  });
});

import { App, Chart, Testing } from 'cdk8s';
import { FlinkDeployment, FlinkHooks, FlinkOperator, FlinkVersion, OperatorVersion } from '../src';
import { buildErrors } from './support/prop-errors';

describe('OperatorVersion', () => {
  test('of() accepts the minor line and the exact release', () => {
    expect(OperatorVersion.of('1.15')).toBe(OperatorVersion.V1_15);
    expect(OperatorVersion.of('1.15.0')).toBe(OperatorVersion.V1_15);
    expect(OperatorVersion.of('1.16')).toBe(OperatorVersion.V1_16);
    expect(OperatorVersion.of('v1.16.1')).toBe(OperatorVersion.V1_16);
    expect(OperatorVersion.V1_16.version).toBe('1.16.1');
    expect(OperatorVersion.V1_15.minorVersion).toBe('1.15');
  });

  test.each(['1.14', '1.16.0', '1.17', '', 'latest'])('fails for the unsupported version %p', (v) => {
    expect(() => OperatorVersion.of(v)).toThrow(/^unsupported Flink Kubernetes Operator version .*; supported: '1.15' \(1.15.0\), '1.16' \(1.16.1\)$/);
  });

  test('compares releases', () => {
    expect(OperatorVersion.V1_16.isAtLeast(OperatorVersion.V1_15)).toBe(true);
    expect(OperatorVersion.V1_15.isAtLeast(OperatorVersion.V1_16)).toBe(false);
    expect(OperatorVersion.V1_15.isAtLeast(OperatorVersion.V1_15)).toBe(true);
    expect(OperatorVersion.LATEST).toBe(OperatorVersion.V1_16);
  });
});

describe('the target of an app', () => {
  function deployment(scope: Chart): FlinkDeployment {
    return new FlinkDeployment(scope, 'flink', {
      image: 'flink:2.0', flinkVersion: FlinkVersion.V2_0,
    } as any);
  }
  const target = (d: FlinkDeployment) => FlinkHooks._resolve(d).operatorVersion;

  test('is the newest release by default', () => {
    expect(target(deployment(Testing.chart()))).toBe(OperatorVersion.V1_16);
  });

  test('is what useOperatorVersion sets, innermost scope first', () => {
    const app = Testing.app();
    FlinkHooks.of(app).useOperatorVersion(OperatorVersion.V1_15);
    const chart = new Chart(app, 'c');
    expect(target(deployment(chart))).toBe(OperatorVersion.V1_15);
    const other = new Chart(app, 'd');
    FlinkHooks.of(other).useOperatorVersion(OperatorVersion.V1_16);
    expect(target(deployment(other))).toBe(OperatorVersion.V1_16);
  });

  test('is the version of a FlinkOperator anywhere in the app', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'ops' });
    const d = deployment(new Chart(app, 'flink'));
    new FlinkOperator(chart, 'operator', { version: OperatorVersion.V1_15 });
    expect(target(d)).toBe(OperatorVersion.V1_15);
  });

  test('fails when a scope asks for another release than the FlinkOperator', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'ops' });
    new FlinkOperator(chart, 'operator', { version: OperatorVersion.V1_15 });
    FlinkHooks.of(app).useOperatorVersion(OperatorVersion.V1_16);
    const resolved = FlinkHooks._resolve(deployment(chart));
    expect(resolved.operatorVersion).toBe(OperatorVersion.V1_15);
    expect(resolved.operatorVersionError).toBe("FlinkHooks.useOperatorVersion(1.16.1) differs from the operator the app installs (c/operator: 1.15.0); set the FlinkOperator's 'version' instead");
  });

  test('fails with two FlinkOperators of different releases', () => {
    const app = new App();
    const chart = new Chart(app, 'c', { namespace: 'ops' });
    new FlinkOperator(chart, 'a', { version: OperatorVersion.V1_15 });
    new FlinkOperator(new Chart(app, 'd', { namespace: 'ops2' }), 'b', { version: OperatorVersion.V1_16 });
    expect(FlinkHooks._resolve(deployment(chart)).operatorVersionError).toMatch(/^the app has FlinkOperators of two releases \(c\/a: 1.15.0, d\/b: 1.16.1\)/);
  });

  test('fails for a version prop that is not an OperatorVersion', () => {
    expect(buildErrors((chart) => new FlinkOperator(chart, 'o', { namespace: 'x', version: '1.16' as any })))
      .toEqual('[test/o] version: must be an OperatorVersion (e.g. OperatorVersion.V1_16 or OperatorVersion.of(\'1.16\')), got "1.16"');
  });
});

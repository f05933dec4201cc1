import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import { FlinkBlueGreenDeployment, FlinkDeployment, FlinkHooks, FlinkVersion, OperatorVersion } from '../../src';
import { crdErrors } from '../../src/manifest/_crd-checks';
import { deploymentProps } from '../support/fixtures';

function chartTargeting(version?: OperatorVersion): Chart {
  const app = Testing.app();
  if (version) {
    FlinkHooks.of(app).useOperatorVersion(version);
  }
  return new Chart(app, 'test');
}

describe('the target operator\'s CRDs at synth', () => {
  test('Flink 2.3 synthesizes for operator 1.16', () => {
    const chart = chartTargeting();
    new FlinkDeployment(chart, 'flink', deploymentProps({ image: 'flink:2.3', flinkVersion: FlinkVersion.V2_3 }));
    expect(Testing.synth(chart)[0].spec.flinkVersion).toEqual('v2_3');
  });

  test('fails for Flink 2.3 with operator 1.15, naming the release and the fix', () => {
    const chart = chartTargeting(OperatorVersion.V1_15);
    new FlinkDeployment(chart, 'flink', deploymentProps({ image: 'flink:2.3', flinkVersion: FlinkVersion.V2_3 }));
    expect(() => Testing.synth(chart)).toThrow(
      "[test/flink] spec.flinkVersion: 'v2_3' is not accepted by the FlinkDeployment CRD of Flink Kubernetes Operator 1.15.0, "
      + 'which allows v1_13, v1_14, v1_15, v1_16, v1_17, v1_18, v1_19, v1_20, v2_0, v2_1, v2_2; Flink Kubernetes Operator 1.16.1 accepts it: '
      + "target it with OperatorVersion.V1_16 (FlinkOperator 'version', FlinkHooks.useOperatorVersion() or cdk8s-flink validate --operator-version 1.16), "
      + 'or use one of these');
  });

  test('fails for a version no supported operator lists', () => {
    const chart = chartTargeting();
    new FlinkDeployment(chart, 'flink', deploymentProps({ flinkVersion: FlinkVersion.of('v2_9') }));
    expect(() => Testing.synth(chart)).toThrow(/spec.flinkVersion: 'v2_9' is not accepted by the FlinkDeployment CRD of Flink Kubernetes Operator 1.16.1, which allows v1_13, .*, v2_4; use one of these$/m);
  });

  test('checks the template of a blue/green deployment', () => {
    const chart = chartTargeting(OperatorVersion.V1_15);
    new FlinkBlueGreenDeployment(chart, 'bg', { ...deploymentProps({ flinkVersion: FlinkVersion.V2_4 }), job: { jarUri: 'local:///opt/flink/job.jar', parallelism: 1 } } as any);
    expect(() => Testing.synth(chart)).toThrow(/spec.template.spec.flinkVersion: 'v2_4' is not accepted by the FlinkBlueGreenDeployment CRD of Flink Kubernetes Operator 1.15.0/);
  });

  test('the check runs with the default validator disabled', () => {
    const app = new App();
    FlinkHooks.of(app).useOperatorVersion(OperatorVersion.V1_15);
    FlinkHooks.of(app).disableDefaultValidator();
    const chart = new Chart(app, 'test');
    new FlinkDeployment(chart, 'flink', deploymentProps({ flinkVersion: FlinkVersion.V2_3 }));
    expect(() => app.synth()).toThrow(/'v2_3' is not accepted/);
  });

  test('a field the target CRD does not declare is an error, with the release that has it', () => {
    const manifest = { spec: { jobManager: { resources: { limits: { cpu: 1 } } }, podTemplate: { spec: { hostnameOverride: 'x' } } } };
    expect(crdErrors('FlinkDeployment', manifest, OperatorVersion.V1_15)).toEqual([
      "spec.jobManager.resources is not a field of the FlinkDeployment CRD of Flink Kubernetes Operator 1.15.0 (the API server would drop it); Flink Kubernetes Operator 1.16.1 has it: target it with OperatorVersion.V1_16 (FlinkOperator 'version', FlinkHooks.useOperatorVersion() or cdk8s-flink validate --operator-version 1.16), or remove it",
      "spec.podTemplate.spec.hostnameOverride is not a field of the FlinkDeployment CRD of Flink Kubernetes Operator 1.15.0 (the API server would drop it); Flink Kubernetes Operator 1.16.1 has it: target it with OperatorVersion.V1_16 (FlinkOperator 'version', FlinkHooks.useOperatorVersion() or cdk8s-flink validate --operator-version 1.16), or remove it",
    ]);
    expect(crdErrors('FlinkDeployment', manifest, OperatorVersion.V1_16)).toEqual([]);
    expect(crdErrors('FlinkDeployment', { spec: { jobManager: { resourcez: {} } } }, OperatorVersion.V1_16)).toEqual([
      'spec.jobManager.resourcez is not a field of the FlinkDeployment CRD of Flink Kubernetes Operator 1.16.1 (the API server would drop it); remove it',
    ]);
  });

  test('maps and fields that keep unknown keys are not checked key by key', () => {
    const manifest = { spec: { flinkConfiguration: { 'any.key': 'v' }, podTemplate: { metadata: { labels: { a: 'b' } } }, job: { args: ['x'] } } };
    expect(crdErrors('FlinkDeployment', manifest, OperatorVersion.V1_15)).toEqual([]);
  });

  test('an escape hatch patch is rendered unchecked', () => {
    const chart = chartTargeting(OperatorVersion.V1_15);
    const d = new FlinkDeployment(chart, 'flink', deploymentProps());
    ApiObject.of(d).addJsonPatch(JsonPatch.add('/spec/flinkVersion', 'v2_3'));
    expect(Testing.synth(chart)[0].spec.flinkVersion).toEqual('v2_3');
  });
});

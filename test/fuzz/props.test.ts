/**
 * The props properties of `props.fuzz.ts` with a few hundred cases in total,
 * as part of `npm test`; `npm run fuzz` runs the same with 10,000.
 */
import { ApiObject, Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { Deferred } from './arbitraries';
import { checkCase, checkSynthesized, PROPERTIES, runProperty, runsOf } from './props.fuzz';
import {
  FlinkBackend, FlinkBlueGreenDeployment, FlinkDeployment, FlinkJobReference, FlinkOperator, FlinkSessionJob, FlinkStateSnapshot,
  FlinkVersion, WebhookKeystorePassword,
} from '../../src';
import { deploymentProps } from '../support/fixtures';

const TOTAL_RUNS = 300;

describe('bad input never crashes: every case synthesizes valid YAML or fails with messages naming path and prop', () => {
  for (const { name } of PROPERTIES) {
    test(`${name} (${runsOf(name, TOTAL_RUNS)} cases)`, () => {
      runProperty(name, runsOf(name, TOTAL_RUNS));
    }, 180_000);
  }
});

describe('the property itself', () => {
  test('a valid deployment synthesizes', () => {
    expect(checkCase('flink', (chart) => new FlinkDeployment(chart, 'd', deploymentProps({ job: { jarUri: 'local:///opt/flink/usrlib/job.jar', parallelism: 2 } }))))
      .toEqual('synthesized');
  });

  test('a prop the constructor refuses fails app.synth() and writes nothing; the constructor does not throw', () => {
    expect(checkCase('flink', (chart) => new FlinkDeployment(chart, 'd', deploymentProps({ image: '' })))).toEqual('rejected-at-synth');
  });

  test('a value factory without a construct may throw eagerly, naming what is wrong', () => {
    expect(checkCase('flink', () => FlinkVersion.of('2.2'))).toEqual('rejected-eagerly');
  });

  test('a construct that throws for its props fails the property', () => {
    expect(() => checkCase('flink', () => {
      throw new Error("'image' must be a non-empty image reference, got \"\"");
    })).toThrow(/construction threw, but only value factories may/);
  });

  test('a spec the validators refuse fails app.synth() and writes nothing', () => {
    expect(checkCase('flink', (chart) => new FlinkDeployment(chart, 'd', deploymentProps({ job: { jarUri: 'local:///opt/flink/usrlib/job.jar' } }))))
      .toEqual('rejected-at-synth');
  });

  test('a throwing cdk8s factory is not held against the library', () => {
    const memory = new Deferred<Size>('Size.mebibytes(-1)', () => Size.mebibytes(-1));
    expect(checkCase('flink', (chart) => new FlinkDeployment(chart, 'd', deploymentProps({ jobManager: { memory: memory.make() } }))))
      .toEqual('rejected-by-factory');
  });

  test('a synthesized case keeps the properties of a rendered app', () => {
    const props = deploymentProps({ labels: { team: 'payments' }, job: { jarUri: 'local:///opt/flink/usrlib/job.jar', parallelism: 2 } });
    expect(() => checkSynthesized('flink', (chart) => new FlinkDeployment(chart, 'd', props), props)).not.toThrow();
  });

  test('a given value missing from the output fails the property', () => {
    const props = deploymentProps({ job: { jarUri: 'local:///opt/flink/usrlib/job.jar', parallelism: 2 } });
    expect(() => checkSynthesized('flink', (chart) => new FlinkDeployment(chart, 'd', props), { ...props, comment: 'never rendered' }))
      .toThrow(/given but not in the output: props.comment = "never rendered"/);
  });

  test('a second synth that differs fails the property', () => {
    let run = 0;
    const props = () => deploymentProps({ labels: { run: String(++run) }, job: { jarUri: 'local:///opt/flink/usrlib/job.jar', parallelism: 2 } });
    expect(() => checkSynthesized('flink', (chart) => new FlinkDeployment(chart, 'd', props()), {})).toThrow(/a second synth differs/);
  });

  test('output the validate command rejects fails the property', () => {
    expect(() => checkSynthesized('flink', (chart) => {
      new FlinkDeployment(chart, 'd', deploymentProps({ job: { jarUri: 'local:///opt/flink/usrlib/job.jar', parallelism: 2 } }));
      new ApiObject(chart, 'broken', { apiVersion: 'flink.apache.org/v1beta1', kind: 'FlinkDeployment', metadata: { name: 'broken' }, spec: { job: { parallelism: 0 } } });
    }, {})).toThrow(/cdk8s-flink validate rejects the output/);
  });

  test('a TypeError fails the property', () => {
    expect(() => checkCase('flink', () => {
      throw new TypeError('x is not a function');
    })).toThrow(/threw a TypeError/);
  });
});

const BASE = { image: 'flink:2.2', flinkVersion: FlinkVersion.V2_2 };
const OPERATOR = { namespace: 'flink-operator', installCrds: false };
const cluster = (scope: Construct) => FlinkDeployment.fromName(scope, 'session', 'session', 'flink');
const circular = (): any => {
  const x: any = { resourceName: 1 };
  x.self = x;
  return x;
};

/**
 * Minimal repros of what the properties once found (each crashed or gave a
 * bad message before its fix); each must end like any case: documents, an
 * eager error of a value factory, or the validation block.
 */
const KNOWN_CRASHES: Array<[string, string, (scope: Construct) => void]> = [
  // TypeError from the cdk8s-plus toJson_* functions: the pod templates are not checked before k8s.toJson_PodTemplateSpec.
  ['podTemplate.spec.containers not a list', 'src/manifest/_ir.ts renderPodTemplate', (s) => new FlinkDeployment(s, 'd', { ...BASE, podTemplate: { spec: { containers: 'x' } } as any })],
  ['podTemplate.spec null', 'src/manifest/_ir.ts renderPodTemplate', (s) => new FlinkDeployment(s, 'd', { ...BASE, podTemplate: { spec: null } as any })],
  ['podTemplate container null', 'src/manifest/_ir.ts renderPodTemplate', (s) => new FlinkDeployment(s, 'd', { ...BASE, podTemplate: { spec: { containers: [null] } } as any })],
  ['jobManager.podTemplate tolerations not a list', 'src/manifest/_ir.ts renderProcess -> renderPodTemplate', (s) => new FlinkDeployment(s, 'd', { ...BASE, jobManager: { podTemplate: { spec: { containers: [], tolerations: {} } } as any } })],
  // TypeError in the library's own rendering.
  ['job.args a number', 'src/manifest/_ir.ts renderJob ([...job.args])', (s) => new FlinkDeployment(s, 'd', { ...BASE, job: { jarUri: 'local:///j.jar', args: 42 as any } })],
  ['ingress.tls a string', 'src/manifest/_ir.ts renderIngress (ingress.tls?.map)', (s) => new FlinkDeployment(s, 'd', { ...BASE, ingress: { template: 'x', tls: 'x' as any } })],
  ['abortGracePeriod a string', 'src/flink-blue-green-deployment.ts flinkDuration (duration.toMilliseconds)', (s) => new FlinkBlueGreenDeployment(s, 'b', { ...BASE, job: {}, abortGracePeriod: '10m' as any })],
  ['abortGracePeriod null', 'src/flink-blue-green-deployment.ts flinkDuration', (s) => new FlinkBlueGreenDeployment(s, 'b', { ...BASE, job: {}, abortGracePeriod: null as any })],
  ['operator image a number', 'src/operator/flink-operator.ts constructor (this.image.trim)', (s) => new FlinkOperator(s, 'o', { ...OPERATOR, image: 42 as any })],
  ['operator leaderElection null', 'src/operator/flink-operator.ts constructor (props.leaderElection.leaseName)', (s) => new FlinkOperator(s, 'o', { ...OPERATOR, leaderElection: null as any })],
  ['operator plugins a number', 'src/operator/flink-operator.ts constructor (for ... of props.plugins)', (s) => new FlinkOperator(s, 'o', { ...OPERATOR, plugins: 1 as any })],
  ['operator operatorLibs a map', 'src/operator/flink-operator.ts constructor (for ... of props.operatorLibs)', (s) => new FlinkOperator(s, 'o', { ...OPERATOR, operatorLibs: {} as any })],
  ['operator imagePullSecrets a string', 'src/operator/flink-operator.ts _toKube (imagePullSecrets?.map), at synth', (s) => new FlinkOperator(s, 'o', { ...OPERATOR, imagePullSecrets: 'x' as any })],
  ['keystore password key a number', 'src/operator/operator-webhook.ts WebhookKeystorePassword constructor (key.trim)', (s) => new FlinkOperator(s, 'o', { ...OPERATOR, webhook: { keystorePassword: WebhookKeystorePassword.fromSecretName('s', 42 as any) } })],
  // TypeError while formatting the message of an eager check: `${value}` of a null-prototype map, JSON.stringify of a cycle.
  ['restartNonce a null-prototype map', 'src/props/_checks.ts checkInteger (`got ${value}`)', (s) => new FlinkDeployment(s, 'd', { ...BASE, restartNonce: Object.create(null) })],
  ['jobManager.cpu a null-prototype map', 'src/manifest/_ir.ts renderProcess (`got ${options.cpu}`)', (s) => new FlinkDeployment(s, 'd', { ...BASE, jobManager: { cpu: Object.create(null) } })],
  ['operator namespace a null-prototype map', 'src/operator/flink-operator.ts checkLabel (DNS_LABEL.test)', (s) => new FlinkOperator(s, 'o', { namespace: Object.create(null), installCrds: false })],
  ['operator replicas a null-prototype map', 'src/operator/flink-operator.ts checkRange (`got ${value}`)', (s) => new FlinkOperator(s, 'o', { ...OPERATOR, replicas: Object.create(null) })],
  ['session job deployment a cyclic object', 'src/flink-session-job.ts constructor (JSON.stringify(props.deployment))', (s) => new FlinkSessionJob(s, 'j', { deployment: circular(), job: {} })],
  ['snapshot job a cyclic object', 'src/flink-state-snapshot.ts constructor (JSON.stringify(props.job))', (s) => new FlinkStateSnapshot(s, 's', { job: circular() })],
  // Messages with JavaScript internals or "[object Object]".
  ['jobManager.memory a string', 'src/manifest/_ir.ts sized / src/props/_size.ts (no Size check): "size.toKibibytes is not a function"', (s) => new FlinkDeployment(s, 'd', { ...BASE, jobManager: { memory: '2048m' as any } })],
  ['restartNonce a map', 'src/props/_checks.ts checkInteger: "got [object Object]"', (s) => new FlinkDeployment(s, 'd', { ...BASE, restartNonce: {} as any })],
  ['session job namespace a map', 'src/flink-session-job.ts constructor: "got \'[object Object]\'"', (s) => new FlinkSessionJob(s, 'j', { deployment: cluster(s), namespace: {} as any, job: {} })],
  ['operator namespace a map', 'src/operator/flink-operator.ts checkLabel: "got \'[object Object]\'"', (s) => new FlinkOperator(s, 'o', { namespace: {} as any, installCrds: false })],
  ['abortGracePeriod of half a millisecond', 'src/flink-blue-green-deployment.ts flinkDuration: cdk8s "0.5 must be a whole number of millis." without the prop', (s) => new FlinkBlueGreenDeployment(s, 'b', { ...BASE, job: {}, abortGracePeriod: Duration.millis(0.5) })],
  // Messages that span lines because a value with a newline is echoed raw (one problem, several lines).
  ['job.parallelism a string with a newline', 'src/props/_checks.ts checkInteger', (s) => new FlinkDeployment(s, 'd', { ...BASE, job: { parallelism: 'a\nb' as any } })],
  ['flinkConfiguration key "\\n"', 'src/props/_configuration-map.ts add', (s) => new FlinkDeployment(s, 'd', { ...BASE, flinkConfiguration: { '\n': 'x' } })],
  ['FlinkVersion.of("\\n")', 'src/flink-version.ts constructor', (s) => new FlinkDeployment(s, 'd', { ...BASE, flinkVersion: FlinkVersion.of('\n') })],
  ['operator defaultConfiguration key "\\n"', 'src/operator/_operator-configuration.ts unwritableEntry', (s) => new FlinkOperator(s, 'o', { ...OPERATOR, defaultConfiguration: { '\n': 'x' } })],
  ['name with a newline', 'src/hooks (DefaultValidator name check): validation line broken', (s) => new FlinkDeployment(s, 'd', { ...BASE, name: 'a\nb' })],
  ['label key with a newline', 'src/hooks (manifest/_fields type check): validation line broken', (s) => new FlinkDeployment(s, 'd', { ...BASE, labels: { 'a\nb': [] as any } })],
  ['job.state with a newline', 'src/hooks (manifest/_fields enum check): validation line broken', (s) => new FlinkDeployment(s, 'd', { ...BASE, job: { jarUri: 'local:///j.jar', parallelism: 1, state: 'a\nb' as any } })],
  // Synthesized, but not what the CRD (or Kubernetes) accepts, without an error.
  ['session job allowNonRestoredState a string', 'src/flink-session-job.ts / hooks: session job spec types not checked', (s) => new FlinkSessionJob(s, 'j', { deployment: cluster(s), job: { jarUri: 'https://repo.example.com/j.jar', parallelism: 1, allowNonRestoredState: 'x' as any } })],
  ['session job args numbers', 'src/flink-session-job.ts / hooks: session job spec types not checked', (s) => new FlinkSessionJob(s, 'j', { deployment: cluster(s), job: { jarUri: 'https://repo.example.com/j.jar', parallelism: 1, args: [1 as any] } })],
  ['snapshot named ""', 'src/flink-state-snapshot.ts / hooks: snapshot metadata.name not checked', (s) => new FlinkStateSnapshot(s, 's', { name: '', job: FlinkJobReference.fromSessionJobName('h') })],
  ['plaintextConfigurationKeys [1]', 'src/security/_plaintext-credentials.ts: message does not name the prop', (s) => new FlinkDeployment(s, 'd', { ...BASE, plaintextConfigurationKeys: [1 as any] } as any)],
  // Found after the first round of fixes.
  ['imagePullPolicy a boolean', 'src/resource/_deployment-spec.ts: not type-checked, rendered schema-invalid', (s) => new FlinkDeployment(s, 'd', { ...BASE, imagePullPolicy: true as any })],
  ['container resources.limits null', 'src/props/_checks.ts checkPodTemplate: converter crashed', (s) => new FlinkDeployment(s, 'd', { ...BASE, podTemplate: { spec: { containers: [{ name: 'flink-main-container', resources: { limits: null as any } }] } } })],
  ['operator resources quantity a map', 'src/operator/flink-operator.ts: crashed at synth', (s) => new FlinkOperator(s, 'o', { ...OPERATOR, resources: { limits: { cpu: {} as any } } })],
  ['ingress tls hosts a string', 'src/manifest/_ir.ts renderIngress: converter crashed', (s) => new FlinkDeployment(s, 'd', { ...BASE, ingress: { template: 'x', tls: [{ hosts: '' as any }] } })],
  ['nested flinkConfiguration key with a newline', 'src/props/_configuration-map.ts: path echoed raw', (s) => new FlinkDeployment(s, 'd', { ...BASE, flinkConfiguration: { a: { 'b\nc': null } } })],
  ['operator ServiceAccount name false', 'src/operator/flink-operator.ts checkLabel (RegExp.test coerces false to "false")', (s) => new FlinkOperator(s, 'o', { ...OPERATOR, operatorServiceAccountName: false as any })],
  // Found with the backends.
  ['standalone JobManager memory over a Java long', 'src/render/kubernetes: memory conversion threw at construction',
    (s) => new FlinkDeployment(s, 'd', { ...BASE, backend: FlinkBackend.KUBERNETES, jobManager: { memory: Size.pebibyte(8192) } })],
];

describe('regressions: inputs the properties once found crashing', () => {
  test.each(KNOWN_CRASHES)('%s (%s)', (_what, _where, build) => {
    expect(['synthesized', 'rejected-eagerly', 'rejected-at-synth']).toContain(checkCase('flink', build));
  });
});

import { ApiObject, App, Chart, JsonPatch, Size, Testing } from 'cdk8s';
import { ImagePullPolicy } from 'cdk8s-plus-27';
import { DeploymentMode, FlinkDeployment, FlinkDeploymentProps, FlinkVersion, JobState, UpgradeMode } from '../src';
import { crdSchemaErrors } from './support/crd-schema';
import { deploymentProps, STATE_MACHINE_JAR } from './support/fixtures';
import { buildErrors, synthErrors } from './support/prop-errors';
import { PodSecurity } from '../src/pod-security';

const JAR = STATE_MACHINE_JAR;
const props = deploymentProps;

/** Configuration that makes a stateful job with standby JobManagers valid. */
const STATEFUL_HA_CONFIGURATION = {
  'taskmanager.numberOfTaskSlots': '2',
  'high-availability.type': 'kubernetes',
  'high-availability.storageDir': 's3://b/ha',
  'execution.checkpointing.dir': 's3://b/cp',
  'execution.checkpointing.savepoint-dir': 's3://b/sp',
};

function synthOne(build: (chart: Chart) => void): any {
  const chart = Testing.chart();
  build(chart);
  const docs = Testing.synth(chart);
  expect(docs).toHaveLength(1);
  expect(crdSchemaErrors(docs[0])).toEqual([]);
  return docs[0];
}

describe('FlinkDeployment', () => {
  test('the contract example renders an application cluster', () => {
    const chart = Testing.chart();
    const dep = new FlinkDeployment(chart, 'wc', {
      name: 'wordcount',
      image: 'flink:1.20',
      flinkVersion: FlinkVersion.V1_20,
      jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
      taskManager: { memory: Size.mebibytes(2048), cpu: 1 },
      job: { jarUri: JAR, parallelism: 2, upgradeMode: UpgradeMode.STATELESS },
    });
    const docs = Testing.synth(chart);
    expect(docs).toMatchSnapshot();
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkDeployment',
      metadata: { name: 'wordcount' },
      spec: {
        image: 'flink:1.20',
        flinkVersion: 'v1_20',
        serviceAccount: 'flink',
        jobManager: { resource: { memory: '2048m', cpu: 1 } },
        taskManager: { resource: { memory: '2048m', cpu: 1 } },
        job: { jarURI: JAR, parallelism: 2, upgradeMode: 'stateless' },
      },
    });
    expect(crdSchemaErrors(docs[0])).toEqual([]);
    expect(dep.resourceName).toEqual('wordcount');
    expect(dep.restServiceName).toEqual('wordcount-rest');
    expect(dep.isSessionCluster).toBe(false);
  });

  test('without a job it is a session cluster', () => {
    let dep!: FlinkDeployment;
    const doc = synthOne((c) => { dep = new FlinkDeployment(c, 'session', props()); });
    expect(doc.spec.job).toBeUndefined();
    expect(dep.isSessionCluster).toBe(true);
  });

  test('every prop reaches the spec', () => {
    const doc = synthOne((c) => new FlinkDeployment(c, 'all', props({
      name: 'all-props',
      namespace: 'team-a',
      labels: { team: 'a' },
      annotations: { owner: 'data-platform' },
      imagePullPolicy: ImagePullPolicy.ALWAYS,
      serviceAccount: 'flink-team-a',
      mode: DeploymentMode.STANDALONE,
      restartNonce: 3,
      flinkConfiguration: STATEFUL_HA_CONFIGURATION,
      logConfiguration: { 'log4j-console.properties': 'rootLogger.level = INFO\n' },
      podTemplate: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'flink-main-container' }] } },
      // The opt-out renders the pod templates exactly as given (the defaults are covered in pod-security.test.ts).
      podSecurity: PodSecurity.CUSTOM,
      jobManager: { memory: Size.gibibytes(1), cpu: 0.5, replicas: 2, ephemeralStorage: Size.gibibytes(2) },
      taskManager: { memory: Size.gibibytes(4), cpu: 2, replicas: 3, podTemplate: { spec: { containers: [], nodeSelector: { pool: 'flink' } } } },
      ingress: { template: 'flink.example.com/{{namespace}}/{{name}}(/|$)(.*)', className: 'nginx', labels: { a: 'b' }, tls: [{ hosts: ['flink.example.com'], secretName: 'tls' }] },
      job: {
        jarUri: JAR,
        entryClass: 'org.example.Main',
        args: ['--a', '1'],
        parallelism: 4,
        upgradeMode: UpgradeMode.LAST_STATE,
        state: JobState.SUSPENDED,
        initialSavepointPath: 's3://b/sp-1',
        allowNonRestoredState: true,
        savepointTriggerNonce: 1,
        checkpointTriggerNonce: 2,
        savepointRedeployNonce: 3,
        autoscalerResetNonce: 4,
      },
    })));
    expect(doc.metadata).toEqual({
      name: 'all-props',
      namespace: 'team-a',
      labels: { team: 'a' },
      annotations: {
        'owner': 'data-platform',
        // The opt-out is recorded, so that cdk8s-flink validate applies the same policy to this YAML.
        'policy.cdk8s-flink.dev/pod-security': 'custom',
        'argocd.argoproj.io/sync-wave': '0',
        'argocd.argoproj.io/sync-options': 'SkipDryRunOnMissingResource=true',
      },
    });
    expect(doc.spec).toEqual({
      image: 'flink:2.2',
      imagePullPolicy: 'Always',
      flinkVersion: 'v2_2',
      serviceAccount: 'flink-team-a',
      mode: 'standalone',
      restartNonce: 3,
      flinkConfiguration: STATEFUL_HA_CONFIGURATION,
      logConfiguration: { 'log4j-console.properties': 'rootLogger.level = INFO\n' },
      podTemplate: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'flink-main-container' }] } },
      jobManager: { resource: { memory: '1024m', cpu: 0.5, ephemeralStorage: '2Gi' }, replicas: 2 },
      taskManager: { resource: { memory: '4096m', cpu: 2 }, replicas: 3, podTemplate: { spec: { nodeSelector: { pool: 'flink' } } } },
      ingress: { template: 'flink.example.com/{{namespace}}/{{name}}(/|$)(.*)', className: 'nginx', labels: { a: 'b' }, tls: [{ hosts: ['flink.example.com'], secretName: 'tls' }] },
      job: {
        jarURI: JAR,
        entryClass: 'org.example.Main',
        args: ['--a', '1'],
        parallelism: 4,
        upgradeMode: 'last-state',
        state: 'suspended',
        initialSavepointPath: 's3://b/sp-1',
        allowNonRestoredState: true,
        savepointTriggerNonce: 1,
        checkpointTriggerNonce: 2,
        savepointRedeployNonce: 3,
        autoscalerResetNonce: 4,
      },
    });
  });

  test('the name derives from the construct id and the namespace from the chart', () => {
    const app = new App();
    const chart = new Chart(app, 'c', { namespace: 'flink-jobs' });
    const dep = new FlinkDeployment(chart, 'FraudDetection', props());
    const [doc] = Testing.synth(chart);
    expect(doc.metadata).toMatchObject({ name: 'fraud-detection', namespace: 'flink-jobs' });
    expect(dep.namespace).toEqual('flink-jobs');
  });

  test('addFlinkConfiguration after construction reaches the YAML', () => {
    const chart = Testing.chart();
    const dep = new FlinkDeployment(chart, 'd', props({ flinkConfiguration: { a: '1' } }));
    expect(Testing.synth(chart)[0].spec.flinkConfiguration).toEqual({ a: '1' });
    dep.addFlinkConfiguration('state.checkpoints.dir', 's3://b/cp');
    dep.addFlinkConfiguration('a', '1');
    dep.addLogConfiguration('log4j-console.properties', 'x=y');
    const [doc] = Testing.synth(chart);
    expect(doc.spec.flinkConfiguration).toEqual({ 'a': '1', 'state.checkpoints.dir': 's3://b/cp' });
    expect(doc.spec.logConfiguration).toEqual({ 'log4j-console.properties': 'x=y' });
  });

  test('fails synth when a configuration key is set twice to different values', () => {
    const dep = new FlinkDeployment(Testing.chart(), 'd', props({ flinkConfiguration: { 'parallelism.default': '2' } }));
    dep.addFlinkConfiguration('parallelism.default', '4');
    expect(synthErrors(dep)).toMatch(/flinkConfiguration.parallelism.default: is already set to "2"; refusing to overwrite it with "4"/);
  });

  test.each([
    ['a function value', { flinkConfiguration: { x: () => 1 } }, /flinkConfiguration.x: must be a string, number, boolean, list or map, got function/],
    ['a NaN value', { flinkConfiguration: { x: NaN } }, /flinkConfiguration.x: must be a string, number, boolean, list or map, got NaN/],
    ['a non-string log file', { logConfiguration: { 'log4j.properties': 1 as any } }, /logConfiguration.log4j.properties: must be a string, got 1/],
    ['an empty image', { image: ' ' }, /image: must be a non-empty image reference, got " "/],
    ['a version string', { flinkVersion: 'v1_20' as any }, /flinkVersion: must be a FlinkVersion \(e.g. FlinkVersion.V2_2\), got "v1_20"/],
    ['parallelism 0', { job: { jarUri: JAR, parallelism: 0 } }, /job.parallelism: must be a whole number >= 1, got 0/],
    ['a fractional nonce', { job: { jarUri: JAR, savepointTriggerNonce: 1.5 } }, /job.savepointTriggerNonce: must be a whole number, got 1.5/],
    ['negative replicas', { taskManager: { replicas: -1 } }, /taskManager.replicas: must be a whole number >= 0, got -1/],
    ['zero cpu', { jobManager: { cpu: 0 } }, /jobManager.cpu: must be a positive number, got 0/],
    ['zero memory', { jobManager: { memory: Size.mebibytes(0) } }, /jobManager.memory: memory must be a positive whole number of kibibytes, got 0 KiB/],
  ])('fails synth on %s, naming the construct, the prop and the value', (_what, extra, message) => {
    expect(buildErrors((c) => new FlinkDeployment(c, 'd', props(extra as Partial<FlinkDeploymentProps>))))
      .toMatch(new RegExp(`^\\[test/d\\] ${message.source}`, 'm'));
  });

  test('the L1 child is `Resource`, so JSON patches work as an escape hatch', () => {
    const doc = synthOne((c) => {
      const dep = new FlinkDeployment(c, 'd', props());
      ApiObject.of(dep).addJsonPatch(JsonPatch.add('/spec/imagePullPolicy', 'Always'));
    });
    expect(doc.spec.imagePullPolicy).toEqual('Always');
  });

  test('fromName references a deployment defined elsewhere', () => {
    const chart = Testing.chart();
    const ref = FlinkDeployment.fromName(chart, 'ref', 'shared-session', 'flink');
    expect([ref.resourceName, ref.namespace, ref.restServiceName]).toEqual(['shared-session', 'flink', 'shared-session-rest']);
    expect(Testing.synth(chart)).toEqual([]);
  });

  test('renders byte-identical YAML on every synth', () => {
    const build = () => {
      const app = Testing.app();
      const chart = new Chart(app, 'c');
      new FlinkDeployment(chart, 'd', props({ flinkConfiguration: { b: '2', a: '1' }, job: { jarUri: JAR, parallelism: 1 } }));
      return app.synthYaml();
    };
    expect(build()).toEqual(build());
  });
});

import { ApiObject, Chart, Duration, Size, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { parse } from 'yaml';
import { crdSchemaErrors } from './support/crd-schema';
import { deploymentProps, STATE_MACHINE_JAR } from './support/fixtures';
import { RESTRICTED_POD, withoutSecurityDefaults } from './support/pod-security';
import { buildErrors } from './support/prop-errors';
import { DeploymentMode } from '../src/deployment-mode';
import { FlinkBlueGreenDeployment, FlinkBlueGreenDeploymentProps } from '../src/flink-blue-green-deployment';
import { UpgradeMode } from '../src/flink-job';
import { FlinkVersion } from '../src/flink-version';
import { FlinkHooks } from '../src/hooks/flink-hooks';

// The operator's 1.15.0 examples folder has no FlinkBlueGreenDeployment. The parity cases below
// rebuild the operator's blue/green end-to-end test resources instead
// (flink-kubernetes-operator e2e-tests/data/bluegreen-{stateless,laststate,ingress}.yaml at
// release-1.15.0; only the FlinkBlueGreenDeployment documents, license headers dropped).
// Memory `1G`/`2G` renders as `1024m`/`2048m`: the same sizes in Flink's binary units.

const UPSTREAM_TEMPLATE = `
image: flink:1.20
flinkVersion: v1_20
flinkConfiguration:
  rest.port: "8081"
  taskmanager.numberOfTaskSlots: "1"
serviceAccount: flink
jobManager:
  resource:
    memory: 1024m
    cpu: 1
taskManager:
  resource:
    memory: 2048m
    cpu: 1
job:
  jarURI: local:///opt/flink/examples/streaming/StateMachineExample.jar
  parallelism: 1
  entryClass: org.apache.flink.streaming.examples.statemachine.StateMachineExample
  args: ["--error-rate", "0.15", "--sleep", "30"]
  upgradeMode: stateless
mode: native
`;

const UPSTREAM_STATELESS = parse(`
configuration:
  kubernetes.operator.bluegreen.deployment-deletion.delay: "2s"
template:
  spec: {}
`);
UPSTREAM_STATELESS.template.spec = parse(UPSTREAM_TEMPLATE);

const UPSTREAM_INGRESS = parse(`
configuration:
  kubernetes.operator.bluegreen.deployment-deletion.delay: "2s"
ingress:
  template: "{{name}}.{{namespace}}.example.com"
  className: "nginx"
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: "/"
template:
  spec: {}
`);
UPSTREAM_INGRESS.template.spec = parse(UPSTREAM_TEMPLATE);

const UPSTREAM_LAST_STATE = parse(`
configuration:
  kubernetes.operator.bluegreen.deployment-deletion.delay: "1s"
template:
  spec:
    image: flink:1.20
    flinkVersion: v1_20
    flinkConfiguration:
      rest.port: "8081"
      execution.checkpointing.interval: "10s"
      execution.checkpointing.storage: "filesystem"
      state.backend.incremental: "true"
      state.checkpoints.dir: file:///opt/flink/volume/flink-cp
      state.savepoints.dir: file:///opt/flink/volume/flink-sp
      state.checkpoints.num-retained: "5"
      taskmanager.numberOfTaskSlots: "1"
    serviceAccount: flink
    jobManager:
      resource:
        memory: 1024m
        cpu: 1
      podTemplate:
        spec:
          containers:
            - name: flink-main-container
              resources:
                requests:
                  ephemeral-storage: 2048Mi
                limits:
                  ephemeral-storage: 2048Mi
              volumeMounts:
                - mountPath: /opt/flink/volume
                  name: flink-volume
          volumes:
            - name: flink-volume
              persistentVolumeClaim:
                claimName: flink-bg-laststate
    taskManager:
      resource:
        memory: 2048m
        cpu: 1
    job:
      jarURI: local:///opt/flink/examples/streaming/StateMachineExample.jar
      parallelism: 1
      entryClass: org.apache.flink.streaming.examples.statemachine.StateMachineExample
      args: ["--error-rate", "0.15", "--sleep", "30"]
      upgradeMode: last-state
    mode: native
`);

/** The template props the upstream e2e resources share. */
function e2eProps(extra: Partial<FlinkBlueGreenDeploymentProps> = {}): FlinkBlueGreenDeploymentProps {
  return {
    image: 'flink:1.20',
    flinkVersion: FlinkVersion.V1_20,
    flinkConfiguration: { 'rest.port': '8081', 'taskmanager.numberOfTaskSlots': '1' },
    serviceAccount: 'flink',
    jobManager: { memory: Size.gibibytes(1), cpu: 1 },
    taskManager: { memory: Size.gibibytes(2), cpu: 1 },
    job: {
      jarUri: STATE_MACHINE_JAR,
      parallelism: 1,
      entryClass: 'org.apache.flink.streaming.examples.statemachine.StateMachineExample',
      args: ['--error-rate', '0.15', '--sleep', '30'],
      upgradeMode: UpgradeMode.STATELESS,
    },
    mode: DeploymentMode.NATIVE,
    deploymentDeletionDelay: Duration.seconds(2),
    ...extra,
  };
}

/** A blue/green spec without the library's pod security defaults of its template (which must be there). */
function withoutTemplateDefaults(spec: any): any {
  expect(spec.template.spec.podTemplate.spec.securityContext).toEqual(RESTRICTED_POD);
  return { ...spec, template: { ...spec.template, spec: withoutSecurityDefaults(spec.template.spec) } };
}

function synthOne(build: (chart: Chart) => void): any {
  const chart = Testing.chart();
  build(chart);
  const docs = Testing.synth(chart);
  expect(docs).toHaveLength(1);
  expect(crdSchemaErrors(docs[0])).toEqual([]);
  return docs[0];
}

const STORAGE = k8s.Quantity.fromString('2048Mi');

describe('FlinkBlueGreenDeployment', () => {
  describe('reproduces the operator\'s blue/green e2e resources', () => {
    test('bluegreen-stateless.yaml', () => {
      const doc = synthOne((c) => new FlinkBlueGreenDeployment(c, 'bg', e2eProps({ name: 'basic-bg-stateless-example' })));
      expect(doc.metadata.name).toEqual('basic-bg-stateless-example');
      expect(withoutTemplateDefaults(doc.spec)).toEqual(UPSTREAM_STATELESS);
    });

    test('bluegreen-ingress.yaml', () => {
      const doc = synthOne((c) => new FlinkBlueGreenDeployment(c, 'bg', e2eProps({
        name: 'bg-ingress-test',
        activeIngress: {
          template: '{{name}}.{{namespace}}.example.com',
          className: 'nginx',
          annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' },
        },
      })));
      expect(withoutTemplateDefaults(doc.spec)).toEqual(UPSTREAM_INGRESS);
    });

    test('bluegreen-laststate.yaml', () => {
      const doc = synthOne((c) => new FlinkBlueGreenDeployment(c, 'bg', e2eProps({
        name: 'basic-bg-laststate-example',
        flinkConfiguration: {
          'rest.port': '8081',
          'execution.checkpointing.interval': '10s',
          'execution.checkpointing.storage': 'filesystem',
          'state.backend.incremental': 'true',
          'state.checkpoints.dir': 'file:///opt/flink/volume/flink-cp',
          'state.savepoints.dir': 'file:///opt/flink/volume/flink-sp',
          'state.checkpoints.num-retained': '5',
          'taskmanager.numberOfTaskSlots': '1',
        },
        jobManager: {
          memory: Size.gibibytes(1),
          cpu: 1,
          podTemplate: {
            spec: {
              containers: [{
                name: 'flink-main-container',
                resources: { requests: { 'ephemeral-storage': STORAGE }, limits: { 'ephemeral-storage': STORAGE } },
                volumeMounts: [{ mountPath: '/opt/flink/volume', name: 'flink-volume' }],
              }],
              volumes: [{ name: 'flink-volume', persistentVolumeClaim: { claimName: 'flink-bg-laststate' } }],
            },
          },
        },
        job: { ...e2eProps().job!, upgradeMode: UpgradeMode.LAST_STATE },
        deploymentDeletionDelay: Duration.seconds(1),
      })));
      expect(withoutTemplateDefaults(doc.spec)).toEqual(UPSTREAM_LAST_STATE);
    });
  });

  test('renders the blue/green settings and the template, in the clusters sync wave', () => {
    const chart = Testing.chart();
    const bg = new FlinkBlueGreenDeployment(chart, 'orders', deploymentProps({
      namespace: 'flink',
      labels: { team: 'orders' },
      job: { jarUri: STATE_MACHINE_JAR, parallelism: 2 },
      abortGracePeriod: Duration.minutes(5),
      reconciliationRescheduleInterval: Duration.millis(1500),
      deploymentDeletionDelay: Duration.hours(1),
      blueGreenConfiguration: { 'kubernetes.operator.bluegreen.custom': 'x' },
    } as Partial<FlinkBlueGreenDeploymentProps>) as FlinkBlueGreenDeploymentProps);
    bg.addFlinkConfiguration('taskmanager.numberOfTaskSlots', 2);
    bg.addBlueGreenConfiguration('kubernetes.operator.bluegreen.other', 'y');
    const docs = Testing.synth(chart);
    expect(docs).toMatchSnapshot();
    expect(docs).toHaveLength(1);
    expect(crdSchemaErrors(docs[0])).toEqual([]);
    expect(docs[0].metadata).toEqual({
      name: 'orders',
      namespace: 'flink',
      labels: { team: 'orders' },
      annotations: { 'argocd.argoproj.io/sync-wave': '0', 'argocd.argoproj.io/sync-options': 'SkipDryRunOnMissingResource=true' },
    });
    expect(docs[0].spec.configuration).toEqual({
      'kubernetes.operator.bluegreen.abort.grace-period': '5min',
      'kubernetes.operator.bluegreen.reconciliation.reschedule-interval': '1500ms',
      'kubernetes.operator.bluegreen.deployment-deletion.delay': '1h',
      'kubernetes.operator.bluegreen.custom': 'x',
      'kubernetes.operator.bluegreen.other': 'y',
    });
    expect(withoutTemplateDefaults(docs[0].spec).template).toEqual({
      spec: {
        image: 'flink:2.2',
        flinkVersion: 'v2_2',
        serviceAccount: 'flink',
        flinkConfiguration: { 'taskmanager.numberOfTaskSlots': 2 },
        jobManager: { resource: { memory: '2048m', cpu: 1 } },
        taskManager: { resource: { memory: '2048m', cpu: 1 } },
        job: { jarURI: STATE_MACHINE_JAR, parallelism: 2 },
      },
    });
    expect([bg.resourceName, bg.namespace, bg.blueDeploymentName, bg.greenDeploymentName]).toEqual(['orders', 'flink', 'orders-blue', 'orders-green']);
    expect(ApiObject.of(bg).kind).toEqual('FlinkBlueGreenDeployment');
  });

  test('a zero deletion delay renders 0ms', () => {
    const doc = synthOne((c) => new FlinkBlueGreenDeployment(c, 'bg', e2eProps({ deploymentDeletionDelay: Duration.seconds(0) })));
    expect(doc.spec.configuration).toEqual({ 'kubernetes.operator.bluegreen.deployment-deletion.delay': '0ms' });
  });

  describe('prop checks', () => {
    test('fails synth without a job', () => {
      expect(buildErrors((c) => new FlinkBlueGreenDeployment(c, 'bg', deploymentProps())))
        .toEqual('[test/bg] job: is required for a FlinkBlueGreenDeployment (blue/green upgrades apply to application clusters), got undefined');
    });

    test('fails synth on the FlinkDeployment prop errors', () => {
      expect(buildErrors((c) => new FlinkBlueGreenDeployment(c, 'bg', e2eProps({ image: ' ' }))))
        .toEqual('[test/bg] image: must be a non-empty image reference, got " "');
    });

    test('fails synth when a typed setting and blueGreenConfiguration disagree', () => {
      expect(buildErrors((c) => new FlinkBlueGreenDeployment(c, 'bg', e2eProps({
        blueGreenConfiguration: { 'kubernetes.operator.bluegreen.deployment-deletion.delay': '5s' },
      })))).toEqual('[test/bg] blueGreenConfiguration.kubernetes.operator.bluegreen.deployment-deletion.delay: is already set to "2s"; refusing to overwrite it with "5s"');
    });
  });

  describe('validation', () => {
    test('fails synth with the FlinkDeployment checks of the template', () => {
      const chart = Testing.chart();
      new FlinkBlueGreenDeployment(chart, 'bg', e2eProps({
        job: { jarUri: STATE_MACHINE_JAR, parallelism: 1, upgradeMode: UpgradeMode.SAVEPOINT },
      }));
      expect(() => Testing.synth(chart)).toThrow(new RegExp([
        'Validation failed with the following errors:',
        '  \\[test/bg\\] Checkpoint directory\\[execution.checkpointing.dir\\] must be defined for last-state and savepoint upgrade modes',
        '  \\[test/bg\\] Job could not be upgraded with savepoint while config key\\[execution.checkpointing.savepoint-dir\\] is not set',
      ].join('\n')));
    });

    test('fails synth when the green deployment name is too long', () => {
      const chart = Testing.chart();
      new FlinkBlueGreenDeployment(chart, 'bg', e2eProps({ name: 'a'.repeat(40) }));
      expect(() => Testing.synth(chart)).toThrow(/\[test\/bg\] name \(metadata.name\): The FlinkDeployment name: a{40}-green is invalid/);
    });

    test('user validators see the blue and green FlinkDeployments; a shared message is reported once', () => {
      const chart = Testing.chart();
      new FlinkBlueGreenDeployment(chart, 'bg', e2eProps({ name: 'orders', namespace: 'flink', ingress: { template: '{{name}}.example.com' } }));
      const seen: any[] = [];
      FlinkHooks.of(chart).addValidator({
        validateDeployment: (d: any) => {
          seen.push([d.metadata, d.spec.ingress.template]);
          return d.spec.image.startsWith('registry.example.com/') ? undefined : 'images must come from registry.example.com';
        },
        validateSessionJob: () => undefined,
      });
      let error = '';
      try {
        Testing.synth(chart);
      } catch (e) {
        error = (e as Error).message;
      }
      expect(error.match(/images must come from registry.example.com/g)).toHaveLength(1);
      expect(seen).toEqual([
        [{ name: 'orders-blue', namespace: 'flink', labels: { 'flink/blue-green-deployment-type': 'BLUE' } }, 'blue-{{name}}.example.com'],
        [{ name: 'orders-green', namespace: 'flink', labels: { 'flink/blue-green-deployment-type': 'GREEN' } }, 'green-{{name}}.example.com'],
      ]);
    });

    test('mutators do not run on it', () => {
      const chart = Testing.chart();
      new FlinkBlueGreenDeployment(chart, 'bg', e2eProps());
      let calls = 0;
      FlinkHooks.of(chart).addMutator({
        mutateDeployment: (d: any) => {
          calls++;
          return d;
        },
        mutateSessionJob: (j: any) => j,
      });
      Testing.synth(chart);
      expect(calls).toBe(0);
    });

    test('addFlinkConfiguration after construction reaches validation and output', () => {
      const chart = Testing.chart();
      const bg = new FlinkBlueGreenDeployment(chart, 'bg', e2eProps());
      Testing.synth(chart);
      bg.addFlinkConfiguration('kubernetes.cluster-id', 'orders');
      expect(() => Testing.synth(chart)).toThrow(/\[test\/bg\] flinkConfiguration.kubernetes.cluster-id \(spec.template.spec.flinkConfiguration.kubernetes.cluster-id\): Forbidden Flink config key: kubernetes.cluster-id/);
    });
  });
});

import { App, Chart, Size, Testing } from 'cdk8s';
import { Cpu, k8s } from 'cdk8s-plus-27';
import {
  DeploymentMode, FlinkCanary, FlinkDeployment, FlinkDeploymentProps, FlinkProcessOptions, FlinkSessionJob, FlinkVersion, JobState, UpgradeMode,
} from '../src';
import { PodSecurity } from '../src/pod-security';
import { crdSchemaErrors } from './support/crd-schema';
import { effectivePodTemplates, restrictedViolations, withoutSecurityDefaults } from './support/pod-security';
import { UPSTREAM_EXAMPLES, UPSTREAM_EXAMPLES_1_16, upstreamDocuments, upstreamExampleFiles } from './support/upstream';

// GIVEN each upstream example of 1.15.0 and of the 1.16 line, rebuilt through the construct API
// (1.16 gives the pods' cpu and memory as `resources.requests`, 1.15.0 as `resource`)
// THEN the rendered FlinkDeployment/FlinkSessionJob specs equal the upstream YAML: exactly for the
// examples with hostPath volumes (built with the `PodSecurity.CUSTOM` opt-out, since "restricted"
// forbids host paths), and up to the library's pod security defaults for all others, whose
// JobManager and TaskManager pods then meet the "restricted" profile.

const MEM = Size.mebibytes(2048);
const STATE_MACHINE = 'local:///opt/flink/examples/streaming/StateMachineExample.jar';
const TOP_SPEED = 'https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming/2.2.0/flink-examples-streaming-2.2.0-TopSpeedWindowing.jar';
const STREAMING_JAR = 'https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming/2.2.0/flink-examples-streaming-2.2.0.jar';

/** The keys the TLS examples set to literal keystore passwords (test certificates), allowed in plain text. */
const TLS_PASSWORDS = (prefix: string) => ['keystore-password', 'key-password', 'truststore-password'].map((k) => `${prefix}.${k}`);

/** An upstream example set: its folder and how its examples give the pods' cpu and memory. */
interface ExampleSet {
  readonly name: string;
  readonly dir: string;
  /** The 1.16 line moved the python example to Flink 2.2. */
  readonly python: { readonly flinkVersion: FlinkVersion; readonly jarUri: string; readonly python: string };
  /** The cpu and memory of a JobManager or TaskManager pod, as the set's examples write them. */
  process(memory: Size, cpu: number): FlinkProcessOptions;
}

const SETS: ExampleSet[] = [
  {
    name: '1.15.0',
    dir: UPSTREAM_EXAMPLES,
    process: (memory, cpu) => ({ memory, cpu }),
    python: { flinkVersion: FlinkVersion.V1_20, jarUri: 'local:///opt/flink/opt/flink-python_2.12-1.16.1.jar', python: '/usr/local/bin/python3' },
  },
  {
    name: '1.16',
    dir: UPSTREAM_EXAMPLES_1_16,
    process: (memory, cpu) => ({ resources: { requests: { memory, cpu: Cpu.units(cpu) } } }),
    python: { flinkVersion: FlinkVersion.V2_2, jarUri: 'local:///opt/flink/opt/flink-python-2.2.0.jar', python: '/usr/bin/python3' },
  },
];

/** The examples mount a node directory, which pod security "restricted" forbids: they opt out. */
const HOST_PATH = { podSecurity: PodSecurity.CUSTOM };

function flinkDataVolume(): k8s.PodTemplateSpec {
  return {
    spec: {
      containers: [{ name: 'flink-main-container', volumeMounts: [{ mountPath: '/flink-data', name: 'flink-volume' }] }],
      volumes: [{ name: 'flink-volume', hostPath: { path: '/tmp/flink', type: 'Directory' } }],
    },
  };
}

const TLS_INTERNAL = {
  'enabled': true,
  'keystore': '/opt/flink/tls-cert/keystore.jks',
  'keystore-password': 'password1234',
  'truststore': '/opt/flink/tls-cert/truststore.jks',
  'key-password': 'password1234',
  'truststore-password': 'password1234',
};

/** A builder per example file of a set. */
function builders(set: ExampleSet): Record<string, (chart: Chart) => void> {
  /** What almost every upstream example shares. */
  const basic = (name: string, extra: Partial<FlinkDeploymentProps> = {}): FlinkDeploymentProps => ({
    name,
    image: 'flink:2.2',
    flinkVersion: FlinkVersion.V2_2,
    serviceAccount: 'flink',
    jobManager: set.process(MEM, 1),
    taskManager: set.process(MEM, 1),
    ...extra,
  });
  return {
    'advanced-ingress.yaml': (c) => new FlinkDeployment(c, 'd', basic('advanced-ingress', {
      ingress: {
        template: '/{{namespace}}/{{name}}(/|$)(.*)',
        className: 'nginx',
        annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' },
      },
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': 2 },
      job: { jarUri: STATE_MACHINE, parallelism: 2 },
    })),

    'autoscaling/autoscaling-dynamic.yaml': (c) => new FlinkDeployment(c, 'd', basic('autoscaling-dynamic', {
      image: 'autoscaling-example',
      flinkVersion: FlinkVersion.V1_20,
      flinkConfiguration: {
        'job.autoscaler': {
          'enabled': true,
          'stabilization.interval': '1m',
          'metrics.window': '15m',
          'utilization.target': 0.5,
          'target.utilization.boundary': 0.3,
        },
        'pipeline.max-parallelism': 32,
        'taskmanager.numberOfTaskSlots': 4,
      },
      jobManager: set.process(MEM, 0.5),
      podTemplate: { spec: { containers: [{ name: 'flink-main-container' }] } },
      job: {
        jarUri: 'local:///opt/flink/usrlib/autoscaling.jar',
        entryClass: 'autoscaling.LoadSimulationPipeline',
        parallelism: 1,
        upgradeMode: UpgradeMode.STATELESS,
        args: ['--maxLoadPerTask "1;2;4;8;16;\\n16;8;4;2;1\\n8;4;16;1;2" --repeatsAfterMinutes "60"'],
      },
    })),

    'autoscaling/autoscaling.yaml': (c) => new FlinkDeployment(c, 'd', basic('autoscaling-example', {
      image: 'autoscaling-example',
      flinkVersion: FlinkVersion.V1_20,
      flinkConfiguration: {
        'job.autoscaler': {
          'enabled': true,
          'stabilization.interval': '1m',
          'metrics.window': '3m',
          'target.utilization.boundary': 0.1,
        },
        'pipeline.max-parallelism': 24,
        'taskmanager.numberOfTaskSlots': 4,
        'state': { 'savepoints.dir': 'file:///flink-data/savepoints', 'checkpoints.dir': 'file:///flink-data/checkpoints' },
        'high-availability': { type: 'kubernetes', storageDir: 'file:///flink-data/ha' },
        'execution.checkpointing.interval': '1m',
        'jobmanager.scheduler': 'adaptive',
      },
      jobManager: set.process(MEM, 0.5),
      podTemplate: flinkDataVolume(),
      ...HOST_PATH,
      job: { jarUri: 'local:///opt/flink/usrlib/autoscaling.jar', parallelism: 1, upgradeMode: UpgradeMode.LAST_STATE, args: ['10'] },
    })),

    'basic-checkpoint-ha.yaml': (c) => new FlinkDeployment(c, 'd', basic('basic-checkpoint-ha-example', {
      flinkConfiguration: {
        'taskmanager.numberOfTaskSlots': 2,
        'state': { 'savepoints.dir': 'file:///flink-data/savepoints', 'checkpoints.dir': 'file:///flink-data/checkpoints' },
        'high-availability': { type: 'kubernetes', storageDir: 'file:///flink-data/ha' },
        'kubernetes.operator.savepoint.format.type': 'NATIVE',
      },
      podTemplate: flinkDataVolume(),
      ...HOST_PATH,
      job: { jarUri: STATE_MACHINE, parallelism: 2, upgradeMode: UpgradeMode.SAVEPOINT, state: JobState.RUNNING, savepointTriggerNonce: 0 },
    })),

    'basic-ingress.yaml': (c) => new FlinkDeployment(c, 'd', basic('basic-ingress', {
      ingress: { template: '{{name}}.{{namespace}}.flink.k8s.io' },
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': 2 },
      job: { jarUri: STATE_MACHINE, parallelism: 2 },
    })),

    'basic-reactive.yaml': (c) => new FlinkDeployment(c, 'd', basic('basic-reactive-example', {
      flinkConfiguration: {
        'scheduler-mode': 'REACTIVE',
        'taskmanager.numberOfTaskSlots': 2,
        'state': { 'savepoints.dir': 'file:///flink-data/savepoints', 'checkpoints.dir': 'file:///flink-data/checkpoints' },
        'high-availability': { type: 'org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory', storageDir: 'file:///flink-data/ha' },
      },
      podTemplate: flinkDataVolume(),
      ...HOST_PATH,
      job: { jarUri: STATE_MACHINE, parallelism: 2, upgradeMode: UpgradeMode.SAVEPOINT, state: JobState.RUNNING, savepointTriggerNonce: 0 },
      mode: DeploymentMode.STANDALONE,
    })),

    'basic-session-deployment-and-job.yaml': (c) => {
      const session = new FlinkDeployment(c, 'd', basic('basic-session-deployment-example'));
      session.addSessionJob('j1', {
        name: 'basic-session-job-example',
        job: { jarUri: TOP_SPEED, parallelism: 4, upgradeMode: UpgradeMode.STATELESS },
      });
      session.addSessionJob('j2', {
        name: 'basic-session-job-example2',
        job: {
          jarUri: STREAMING_JAR,
          parallelism: 2,
          upgradeMode: UpgradeMode.STATELESS,
          entryClass: 'org.apache.flink.streaming.examples.statemachine.StateMachineExample',
        },
      });
    },

    'basic-session-deployment-only.yaml': (c) => new FlinkDeployment(c, 'd', basic('basic-session-deployment-only-example', {
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': 2 },
    })),

    'basic-session-job-only.yaml': (c) => new FlinkSessionJob(c, 'j', {
      name: 'basic-session-job-only-example',
      deployment: FlinkDeployment.fromName(c, 'target', 'basic-session-deployment-only-example'),
      job: { jarUri: TOP_SPEED, parallelism: 4, upgradeMode: UpgradeMode.STATELESS },
    }),

    'basic.yaml': (c) => new FlinkDeployment(c, 'd', basic('basic-example', {
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': 2 },
      job: { jarUri: STATE_MACHINE, parallelism: 2, upgradeMode: UpgradeMode.STATELESS },
    })),

    'canary.yaml': (c) => new FlinkCanary(c, 'canary'),

    'custom-logging.yaml': (c) => new FlinkDeployment(c, 'd', basic('custom-logging-example', {
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': 2 },
      job: { jarUri: STATE_MACHINE, parallelism: 2, upgradeMode: UpgradeMode.STATELESS },
      logConfiguration: {
        'log4j-console.properties': upstreamDocuments('custom-logging.yaml')[0].spec.logConfiguration['log4j-console.properties'],
      },
    })),

    'flink-beam-example/beam-example.yaml': (c) => new FlinkDeployment(c, 'd', basic('beam-example', {
      image: 'flink-beam-example:latest',
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': 1 },
      job: {
        entryClass: 'org.apache.beam.examples.WordCount',
        jarUri: 'local:///opt/flink/usrlib/beam-runner.jar',
        args: ['--runner=FlinkRunner', '--output=file://opt/output.txt'],
        parallelism: 1,
        upgradeMode: UpgradeMode.STATELESS,
      },
    })),

    'flink-python-example/python-example.yaml': (c) => new FlinkDeployment(c, 'd', basic('python-example', {
      image: 'flink-python-example:latest',
      flinkVersion: set.python.flinkVersion,
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': 1 },
      job: {
        jarUri: set.python.jarUri,
        entryClass: 'org.apache.flink.client.python.PythonDriver',
        args: ['-pyclientexec', set.python.python, '-py', '/opt/flink/usrlib/python_demo.py'],
        parallelism: 1,
        upgradeMode: UpgradeMode.STATELESS,
      },
    })),

    'flink-sql-runner-example/sql-example.yaml': (c) => new FlinkDeployment(c, 'd', basic('sql-example', {
      image: 'flink-sql-runner-example:latest',
      flinkVersion: FlinkVersion.V1_20,
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': 1 },
      job: {
        jarUri: 'local:///opt/flink/usrlib/sql-runner.jar',
        args: ['/opt/flink/usrlib/sql-scripts/simple.sql'],
        parallelism: 1,
        upgradeMode: UpgradeMode.STATELESS,
      },
    })),

    'flink-tls-example/basic-secure-deployment-only.yaml': (c) => new FlinkDeployment(c, 'd', basic('basic-secure-deployment-only', {
      flinkConfiguration: {
        'taskmanager.numberOfTaskSlots': '2',
        'security.ssl': { internal: TLS_INTERNAL, rest: { ...TLS_INTERNAL, enabled: 'true' } },
        'kubernetes.secrets': 'basic-secure-cert:/opt/flink/tls-cert',
      },
      plaintextConfigurationKeys: [...TLS_PASSWORDS('security.ssl.internal'), ...TLS_PASSWORDS('security.ssl.rest')],
    })),

    'flink-tls-example/basic-secure-session-job-only.yaml': (c) => {
      const session = FlinkDeployment.fromName(c, 'session', 'basic-secure-deployment-only');
      new FlinkSessionJob(c, 'j', {
        name: 'basic-secure-session-job-only',
        deployment: session,
        flinkConfiguration: {
          'security.ssl': { internal: TLS_INTERNAL, rest: TLS_INTERNAL },
          'kubernetes.secrets': 'basic-secure-cert:/opt/flink/tls-cert',
        },
        plaintextConfigurationKeys: [...TLS_PASSWORDS('security.ssl.internal'), ...TLS_PASSWORDS('security.ssl.rest')],
        job: { jarUri: TOP_SPEED, parallelism: 4, upgradeMode: UpgradeMode.STATELESS },
      });
    },

    'flink-tls-example/basic-secure.yaml': (c) => new FlinkDeployment(c, 'd', basic('basic-secure', {
      flinkConfiguration: {
        'taskmanager.numberOfTaskSlots': 2,
        'security.ssl': {
          'enabled': 'true',
          'truststore': '/opt/flink/tls-cert/truststore.jks',
          'truststore-password': 'password1234',
          'keystore': '/opt/flink/tls-cert/keystore.jks',
          'keystore-password': 'password1234',
          'key-password': 'password1234',
        },
        'kubernetes.secrets': 'basic-secure-cert:/opt/flink/tls-cert',
      },
      plaintextConfigurationKeys: TLS_PASSWORDS('security.ssl'),
      job: { jarUri: STATE_MACHINE, parallelism: 2, upgradeMode: UpgradeMode.STATELESS },
    })),

    'pod-template.yaml': (c) => new FlinkDeployment(c, 'd', basic('pod-template-example', {
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': 2 },
      podTemplate: {
        spec: {
          containers: [
            {
              name: 'flink-main-container',
              volumeMounts: [{ mountPath: '/opt/flink/log', name: 'flink-logs' }, { mountPath: '/opt/flink/downloads', name: 'downloads' }],
            },
            {
              name: 'fluentbit',
              image: 'fluent/fluent-bit:1.9.6-debug',
              command: ['sh', '-c', '/fluent-bit/bin/fluent-bit -i tail -p path=/flink-logs/*.log -p multiline.parser=java -o stdout'],
              volumeMounts: [{ mountPath: '/flink-logs', name: 'flink-logs' }],
            },
          ],
          volumes: [{ name: 'flink-logs', emptyDir: {} }, { name: 'downloads', emptyDir: {} }],
        },
      },
      jobManager: {
        ...set.process(MEM, 1),
        podTemplate: {
          spec: {
            containers: [],
            initContainers: [{
              name: 'busybox',
              image: 'busybox:1.35.0',
              volumeMounts: [{ mountPath: '/opt/flink/downloads', name: 'downloads' }],
              command: ['/bin/sh', '-c', 'wget -O /opt/flink/downloads/flink-examples-streaming.jar https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming/2.2.0/flink-examples-streaming-2.2.0.jar'],
            }],
          },
        },
      },
      job: {
        jarUri: 'local:///opt/flink/downloads/flink-examples-streaming.jar',
        entryClass: 'org.apache.flink.streaming.examples.statemachine.StateMachineExample',
        parallelism: 2,
      },
    })),

    'snapshot/job-from-savepoint.yaml': (c) => new FlinkDeployment(c, 'd', basic('example-deployment', {
      flinkConfiguration: { state: { 'checkpoints.dir': 'file:///flink-data/checkpoints', 'savepoints.dir': 'file:///flink-data/savepoints' } },
      podTemplate: flinkDataVolume(),
      ...HOST_PATH,
      job: {
        jarUri: STATE_MACHINE,
        parallelism: 2,
        upgradeMode: UpgradeMode.SAVEPOINT,
        initialSavepointPath: 'file:///flink-data/savepoints/savepoint-45305c-d867504446e0',
      },
    })),
  };
}

const COVERED_KINDS = ['FlinkDeployment', 'FlinkSessionJob'];

function synthFlinkDocs(build: (chart: Chart) => void): any[] {
  const chart = Testing.chart();
  build(chart);
  return Testing.synth(chart).filter((d) => COVERED_KINDS.includes(d.kind));
}

describe.each(SETS)('upstream examples $name', (set) => {
  const BUILDERS = builders(set);

  test('every upstream example with a FlinkDeployment or FlinkSessionJob has a builder', () => {
    const withFlinkResources = upstreamExampleFiles(set.dir)
      .filter((f) => upstreamDocuments(f, set.dir).some((d) => COVERED_KINDS.includes(d.kind)));
    expect(withFlinkResources.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(BUILDERS).sort()).toEqual(withFlinkResources);
  });

  test.each(Object.keys(BUILDERS).sort())('%s is reproduced through the API', (file) => {
    const expected = upstreamDocuments(file, set.dir).filter((d) => COVERED_KINDS.includes(d.kind));
    const rendered = synthFlinkDocs(BUILDERS[file]);

    expect(rendered.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(expected.map((d) => `${d.kind}/${d.metadata.name}`));
    rendered.forEach((doc, i) => {
      expect(doc.apiVersion).toEqual(expected[i].apiVersion);
      const hostPath = JSON.stringify(expected[i].spec ?? {}).includes('"hostPath"');
      if (hostPath) {
        expect(doc.spec).toEqual(expected[i].spec);
      } else {
        expect(withoutSecurityDefaults(doc.spec)).toEqual(withoutSecurityDefaults(expected[i].spec));
      }
      // The canary has no spec: the operator starts no pods for it.
      if (doc.kind === 'FlinkDeployment' && doc.spec && !hostPath) {
        for (const [process, template] of effectivePodTemplates(doc.spec)) {
          expect(restrictedViolations(template.spec, process)).toEqual([]);
          expect(template.spec.containers.map((c: any) => c.name)).toContain('flink-main-container');
        }
      }
      // Upstream labels are kept; the built-in mutator may add `target.session`.
      expect(doc.metadata.labels ?? {}).toEqual(expect.objectContaining(expected[i].metadata.labels ?? {}));
      expect(crdSchemaErrors(doc)).toEqual([]);
    });
  });
});

test('a rebuilt example renders the same in a fresh app (no hidden state)', () => {
  const app = new App();
  const chart = new Chart(app, 'c');
  builders(SETS[0])['basic.yaml'](chart);
  expect(withoutSecurityDefaults(Testing.synth(chart)[0].spec)).toEqual(upstreamDocuments('basic.yaml')[0].spec);
});

test('the 1.16 basic example gives cpu and memory as resources requests, and the library renders that shape', () => {
  const upstream = upstreamDocuments('basic.yaml', UPSTREAM_EXAMPLES_1_16)[0].spec;
  expect(upstream.jobManager).toEqual({ resources: { requests: { memory: '2048m', cpu: '1' } } });
  const chart = Testing.chart();
  builders(SETS[1])['basic.yaml'](chart);
  const spec = Testing.synth(chart)[0].spec;
  expect([spec.jobManager.resources, spec.taskManager.resources]).toEqual([upstream.jobManager.resources, upstream.taskManager.resources]);
  expect([spec.jobManager.resource, spec.taskManager.resource]).toEqual([undefined, undefined]);
});

import { Chart, Size, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { crdSchemaErrors } from './support/crd-schema';
import { deploymentProps, STATE_MACHINE_JAR } from './support/fixtures';
import { RESTRICTED_CONTAINER, RESTRICTED_POD } from './support/pod-security';
import { buildErrors } from './support/prop-errors';
import { FlinkBlueGreenDeployment } from '../src/flink-blue-green-deployment';
import { FlinkDeployment } from '../src/flink-deployment';
import { FlinkDeploymentProps } from '../src/flink-deployment-props';
import { FlinkHooks } from '../src/hooks/flink-hooks';
import { PodSecurity } from '../src/pod-security';

const OPT_OUT = '(set podSecurity: PodSecurity.CUSTOM to opt out)';
const MEMORY = Size.mebibytes(2048);
const MAIN_PATH = 'spec.podTemplate.spec.containers[flink-main-container]';

function synthOne(props: Partial<FlinkDeploymentProps>): any {
  const chart = Testing.chart();
  new FlinkDeployment(chart, 'd', deploymentProps(props));
  const docs = Testing.synth(chart);
  expect(crdSchemaErrors(docs[0])).toEqual([]);
  return docs[0];
}

/** The validation lines of a failing synth, without the construct path prefix. */
function synthErrors(build: (chart: Chart) => void): string[] {
  const chart = Testing.chart();
  build(chart);
  try {
    Testing.synth(chart);
  } catch (e) {
    const [head, ...lines] = (e as Error).message.split('\n');
    expect(head).toEqual('Validation failed with the following errors:');
    return lines.map((l) => l.replace(/^ {2}\[test\/d\] /, ''));
  }
  throw new Error('synth did not fail');
}

function deploymentErrors(props: Partial<FlinkDeploymentProps>): string[] {
  return synthErrors((c) => new FlinkDeployment(c, 'd', deploymentProps(props)));
}

describe('pod security "restricted" (the default)', () => {
  test('a deployment without pod templates gets the restricted pod and flink-main-container', () => {
    const doc = synthOne({});
    expect(doc.spec.podTemplate).toEqual({
      spec: {
        securityContext: RESTRICTED_POD,
        containers: [{ name: 'flink-main-container', securityContext: RESTRICTED_CONTAINER }],
      },
    });
    expect(doc.spec.jobManager.podTemplate).toBeUndefined();
    expect(doc.spec.taskManager.podTemplate).toBeUndefined();
  });

  test('the construct exposes the choice', () => {
    const chart = Testing.chart();
    expect(new FlinkDeployment(chart, 'a', deploymentProps()).podSecurity).toEqual(PodSecurity.RESTRICTED);
    expect(new FlinkDeployment(chart, 'b', deploymentProps({ podSecurity: PodSecurity.CUSTOM })).podSecurity).toEqual(PodSecurity.CUSTOM);
  });

  test('the pod template is merged over the defaults, field by field; its settings win', () => {
    const doc = synthOne({
      podTemplate: {
        metadata: { labels: { app: 'x' } },
        spec: {
          securityContext: { runAsUser: 1000, fsGroupChangePolicy: 'OnRootMismatch', seccompProfile: { type: 'Localhost', localhostProfile: 'flink.json' } },
          containers: [
            { name: 'fluent-bit', image: 'fluent/fluent-bit:3.0', securityContext: { readOnlyRootFilesystem: true } },
            {
              name: 'flink-main-container',
              volumeMounts: [{ name: 'data', mountPath: '/data' }],
              securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] }, runAsGroup: 2000 },
            },
          ],
          initContainers: [{ name: 'fetch', image: 'busybox:1.36' }],
          volumes: [{ name: 'data', emptyDir: {} }],
        },
      },
    });
    expect(doc.spec.podTemplate).toEqual({
      metadata: { labels: { app: 'x' } },
      spec: {
        securityContext: { ...RESTRICTED_POD, runAsUser: 1000, fsGroupChangePolicy: 'OnRootMismatch', seccompProfile: { type: 'Localhost', localhostProfile: 'flink.json' } },
        containers: [
          { name: 'fluent-bit', image: 'fluent/fluent-bit:3.0', securityContext: { ...RESTRICTED_CONTAINER, readOnlyRootFilesystem: true } },
          {
            name: 'flink-main-container',
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
            securityContext: { ...RESTRICTED_CONTAINER, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] }, runAsGroup: 2000 },
          },
        ],
        initContainers: [{ name: 'fetch', image: 'busybox:1.36', securityContext: RESTRICTED_CONTAINER }],
        volumes: [{ name: 'data', emptyDir: {} }],
      },
    });
  });

  test('a missing flink-main-container is added after the template\'s containers (the operator merges lists by position)', () => {
    const doc = synthOne({ podTemplate: { spec: { containers: [{ name: 'sidecar', image: 'busybox:1.36' }] } } });
    expect(doc.spec.podTemplate.spec.containers.map((c: any) => c.name)).toEqual(['sidecar', 'flink-main-container']);
  });

  test('the JobManager and TaskManager templates get the container defaults on their containers only', () => {
    const doc = synthOne({
      jobManager: {
        memory: MEMORY,
        podTemplate: { spec: { containers: [], initContainers: [{ name: 'init', image: 'busybox:1.36' }], nodeSelector: { pool: 'jm' } } },
      },
      taskManager: {
        memory: MEMORY,
        podTemplate: { spec: { containers: [{ name: 'flink-main-container', securityContext: { allowPrivilegeEscalation: false, runAsUser: 4242 } }] } },
      },
    });
    expect(doc.spec.jobManager.podTemplate).toEqual({
      spec: { initContainers: [{ name: 'init', image: 'busybox:1.36', securityContext: RESTRICTED_CONTAINER }], nodeSelector: { pool: 'jm' } },
    });
    expect(doc.spec.taskManager.podTemplate).toEqual({
      spec: { containers: [{ name: 'flink-main-container', securityContext: { ...RESTRICTED_CONTAINER, runAsUser: 4242 } }] },
    });
  });

  test('the blue/green template gets the same defaults', () => {
    const chart = Testing.chart();
    new FlinkBlueGreenDeployment(chart, 'bg', deploymentProps({ job: { jarUri: STATE_MACHINE_JAR, parallelism: 1 } }));
    const [doc] = Testing.synth(chart);
    expect(doc.spec.template.spec.podTemplate).toEqual({
      spec: { securityContext: RESTRICTED_POD, containers: [{ name: 'flink-main-container', securityContext: RESTRICTED_CONTAINER }] },
    });
  });

  test('renders byte-identical output for the same input', () => {
    const template: k8s.PodTemplateSpec = { spec: { containers: [{ name: 'a', image: 'x' }], initContainers: [{ name: 'b', image: 'y' }] } };
    expect(JSON.stringify(synthOne({ podTemplate: template }))).toEqual(JSON.stringify(synthOne({ podTemplate: template })));
  });

  describe('fails synth on a template that weakens the profile', () => {
    const main = (securityContext: k8s.SecurityContext): Partial<FlinkDeploymentProps> => ({
      podTemplate: { spec: { containers: [{ name: 'flink-main-container', securityContext }] } },
    });
    const pod = (spec: Partial<k8s.PodSpec>): Partial<FlinkDeploymentProps> => ({ podTemplate: { spec: { containers: [], ...spec } } });

    test.each<[string, Partial<FlinkDeploymentProps>, string]>([
      ['runAsUser 0 on the container', main({ runAsUser: 0 }),
        `${MAIN_PATH}.securityContext.runAsUser: 0 runs as root; pod security "restricted" needs a non-root user ${OPT_OUT}`],
      ['runAsUser 0 on the pod', pod({ securityContext: { runAsUser: 0 } }),
        `spec.podTemplate.spec.securityContext.runAsUser: 0 runs as root; pod security "restricted" needs a non-root user ${OPT_OUT}`],
      ['runAsNonRoot false', main({ runAsNonRoot: false }),
        `${MAIN_PATH}.securityContext.runAsNonRoot: false allows running as root; pod security "restricted" needs runAsNonRoot: true ${OPT_OUT}`],
      ['a privileged container', main({ privileged: true }),
        `${MAIN_PATH}.securityContext.privileged: true runs a privileged container; pod security "restricted" forbids privileged containers ${OPT_OUT}`],
      ['privilege escalation', main({ allowPrivilegeEscalation: true }),
        `${MAIN_PATH}.securityContext.allowPrivilegeEscalation: true lets processes gain more privileges; pod security "restricted" needs allowPrivilegeEscalation: false ${OPT_OUT}`],
      ['an added capability', main({ capabilities: { add: ['NET_BIND_SERVICE', 'SYS_ADMIN'] } }),
        `${MAIN_PATH}.securityContext.capabilities.add: ["NET_BIND_SERVICE","SYS_ADMIN"] adds capabilities; pod security "restricted" allows adding only NET_BIND_SERVICE ${OPT_OUT}`],
      ['a drop list without ALL', main({ capabilities: { drop: ['NET_RAW'] } }),
        `${MAIN_PATH}.securityContext.capabilities.drop: ["NET_RAW"] keeps capabilities; pod security "restricted" needs drop: ["ALL"] ${OPT_OUT}`],
      ['seccomp Unconfined', main({ seccompProfile: { type: 'Unconfined' } }),
        `${MAIN_PATH}.securityContext.seccompProfile.type: Unconfined turns seccomp off; pod security "restricted" needs RuntimeDefault or Localhost ${OPT_OUT}`],
      ['the host network', pod({ hostNetwork: true }),
        `spec.podTemplate.spec.hostNetwork: true shares the node's network namespace; pod security "restricted" forbids host namespaces ${OPT_OUT}`],
      ['the host PID namespace', pod({ hostPid: true }),
        `spec.podTemplate.spec.hostPID: true shares the node's process namespace; pod security "restricted" forbids host namespaces ${OPT_OUT}`],
      ['the host IPC namespace', pod({ hostIpc: true }),
        `spec.podTemplate.spec.hostIPC: true shares the node's IPC namespace; pod security "restricted" forbids host namespaces ${OPT_OUT}`],
      ['a host port', pod({ containers: [{ name: 'flink-main-container', ports: [{ name: 'metrics', containerPort: 9249, hostPort: 9249 }] }] }),
        `${MAIN_PATH}.ports[metrics].hostPort: 9249 opens a port on the node; pod security "restricted" forbids host ports ${OPT_OUT}`],
      ['a hostPath volume', pod({ volumes: [{ name: 'flink-volume', hostPath: { path: '/tmp/flink', type: 'Directory' } }] }),
        `spec.podTemplate.spec.volumes[flink-volume].hostPath.path: /tmp/flink mounts a directory of the node; pod security "restricted" forbids hostPath volumes ${OPT_OUT}`],
      ['an nfs volume', pod({ volumes: [{ name: 'shared', nfs: { server: 'nfs.example.com', path: '/flink' } }] }),
        'spec.podTemplate.spec.volumes[shared].nfs: nfs volume type is not allowed; pod security "restricted" allows only configMap, csi, '
        + `downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes ${OPT_OUT}`],
    ])('%s', (_what, props, message) => {
      expect(deploymentErrors(props)).toEqual([message]);
    });

    test('in a TaskManager init container', () => {
      expect(deploymentErrors({
        taskManager: { memory: MEMORY, podTemplate: { spec: { containers: [], initContainers: [{ name: 'chown', image: 'busybox:1.36', securityContext: { runAsUser: 0 } }] } } },
      })).toEqual([`spec.taskManager.podTemplate.spec.initContainers[chown].securityContext.runAsUser: 0 runs as root; pod security "restricted" needs a non-root user ${OPT_OUT}`]);
    });

    test('every problem at once, with the construct path', () => {
      const chart = Testing.chart();
      new FlinkDeployment(chart, 'd', deploymentProps({
        podTemplate: { spec: { hostNetwork: true, containers: [{ name: 'flink-main-container', securityContext: { privileged: true, runAsUser: 0 } }] } },
      }));
      expect(() => Testing.synth(chart)).toThrow([
        'Validation failed with the following errors:',
        `  [test/d] spec.podTemplate.spec.hostNetwork: true shares the node's network namespace; pod security "restricted" forbids host namespaces ${OPT_OUT}`,
        `  [test/d] ${MAIN_PATH}.securityContext.privileged: true runs a privileged container; pod security "restricted" forbids privileged containers ${OPT_OUT}`,
        `  [test/d] ${MAIN_PATH}.securityContext.runAsUser: 0 runs as root; pod security "restricted" needs a non-root user ${OPT_OUT}`,
      ].join('\n'));
    });

    test('in the blue/green template', () => {
      const errors = synthErrors((c) => new FlinkBlueGreenDeployment(c, 'd', deploymentProps({
        job: { jarUri: STATE_MACHINE_JAR, parallelism: 1 },
        podTemplate: { spec: { containers: [], hostPid: true } },
      })));
      expect(errors).toEqual([`spec.template.spec.podTemplate.spec.hostPID: true shares the node's process namespace; pod security "restricted" forbids host namespaces ${OPT_OUT}`]);
    });

    test('made by a mutator (the check sees the rendered manifest)', () => {
      const errors = synthErrors((c) => {
        FlinkHooks.of(c).addMutator({
          mutateDeployment: (d: any) => {
            const copy = structuredClone(d);
            copy.spec.podTemplate.spec.hostIPC = true;
            return copy;
          },
          mutateSessionJob: (j: any) => j,
        });
        new FlinkDeployment(c, 'd', deploymentProps());
      });
      expect(errors).toEqual([`spec.podTemplate.spec.hostIPC: true shares the node's IPC namespace; pod security "restricted" forbids host namespaces ${OPT_OUT}`]);
    });
  });

  test('settings that stay within the profile pass', () => {
    const doc = synthOne({
      podTemplate: {
        spec: {
          securityContext: { runAsUser: 1000, runAsNonRoot: true, seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } },
          hostNetwork: false,
          containers: [{
            name: 'flink-main-container',
            ports: [{ containerPort: 9249, hostPort: 0 }],
            securityContext: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } },
          }],
          volumes: [{ name: 'cp', persistentVolumeClaim: { claimName: 'cp' } }, { name: 'conf', configMap: { name: 'c' } }],
        },
      },
    });
    expect(doc.spec.podTemplate.spec.securityContext.runAsUser).toEqual(1000);
  });

  test('fails synth on a podSecurity that is not a PodSecurity', () => {
    expect(buildErrors((c) => new FlinkDeployment(c, 'd', deploymentProps({ podSecurity: 'baseline' as any }))))
      .toEqual('[test/d] podSecurity: must be a PodSecurity (e.g. PodSecurity.RESTRICTED), got "baseline"');
  });
});

describe('PodSecurity.CUSTOM (the opt-out)', () => {
  test('renders the templates exactly as given and checks nothing', () => {
    const podTemplate: k8s.PodTemplateSpec = {
      spec: {
        hostNetwork: true,
        containers: [{ name: 'flink-main-container', securityContext: { runAsUser: 0, privileged: true } }],
        volumes: [{ name: 'flink-volume', hostPath: { path: '/tmp/flink' } }],
      },
    };
    const doc = synthOne({ podSecurity: PodSecurity.CUSTOM, podTemplate });
    expect(doc.spec.podTemplate).toEqual({
      spec: {
        hostNetwork: true,
        containers: [{ name: 'flink-main-container', securityContext: { runAsUser: 0, privileged: true } }],
        volumes: [{ name: 'flink-volume', hostPath: { path: '/tmp/flink' } }],
      },
    });
  });

  test('renders no pod template when none is given', () => {
    expect(synthOne({ podSecurity: PodSecurity.CUSTOM }).spec.podTemplate).toBeUndefined();
  });
});

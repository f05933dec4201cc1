import { toFlinkCluster } from '../../../src/render/spotify/_flink-cluster';
import { defaultFlinkCluster } from '../../../src/render/spotify/_webhook-default';
import { flinkClusterCreateErrors } from '../../../src/render/spotify/_webhook-validate';
import { strictFlinkClusterSchemaErrors } from '../../support/flink-cluster-schema';
import { upstreamDocuments, upstreamExampleFiles } from '../../support/upstream';

/** What each upstream FlinkDeployment example holds that the FlinkCluster cannot express (fields only). */
const UNSUPPORTED: Record<string, string[]> = {
  'advanced-ingress.yaml': ['spec.ingress.className', 'spec.ingress.template'],
  'autoscaling/autoscaling-dynamic.yaml': [
    'spec.flinkConfiguration.job.autoscaler.enabled', 'spec.flinkConfiguration.job.autoscaler.metrics.window',
    'spec.flinkConfiguration.job.autoscaler.stabilization.interval', 'spec.flinkConfiguration.job.autoscaler.target.utilization.boundary',
    'spec.flinkConfiguration.job.autoscaler.utilization.target',
  ],
  'autoscaling/autoscaling.yaml': [
    'spec.flinkConfiguration.job.autoscaler.enabled', 'spec.flinkConfiguration.job.autoscaler.metrics.window',
    'spec.flinkConfiguration.job.autoscaler.stabilization.interval', 'spec.flinkConfiguration.job.autoscaler.target.utilization.boundary',
    'spec.job.upgradeMode',
  ],
  'basic-checkpoint-ha.yaml': ['spec.job.savepointTriggerNonce'],
  'basic-ingress.yaml': ['spec.ingress.template'],
  'basic-reactive.yaml': ['spec.job.savepointTriggerNonce'],
  // The operator's canary resource has no spec.
  'canary.yaml': ['spec.flinkVersion', 'spec.image'],
};

const deployments = upstreamExampleFiles().flatMap((file) =>
  upstreamDocuments(file).filter((d) => d.kind === 'FlinkDeployment').map((d) => [file, d] as const));

describe.each(deployments)('upstream example %s', (file, manifest) => {
  const { cluster, errors } = toFlinkCluster(manifest);

  test('renders, naming exactly the fields the FlinkCluster cannot express', () => {
    expect(errors.map((e) => e.substring(0, e.indexOf(':')))).toEqual(UNSUPPORTED[file] ?? []);
  });

  test('the FlinkCluster passes the CRD schema (objects closed) and the webhook', () => {
    const schemaErrors = strictFlinkClusterSchemaErrors(cluster);
    expect(schemaErrors).toEqual(file === 'canary.yaml' ? ['spec.flinkVersion: Required value', 'spec.image.name: Required value'] : []);
    expect(flinkClusterCreateErrors(defaultFlinkCluster(cluster))).toEqual([]);
  });
});

test('the examples the mapping is built around are among them', () => {
  expect(deployments.map(([file]) => file)).toEqual(expect.arrayContaining([
    'basic.yaml', 'basic-session-deployment-only.yaml', 'flink-python-example/python-example.yaml', 'pod-template.yaml',
  ]));
  const python = toFlinkCluster(upstreamDocuments('flink-python-example/python-example.yaml')[0]).cluster.spec;
  expect(python.job).toEqual({ pyFile: '/opt/flink/usrlib/python_demo.py', parallelism: 1 });
  expect(python.flinkProperties['python.client.executable']).toBe('/usr/local/bin/python3');
});

test('a manifest with the library\'s restricted pod defaults renders a valid FlinkCluster with the pod-level settings in every pod', () => {
  const [basic] = upstreamDocuments('basic.yaml');
  const podSecurity = { runAsNonRoot: true, runAsUser: 9999, runAsGroup: 9999, fsGroup: 9999, seccompProfile: { type: 'RuntimeDefault' } };
  const manifest = {
    ...basic,
    metadata: { name: 'restricted', namespace: 'flink' },
    spec: {
      ...basic.spec,
      podTemplate: {
        spec: {
          securityContext: podSecurity,
          containers: [{ name: 'flink-main-container', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true } }],
        },
      },
    },
  };
  const { cluster, errors } = toFlinkCluster(manifest);
  expect(errors.map((e) => e.substring(0, e.indexOf(':')))).toEqual(['spec.podTemplate.spec.containers[0].securityContext']);
  for (const pod of [cluster.spec.jobManager, cluster.spec.taskManager, cluster.spec.job]) {
    expect(pod.securityContext).toEqual(podSecurity);
  }
  expect(strictFlinkClusterSchemaErrors(cluster)).toEqual([]);
  expect(flinkClusterCreateErrors(defaultFlinkCluster(cluster))).toEqual([]);
});

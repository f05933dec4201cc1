import { ApiObject, Chart, Size, Testing } from 'cdk8s';
import { FlinkBackend, FlinkDeployment, FlinkDeploymentProps, FlinkHooks, FlinkJob, FlinkVersion, PodSecurity, UpgradeMode } from '../../../src';
import { flinkClusterErrors } from '../../../src/render/spotify/_flink-cluster-errors';
import { STATE_MACHINE_JAR } from '../../support/fixtures';
import { strictFlinkClusterSchemaErrors } from '../../support/flink-cluster-schema';
import { k8sSchemaErrors } from '../../support/k8s-schema';
import { synthErrors } from '../../support/prop-errors';
import { synthFailure } from '../../support/synth';

function chart(): Chart {
  return new Chart(Testing.app(), 'test', { namespace: 'flink' });
}

function props(extra: Partial<FlinkDeploymentProps> = {}): FlinkDeploymentProps {
  return {
    backend: FlinkBackend.SPOTIFY_OPERATOR,
    podSecurity: PodSecurity.CUSTOM,
    image: 'flink:1.18',
    flinkVersion: FlinkVersion.V1_18,
    jobManager: { memory: Size.mebibytes(2048), cpu: 1 },
    taskManager: { memory: Size.mebibytes(4096), cpu: 2 },
    ...extra,
  };
}

/** Synthesizes, checking every FlinkCluster against the strict CRD schema and the webhook rules. */
function synth(c: Chart): any[] {
  const docs = Testing.synth(c);
  for (const doc of docs) {
    if (doc.kind === 'FlinkCluster') {
      expect(strictFlinkClusterSchemaErrors(doc)).toEqual([]);
      expect(flinkClusterErrors(doc)).toEqual([]);
    } else {
      expect(k8sSchemaErrors(doc)).toBeUndefined();
    }
  }
  return docs;
}

describe('FlinkBackend.SPOTIFY_OPERATOR', () => {
  test('an application cluster is one FlinkCluster with the job', () => {
    const c = chart();
    const d = new FlinkDeployment(c, 'orders', props({
      flinkConfiguration: { 'taskmanager.numberOfTaskSlots': '2', 'state.checkpoints.dir': 's3://cp' },
      job: { jarUri: STATE_MACHINE_JAR, entryClass: 'com.example.Main', args: ['--x', 'y'], parallelism: 4 },
    }));
    const docs = synth(c);
    expect(docs.map((x) => `${x.apiVersion} ${x.kind}/${x.metadata.name}`)).toEqual(['flinkoperator.k8s.io/v1beta1 FlinkCluster/orders']);
    expect(ApiObject.of(d).kind).toBe('FlinkCluster');
    expect(d.restServiceName).toBe('orders-jobmanager');
    const spec = docs[0].spec;
    expect(spec.flinkVersion).toBe('1.18');
    expect(spec.image).toMatchObject({ name: 'flink:1.18' });
    expect(spec.job).toMatchObject({ jarFile: '/opt/flink/examples/streaming/StateMachineExample.jar', className: 'com.example.Main', args: ['--x', 'y'], parallelism: 4 });
    expect(spec.taskManager.replicas).toBe(2);
    expect(spec.flinkProperties).toMatchObject({ 'taskmanager.numberOfTaskSlots': '2', 'state.checkpoints.dir': 's3://cp' });
    expect(docs[0].metadata.annotations['argocd.argoproj.io/sync-options']).toBe('SkipDryRunOnMissingResource=true');
  });

  test('a Python job uses the FlinkCluster\'s pyFile / pyModule / pyFiles fields', () => {
    const c = chart();
    new FlinkDeployment(c, 'file', props({ job: { source: FlinkJob.python({ pyFile: '/opt/flink/usrlib/wc.py', pyFiles: ['/opt/a.zip', '/opt/b.py'], args: ['--out', 'x'] }), parallelism: 1 } }));
    new FlinkDeployment(c, 'module', props({ job: { source: FlinkJob.python({ pyModule: 'jobs.wc', pyFiles: ['/opt/jobs.zip'] }), parallelism: 1 } }));
    const [file, module] = synth(c).map((doc) => doc.spec.job);
    expect(file).toMatchObject({ pyFile: '/opt/flink/usrlib/wc.py', pyFiles: '/opt/a.zip,/opt/b.py', args: ['--out', 'x'] });
    expect(file.jarFile).toBeUndefined();
    expect(file.className).toBeUndefined();
    expect(module).toMatchObject({ pyModule: 'jobs.wc', pyFiles: '/opt/jobs.zip' });
  });

  test('a session cluster has no job; its session jobs are submitter Jobs against <name>-jobmanager', () => {
    const c = chart();
    const session = new FlinkDeployment(c, 'session', props({ taskManager: { memory: Size.mebibytes(2048), cpu: 1, replicas: 2 } }));
    const job = session.addSessionJob('orders', { job: { jarUri: 'local:///opt/flink/usrlib/orders.jar', parallelism: 2 } });
    const docs = synth(c);
    expect(docs.map((x) => x.kind)).toEqual(['FlinkCluster', 'Job']);
    expect(docs[0].spec.job).toBeUndefined();
    expect(job.backend).toBe(FlinkBackend.SPOTIFY_OPERATOR);
    expect(docs[1].spec.template.spec.containers[0].command.slice(3, 6)).toEqual(['submit', 'session-jobmanager:8081', 'orders']);
  });

  test('restricted pod security cannot be met: the FlinkCluster has no container security context', () => {
    const c = chart();
    new FlinkDeployment(c, 'orders', props({ podSecurity: undefined }));
    expect(synthErrors(c)).toMatch(/^\[test\/orders\] podSecurity: must be PodSecurity.CUSTOM with FlinkBackend.SPOTIFY_OPERATOR, got PodSecurity.RESTRICTED/);
  });

  test('a prop the FlinkCluster cannot express is an error naming the field and the backend', () => {
    const c = chart();
    new FlinkDeployment(c, 'orders', props({
      flinkConfiguration: { 'execution.checkpointing.savepoint-dir': 's3://sp' },
      job: { jarUri: STATE_MACHINE_JAR, parallelism: 2, savepointTriggerNonce: 7 },
    }));
    expect(synthFailure(c)).toMatch(/\[test\/orders\] spec\.job\.savepointTriggerNonce: 7 cannot be rendered by the FlinkBackend\.SPOTIFY_OPERATOR backend \(/);
  });

  test('the upstream validator and user validators see the operator manifest whatever the backend', () => {
    const c = chart();
    const seen: string[] = [];
    FlinkHooks.of(c).addValidator({
      validateDeployment: (d: any) => {
        seen.push(`${d.apiVersion} ${d.kind}`);
        return undefined;
      },
      validateSessionJob: () => undefined,
    } as any);
    new FlinkDeployment(c, 'orders', props({ job: { jarUri: STATE_MACHINE_JAR, parallelism: 2, upgradeMode: UpgradeMode.STATELESS } }));
    synth(c);
    expect(seen).toContain('flink.apache.org/v1beta1 FlinkDeployment');
  });

  test('the same props render on every backend (restricted security only where it can be met)', () => {
    const kinds = [FlinkBackend.APACHE_OPERATOR, FlinkBackend.KUBERNETES, FlinkBackend.SPOTIFY_OPERATOR].map((backend) => {
      const c = chart();
      new FlinkDeployment(c, 'orders', props({ backend, job: { jarUri: STATE_MACHINE_JAR, parallelism: 2 } }));
      return Testing.synth(c).map((d) => d.kind).join(',');
    });
    expect(kinds).toEqual(['FlinkDeployment', 'Deployment,ConfigMap,Deployment,Service,Service,ServiceAccount', 'FlinkCluster']);
  });
});

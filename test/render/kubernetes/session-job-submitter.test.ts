import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { FlinkBackend, FlinkDeployment, FlinkJob, JobState } from '../../../src';
import { deploymentProps } from '../../support/fixtures';
import { k8sSchemaErrors } from '../../support/k8s-schema';
import { synthFailure } from '../../support/synth';

function sessionCluster(): { chart: Chart; session: FlinkDeployment } {
  const chart = new Chart(Testing.app(), 'test', { namespace: 'flink' });
  const session = new FlinkDeployment(chart, 'session', deploymentProps({ backend: FlinkBackend.KUBERNETES }));
  return { chart, session };
}

function jobs(chart: Chart): any[] {
  const docs = Testing.synth(chart);
  for (const doc of docs) {
    expect(k8sSchemaErrors(doc)).toBeUndefined();
  }
  return docs.filter((d) => d.kind === 'Job');
}


describe('session jobs on FlinkBackend.KUBERNETES', () => {
  test('a jar job is a Job that runs flink run against the session cluster\'s REST service', () => {
    const { chart, session } = sessionCluster();
    const job = session.addSessionJob('orders', {
      job: { jarUri: 'local:///opt/flink/usrlib/orders.jar', entryClass: 'com.example.Orders', parallelism: 2, args: ['--topic', 'orders'] },
      flinkConfiguration: { 'pipeline.max-parallelism': 64 },
    });
    const [submitter] = jobs(chart);
    expect(job.backend).toBe(FlinkBackend.KUBERNETES);
    expect(submitter.metadata.name).toMatch(/^orders-submit-[0-9a-f]{10}$/);
    expect(submitter.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('1');
    const pod = submitter.spec.template.spec;
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.automountServiceAccountToken).toBe(false);
    const [container] = pod.containers;
    expect(container.image).toBe('flink:2.2');
    expect(container.command.slice(0, 2)).toEqual(['/bin/bash', '-ec']);
    expect(container.command.slice(3)).toEqual([
      'submit', 'session-rest:8081', 'orders',
      '-D', 'pipeline.max-parallelism=64', '-D', 'pipeline.name=orders',
      '-p', '2', '-c', 'com.example.Orders', '/opt/flink/usrlib/orders.jar', '--topic', 'orders',
    ]);
    // The session cluster's restricted security context.
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  });

  test('a Python job runs flink run -py with its dependencies as job configuration', () => {
    const { chart, session } = sessionCluster();
    session.addSessionJob('wc', {
      job: { source: FlinkJob.python({ pyModule: 'jobs.wc', pyFiles: ['/opt/flink/usrlib/jobs.zip'] }), parallelism: 1 },
    });
    const [submitter] = jobs(chart);
    expect(submitter.spec.template.spec.containers[0].command.slice(3)).toEqual([
      'submit', 'session-rest:8081', 'wc', '-D', 'pipeline.name=wc', '-D', 'python.files=/opt/flink/usrlib/jobs.zip', '-p', '1', '-pym', 'jobs.wc',
    ]);
  });

  test('a changed session job is a new Job; the same one keeps its name', () => {
    const name = (parallelism: number) => {
      const { chart, session } = sessionCluster();
      session.addSessionJob('orders', { job: { jarUri: 'local:///opt/flink/usrlib/orders.jar', parallelism } });
      return jobs(chart)[0].metadata.name;
    };
    expect(name(2)).toBe(name(2));
    expect(name(2)).not.toBe(name(3));
  });

  test.each([
    ['a remote jar', { jarUri: 'https://repo.example.com/orders.jar', parallelism: 1 },
      'spec.job.jarURI: "https://repo.example.com/orders.jar" cannot be rendered by the FlinkBackend.KUBERNETES backend (`flink run` in the submitter pod needs a jar in the session cluster\'s image'],
    ['a suspended job', { jarUri: 'local:///opt/flink/usrlib/orders.jar', parallelism: 1, state: JobState.SUSPENDED },
      'spec.job.state: "suspended" cannot be rendered by the FlinkBackend.KUBERNETES backend (the submitter Job submits once'],
  ])('%s is an error naming the field and the backend', (_name, job, message) => {
    const { chart, session } = sessionCluster();
    session.addSessionJob('orders', { job });
    expect(synthFailure(chart)).toContain(`[test/session/orders] ${message}`);
  });

  test('the submitter cancels the running job of the same name, then submits detached', () => {
    const { chart, session } = sessionCluster();
    session.addSessionJob('orders', { job: { jarUri: 'local:///opt/flink/usrlib/orders.jar', parallelism: 2, args: ['a b', '$(whoami)'] } });
    const [submitter] = jobs(chart);
    const command: string[] = submitter.spec.template.spec.containers[0].command;

    // A fake `flink` that prints a job list and records its calls.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'flink-home-'));
    fs.mkdirSync(path.join(home, 'bin'));
    const calls = path.join(home, 'calls');
    fs.writeFileSync(path.join(home, 'bin', 'flink'), [
      '#!/bin/bash',
      `printf '%s\\n' "$*" >> ${JSON.stringify(calls)}`,
      'if [ "$1" = list ]; then',
      '  echo "------------------ Running/Restarting Jobs -------------------"',
      '  echo "23.11.2026 10:00:00 : 1111 : orders (RUNNING)"',
      '  echo "23.11.2026 10:00:00 : 2222 : orders-v2 (RUNNING)"',
      '  echo "23.11.2026 10:00:00 : 3333 : orders (RESTARTING)"',
      'fi',
    ].join('\n'), { mode: 0o755 });
    execFileSync(command[0], command.slice(1), { env: { ...process.env, FLINK_HOME: home } });
    expect(fs.readFileSync(calls, 'utf8').trim().split('\n')).toEqual([
      'list -r -m session-rest:8081',
      'cancel -m session-rest:8081 1111',
      'cancel -m session-rest:8081 3333',
      'run -m session-rest:8081 -d -D pipeline.name=orders -p 2 /opt/flink/usrlib/orders.jar a b $(whoami)',
    ]);
    fs.rmSync(home, { recursive: true });
  });
});

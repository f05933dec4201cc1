import { Chart, Testing } from 'cdk8s';
import { FlinkBackend, FlinkDeployment, FlinkHooks, IFlinkResourceMutator, PodSecurity } from '../../src';
import { deploymentProps } from '../support/fixtures';

/** A mutator that counts its calls per resource and passes manifests on unchanged. */
function counter(): { mutator: IFlinkResourceMutator; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    mutator: {
      mutateDeployment: (d) => { calls.push(d.metadata.name); return d; },
      mutateSessionJob: (j) => { calls.push(j.metadata.name); return j; },
    },
  };
}

describe('one pass per app state', () => {
  test.each(Object.values(FlinkBackend))('each resource passes the pipeline once until the app changes (%s)', (backend) => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const { mutator, calls } = counter();
    FlinkHooks.of(app).addMutator(mutator);
    const session = new FlinkDeployment(chart, 'session', deploymentProps({ backend, podSecurity: backend === FlinkBackend.SPOTIFY_OPERATOR ? PodSecurity.CUSTOM : undefined }));
    if (backend !== FlinkBackend.SPOTIFY_OPERATOR) {
      session.addSessionJob('job', { job: { jarUri: backend === FlinkBackend.KUBERNETES ? 'local:///opt/flink/usrlib/job.jar' : 'https://repo.example.com/job.jar', parallelism: 1 } });
    }
    const expected = backend === FlinkBackend.SPOTIFY_OPERATOR ? ['session'] : ['session', 'job'];
    Testing.synth(chart);
    expect(calls).toEqual(expected);
    Testing.synth(chart);
    expect(calls).toEqual(expected);
    session.addFlinkConfiguration('pipeline.name', 'changed');
    Testing.synth(chart);
    expect(calls).toEqual([...expected, ...expected]);
  });

  test('app.synth() of several charts runs the pipeline once per resource, though cdk8s validates the app once per chart', () => {
    const app = Testing.app();
    const { mutator, calls } = counter();
    FlinkHooks.of(app).addMutator(mutator);
    for (const id of ['a', 'b', 'c']) {
      new FlinkDeployment(new Chart(app, id), 'd', deploymentProps({ name: `d-${id}` }));
    }
    app.synth();
    expect(calls).toEqual(['d-a', 'd-b', 'd-c']);
  });

  test('listeners hear of each rendering once per synth', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const rendered: string[] = [];
    FlinkHooks.of(chart).addListener({ onMutated: () => {}, onValidationFailed: () => {}, onRendered: (e) => rendered.push(e.source) });
    new FlinkDeployment(chart, 'a', deploymentProps({ backend: FlinkBackend.KUBERNETES }));
    new FlinkDeployment(chart, 'b', deploymentProps());
    app.synthYaml();
    app.synthYaml();
    expect(rendered).toEqual(['c/a', 'c/b', 'c/a', 'c/b']);
  });

  test('a synth sees changes and hooks added after the previous one', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const deployment = new FlinkDeployment(chart, 'd', deploymentProps({ backend: FlinkBackend.KUBERNETES }));
    const configMapName = () => Testing.synth(chart).find((o) => o.kind === 'ConfigMap').metadata.name;
    const before = configMapName();
    deployment.addFlinkConfiguration('pipeline.name', 'changed');
    const after = configMapName();
    expect(after).not.toEqual(before);
    FlinkHooks.of(app).addValidator({ validateDeployment: () => 'rejected', validateSessionJob: () => undefined });
    expect(() => Testing.synth(chart)).toThrow(/\[c\/d\] rejected/);
  });
});

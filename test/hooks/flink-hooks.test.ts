import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import {
  FlinkDeployment, FlinkDeploymentManifest, FlinkDeploymentProps, FlinkHooks, FlinkResourceEvent, FlinkSessionJob, FlinkVersion,
  IFlinkResourceMutator, IFlinkResourceValidator,
} from '../../src';
import { deploymentProps, STATE_MACHINE_JAR } from '../support/fixtures';

const JAR = STATE_MACHINE_JAR;

/** An application cluster with the given overrides. */
function props(extra: Partial<FlinkDeploymentProps> = {}): FlinkDeploymentProps {
  return deploymentProps({ job: { jarUri: JAR, parallelism: 2 }, ...extra });
}

const noSessionJobCheck = { validateSessionJob: () => undefined };
const passSessionJob = { mutateSessionJob: (j: any) => j };

/** A validator that rejects images outside a registry. */
const registryPolicy: IFlinkResourceValidator = {
  ...noSessionJobCheck,
  validateDeployment: (d) => d.spec?.image?.startsWith('registry.example.com/') ? undefined : `image '${d.spec?.image}' is not from registry.example.com`,
};

describe('FlinkHooks', () => {
  test('a user validator error fails synth with the construct path', () => {
    const chart = Testing.chart();
    FlinkHooks.of(chart).addValidator(registryPolicy);
    new FlinkDeployment(chart, 'd', props());
    expect(() => Testing.synth(chart)).toThrow(/Validation failed with the following errors:\s*\[test\/d\] image 'flink:2.2' is not from registry.example.com/);
  });

  test('hooks apply to every Flink resource beneath the scope and not outside it', () => {
    const app = Testing.app();
    const guarded = new Chart(app, 'guarded');
    const open = new Chart(app, 'open');
    FlinkHooks.of(guarded).addValidator(registryPolicy);
    new FlinkDeployment(open, 'd', props());
    expect(Testing.synth(open)).toHaveLength(1);
    new FlinkDeployment(guarded, 'g', props());
    expect(() => Testing.synth(open)).toThrow(/\[guarded\/g\] image 'flink:2.2' is not from registry.example.com/);
  });

  test('every error of every resource in every chart is reported at once, and no file is written', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'flink-hooks-'));
    const app = new App({ outdir });
    FlinkHooks.of(app).addValidator(registryPolicy);
    FlinkHooks.of(app).addValidator({ ...noSessionJobCheck, validateDeployment: (d) => d.metadata.labels?.team ? undefined : 'label team is required' });
    const a = new Chart(app, 'team-a');
    const b = new Chart(app, 'team-b');
    new FlinkDeployment(a, 'one', props());
    new FlinkDeployment(b, 'two', props({ labels: { team: 'b' } }));
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n').slice(1).map((l) => l.trim())).toEqual([
      "[team-a/one] image 'flink:2.2' is not from registry.example.com",
      '[team-a/one] label team is required',
      "[team-b/two] image 'flink:2.2' is not from registry.example.com",
    ]);
    expect(fs.readdirSync(outdir)).toEqual([]);
  });

  test('a mutator change appears in the rendered YAML and is what validators see', () => {
    const chart = Testing.chart();
    const seen: string[] = [];
    FlinkHooks.of(chart).addMutator({
      ...passSessionJob,
      mutateDeployment: (d) => ({ ...d, spec: { ...d.spec, image: `registry.example.com/${d.spec?.image}` }, metadata: { ...d.metadata, labels: { ...d.metadata.labels, mutated: 'yes' } } }),
    });
    FlinkHooks.of(chart).addValidator({ ...noSessionJobCheck, validateDeployment: (d) => { seen.push(d.spec!.image!); return undefined; } });
    new FlinkDeployment(chart, 'd', props());
    const [doc] = Testing.synth(chart);
    expect(doc.spec.image).toEqual('registry.example.com/flink:2.2');
    expect(doc.metadata.labels).toEqual({ mutated: 'yes' });
    expect(seen).toEqual(['registry.example.com/flink:2.2']);
  });

  test('mutators run outer scope first, in registration order, after the built-in one', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const order: string[] = [];
    const tagger = (tag: string): IFlinkResourceMutator => ({
      mutateDeployment: (d) => { order.push(tag); return d; },
      mutateSessionJob: (j) => {
        order.push(`${tag}:${j.metadata.labels?.['target.session']}`);
        return j;
      },
    });
    FlinkHooks.of(chart).addMutator(tagger('chart-1'));
    FlinkHooks.of(app).addMutator(tagger('app-1'));
    FlinkHooks.of(chart).addMutator(tagger('chart-2'));
    FlinkHooks.of(app).addMutator(tagger('app-2'));
    const session = new FlinkDeployment(chart, 's', props({ job: undefined }));
    session.addSessionJob('j', { job: { jarUri: 'https://x/y.jar', parallelism: 1 } });
    Testing.synth(chart);
    expect(order).toEqual(['app-1', 'app-2', 'chart-1', 'chart-2', 'app-1:s', 'app-2:s', 'chart-1:s', 'chart-2:s']);
  });

  test('the built-in mutator labels session jobs and can be turned off', () => {
    const chart = Testing.chart();
    const session = new FlinkDeployment(chart, 's', props({ job: undefined }));
    const job = new FlinkSessionJob(chart, 'j', { deployment: session, job: { jarUri: 'https://x/y.jar', parallelism: 1 } });
    expect(Testing.synth(chart)[1].metadata.labels).toEqual({ 'target.session': 's' });
    FlinkHooks.of(job).disableDefaultMutator();
    expect(FlinkHooks.of(job).defaultMutatorEnabled).toBe(false);
    expect(Testing.synth(chart)[1].metadata.labels).toBeUndefined();
  });

  test('plain objects work and a session validator sees the session cluster', () => {
    const chart = Testing.chart();
    const calls: any[] = [];
    FlinkHooks.of(chart).addValidator({
      validateDeployment: () => undefined,
      validateSessionJob: (job: any, deployment: any) => {
        calls.push([job.spec.deploymentName, deployment?.metadata.name]);
        return undefined;
      },
    });
    const session = new FlinkDeployment(chart, 's', props({ job: undefined }));
    session.addSessionJob('j', { job: { jarUri: 'https://x/y.jar', parallelism: 1 } });
    new FlinkSessionJob(chart, 'k', { deployment: FlinkDeployment.fromName(chart, 'ext', 'elsewhere'), job: { jarUri: 'https://x/y.jar', parallelism: 1 } });
    Testing.synth(chart);
    expect(calls).toEqual([['s', 's'], ['elsewhere', undefined]]);
  });

  test('hooks that throw or return garbage become errors, not crashes', () => {
    const chart = Testing.chart();
    FlinkHooks.of(chart).addMutator({ ...passSessionJob, mutateDeployment: () => { throw new Error('boom'); } });
    FlinkHooks.of(chart).addMutator({ ...passSessionJob, mutateDeployment: () => 42 as any });
    class StrictPolicy implements IFlinkResourceValidator {
      validateDeployment(): string | undefined { throw new TypeError('cannot read x'); }
      validateSessionJob(): string | undefined { return undefined; }
    }
    FlinkHooks.of(chart).addValidator(new StrictPolicy());
    FlinkHooks.of(chart).addValidator({ ...noSessionJobCheck, validateDeployment: () => 7 as any });
    new FlinkDeployment(chart, 'd', props());
    expect(() => Testing.synth(chart)).toThrow(new RegExp([
      'mutator \\(plain object\\) failed: boom',
      'mutator \\(plain object\\) returned number instead of a manifest',
      'validator StrictPolicy failed: cannot read x',
      'validator \\(plain object\\) returned number instead of a message',
    ].join('\\s*\\[test/d\\] ')));
  });

  test('mutators may remove labels but not rename a resource', () => {
    const chart = Testing.chart();
    FlinkHooks.of(chart).addMutator({
      ...passSessionJob,
      mutateDeployment: (d) => ({ ...d, metadata: { ...d.metadata, labels: undefined } }),
    });
    const dep = new FlinkDeployment(chart, 'd', props({ labels: { team: 'a' } }));
    expect(Testing.synth(chart)[0].metadata.labels).toBeUndefined();
    FlinkHooks.of(dep).addMutator({ ...passSessionJob, mutateDeployment: (d) => ({ ...d, metadata: { ...d.metadata, name: 'renamed' } }) });
    expect(() => Testing.synth(chart)).toThrow(/\[test\/d\] metadata.name: mutators may change labels and annotations only, got "renamed" instead of "d"/);
  });

  test('listeners receive mutated, validation-failed and rendered events', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const events: string[] = [];
    FlinkHooks.of(app).addListener({
      onMutated: (e: FlinkResourceEvent) => events.push(`mutated ${e.kind}/${e.name} at ${e.source}`),
      onValidationFailed: (e: FlinkResourceEvent) => events.push(`failed ${e.name}: ${e.errors?.join(',')}`),
      onRendered: (e: FlinkResourceEvent) => events.push(`rendered ${e.name} ${(e.manifest as FlinkDeploymentManifest).spec?.image}`),
    });
    // A plain object with only one of the methods is fine too.
    FlinkHooks.of(app).addListener({ onRendered: () => events.push('second listener') } as any);
    new FlinkDeployment(chart, 'good', props());
    Testing.synth(chart);
    expect(events).toEqual(['mutated FlinkDeployment/good at c/good', 'rendered good flink:2.2', 'second listener']);

    events.length = 0;
    const bad = new Chart(app, 'bad');
    FlinkHooks.of(bad).addValidator(registryPolicy);
    new FlinkDeployment(bad, 'b', props());
    expect(() => Testing.synth(bad)).toThrow();
    expect(events).toContain("failed b: image 'flink:2.2' is not from registry.example.com");
    expect(events.filter((e) => e.startsWith('rendered b'))).toEqual([]);
  });

  test('listeners get copies: changing an event manifest changes nothing', () => {
    const chart = Testing.chart();
    FlinkHooks.of(chart).addListener({ onMutated: (e: any) => { e.manifest.spec.image = 'evil'; } } as any);
    new FlinkDeployment(chart, 'd', props());
    expect(Testing.synth(chart)[0].spec.image).toEqual('flink:2.2');
  });

  test.each([
    ['null', null, /a validator must be an object, got null/],
    ['a function', () => undefined, /a validator must be an object, got function/],
    ['an object without validateSessionJob', { validateDeployment: () => undefined }, /a validator must have the method\(s\) validateSessionJob/],
  ])('addValidator throws on %s', (_what, hook, message) => {
    expect(() => FlinkHooks.of(Testing.chart()).addValidator(hook as any)).toThrow(message);
  });

  test('registered hooks are visible as copies', () => {
    const hooks = FlinkHooks.of(Testing.chart());
    hooks.addValidator(registryPolicy);
    hooks.validators.pop();
    expect(hooks.validators).toEqual([registryPolicy]);
    expect(hooks.mutators).toEqual([]);
    expect(hooks.listeners).toEqual([]);
    expect(hooks.defaultValidatorEnabled).toBe(true);
  });
});

describe('built-in validation at synth', () => {
  test('upstream messages of several resources in several charts are reported together, and nothing is written', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'flink-builtin-'));
    const app = new App({ outdir });
    const a = new Chart(app, 'team-a');
    const b = new Chart(app, 'team-b');
    new FlinkDeployment(a, 'no-parallelism', props({ job: { jarUri: JAR } }));
    new FlinkDeployment(b, 'old', props({ flinkVersion: FlinkVersion.V1_14, flinkConfiguration: { 'kubernetes.cluster-id': 'x' } }));
    expect(() => app.synth()).toThrow([
      'Validation failed with the following errors:',
      '  [team-a/no-parallelism] job.parallelism (spec.job.parallelism): Job parallelism must be larger than 0',
      '  [team-b/old] Flink version v1_14 is not supported by this operator version',
      '  [team-b/old] flinkConfiguration.kubernetes.cluster-id (spec.flinkConfiguration.kubernetes.cluster-id): Forbidden Flink config key: kubernetes.cluster-id',
    ].join('\n'));
    expect(fs.readdirSync(outdir)).toEqual([]);
  });

  test('disableDefaultValidator lets a spec the operator would reject through', () => {
    const chart = Testing.chart();
    FlinkHooks.of(chart).disableDefaultValidator();
    new FlinkDeployment(chart, 'd', props({ job: { jarUri: JAR } }));
    expect(Testing.synth(chart)[0].spec.job.parallelism).toBeUndefined();
  });
});

test('a mutator that changes the manifest in place does not change the construct: re-synths do not compound', () => {
  const chart = Testing.chart();
  FlinkHooks.of(chart).addMutator({
    mutateDeployment: (d: any) => {
      d.spec.image = `registry.example.com/${d.spec.image}`;
      return d;
    },
    mutateSessionJob: (j: any) => j,
  });
  const dep = new FlinkDeployment(chart, 'd', props());
  expect(Testing.synth(chart)[0].spec.image).toEqual('registry.example.com/flink:2.2');
  dep.addFlinkConfiguration('k', 'v'); // forces the pipeline to run again
  expect(Testing.synth(chart)[0].spec.image).toEqual('registry.example.com/flink:2.2');
});

/**
 * The "bad input never crashes" properties over the public props, shared by
 * `props.test.ts` (a few hundred cases in `npm test`) and `main.fuzz.ts`
 * (`npm run fuzz`, 10,000 cases).
 *
 * Each case builds constructs in a fresh `Testing.app()` chart, then runs
 * `app.synth()` into a temporary directory and `Testing.synth(chart)`. Every
 * case must end in one of:
 * - an eager error of a value factory (`FlinkVersion.of`,
 *   `OperatorVersion.of`), which has no construct to report to: an `Error`
 *   whose message names what is wrong — a construct never throws for its
 *   props, it reports them at synth;
 * - `Validation failed with the following errors:` from `app.synth()`, one
 *   `[construct/path] message` line per problem, and no file written;
 * - documents: every Flink resource valid against the operator's CRD
 *   schema, every other object with apiVersion, kind and metadata.name.
 * About half of the cases are drawn from props a user would write on purpose
 * (`valid-arbitraries.ts`), the others from hostile ones (`arbitraries.ts`).
 * A case that synthesizes must also keep the properties of a rendered app
 * (`checkSynthesized`): every object valid against its schema (the vendored
 * CRDs, the FlinkCluster CRD, the Kubernetes 1.27 types), the same bytes on
 * a second synth, `cdk8s-flink validate` accepting the output, and every
 * value given in the props visible in it.
 * Never a TypeError/RangeError, a stack trace, `[object Object]` or
 * `undefined` as a field name.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import {
  applicationClusterProps, blueGreenProps, chartNamespace, constructId, deploymentProps, FactoryRejection, operatorProps, realize,
  sessionJobOptions, sessionJobTarget, snapshotOptions, snapshotTarget,
} from './arbitraries';
import {
  validDeploymentProps, validName, validOperatorApplicationProps, validOperatorProps, validOperatorSessionClusterProps,
  onStandaloneCluster, validBlueGreenProps, validSessionClusterProps, validSessionJobOptions, validSnapshotOptions,
} from './valid-arbitraries';
import {
  FlinkBackend, FlinkBlueGreenDeployment, FlinkDeployment, FlinkJobReference, FlinkOperator, FlinkSessionJob, FlinkStateSnapshot,
  FlinkVersion, SnapshotType,
} from '../../src';
import { cli } from '../support/cli';
import { crdSchemaErrors, isFlinkResource } from '../support/crd-schema';
import { strictFlinkClusterSchemaErrors } from '../support/flink-cluster-schema';
import { k8sSchemaErrors } from '../support/k8s-schema';

/** How a case ended. */
export type Outcome = 'synthesized' | 'rejected-by-factory' | 'rejected-eagerly' | 'rejected-at-synth';

/** Text that must never reach a user: JavaScript internals, stack traces, unprintable values. */
const FORBIDDEN: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(TypeError|RangeError|ReferenceError|SyntaxError|InternalError)\b/, 'a JavaScript error class'],
  [/Cannot (read|set) propert|Cannot convert|is not (a function|iterable|defined|a constructor)|Maximum call stack|Invalid (array|string) length|Do not know how to serialize|circular structure/, 'a JavaScript engine message'],
  [/\n\s+at /, 'a stack trace'],
  [/\[object Object\]/, '[object Object]'],
  [/(^|\] )'undefined\b|\.undefined\b|'undefined\./, 'undefined as a field name'],
  [/(DefaultValidator|DefaultMutator) failed:/, 'a crash of a built-in hook'],
];

/**
 * What still throws, having no construct to report to: the value factories,
 * and a snapshot's restore path asked for when there is none.
 */
const EAGER_SUBJECTS = /^(FlinkVersion must look like |unsupported Flink Kubernetes Operator version |'[^']*' has no path known at synth|'job\.initialSavepointPath' is already )/;

/** Messages of cdk8s' own factories (`Size`, `Duration`), which reject negative amounts before the library sees them. */
const CDK8S_FACTORY_MESSAGE = /^(Storage|Duration) amounts cannot be negative\. Received: \S+$/;

const VALIDATION_HEADER = 'Validation failed with the following errors:';
const VALIDATION_LINE = /^ {2}\[test(\/[^\n]*)?\] \S/;
const SERIALIZATION_ERROR = /^Failed serializing construct at path 'test\/[^\n]*' with name '[^\n]*': Error: \[test\/[^\n]*\] \S/;

/** Throws unless the message is free of forbidden text. */
function assertClean(where: string, message: string): void {
  for (const [pattern, what] of FORBIDDEN) {
    if (pattern.test(message)) {
      throw new Error(`${where} contains ${what}: ${JSON.stringify(message.slice(0, 2000))}`);
    }
  }
}

/** The error as a plain `Error` (not a TypeError etc.), or a failure. */
function asError(where: string, e: unknown): Error {
  if (!(e instanceof Error)) {
    throw new Error(`${where} threw a non-Error: ${String(e)}`);
  }
  if (e.constructor !== Error) {
    throw new Error(`${where} threw a ${e.constructor.name}: ${e.message}\n${e.stack}`);
  }
  assertClean(where, e.message);
  return e;
}

/** An eager error of a value factory: one line naming what is wrong. */
function assertEagerError(e: unknown): void {
  const error = asError('construction', e);
  if (error.message.includes('\n')) {
    throw new Error(`construction error spans lines: ${JSON.stringify(error.message.slice(0, 2000))}`);
  }
  if (!EAGER_SUBJECTS.test(error.message)) {
    throw new Error(`construction threw, but only value factories may: ${JSON.stringify(error.message.slice(0, 2000))}`);
  }
}

/** The `app.synth()` error: the cdk8s validation block, one `[path] message` line per problem. */
function assertValidationError(e: unknown): void {
  const error = asError('app.synth()', e);
  const [header, ...lines] = error.message.split('\n');
  if (header !== VALIDATION_HEADER || lines.length === 0) {
    throw new Error(`app.synth() failed without the validation block: ${JSON.stringify(error.message.slice(0, 2000))}`);
  }
  const bad = lines.find((line) => !VALIDATION_LINE.test(line));
  if (bad !== undefined) {
    throw new Error(`validation line is not '[construct/path] message': ${JSON.stringify(bad.slice(0, 500))} in ${JSON.stringify(error.message.slice(0, 2000))}`);
  }
}

/** The `Testing.synth()` error of an invalid resource: the cdk8s wrapper around `[path] message`. */
function assertSerializationError(e: unknown): void {
  const error = asError('Testing.synth()', e);
  if (!SERIALIZATION_ERROR.test(error.message) || error.message.includes('\n')) {
    throw new Error(`Testing.synth() error is not one '[construct/path] message' line: ${JSON.stringify(error.message.slice(0, 2000))}`);
  }
}

function assertDocuments(docs: any[]): void {
  for (const doc of docs) {
    if (isFlinkResource(doc)) {
      const errors = crdSchemaErrors(doc);
      if (errors.length > 0) {
        throw new Error(`${doc.kind} ${JSON.stringify(doc.metadata?.name)} is not schema-valid: ${errors.join('; ')}\n${JSON.stringify(doc).slice(0, 4000)}`);
      }
    }
    for (const field of [doc?.apiVersion, doc?.kind, doc?.metadata?.name]) {
      if (typeof field !== 'string' || field === '') {
        throw new Error(`object without apiVersion, kind or metadata.name: ${JSON.stringify(doc).slice(0, 1000)}`);
      }
    }
  }
}

function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => e.name);
}

/**
 * Builds one case in a fresh app and checks how it ends (see the file
 * comment); returns the outcome, throws on a violation.
 */
export function checkCase(namespace: string | undefined, build: (chart: Chart) => void): Outcome {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-fuzz-'));
  try {
    const app = Testing.app({ outdir });
    const chart = new Chart(app, 'test', { namespace });
    try {
      build(chart);
    } catch (e) {
      if (e instanceof FactoryRejection) {
        if (!(e.reason instanceof Error && CDK8S_FACTORY_MESSAGE.test(e.reason.message))) {
          assertEagerError(e.reason);
        }
        return 'rejected-by-factory';
      }
      assertEagerError(e);
      return 'rejected-eagerly';
    }
    let synthError: unknown;
    try {
      app.synth();
    } catch (e) {
      synthError = e ?? new Error('threw a nullish value');
    }
    let docs: any[] | undefined;
    try {
      docs = Testing.synth(chart);
    } catch (e) {
      if (e instanceof Error && e.message.startsWith(VALIDATION_HEADER)) {
        assertValidationError(e);
      } else {
        assertSerializationError(e);
      }
      if (synthError === undefined) {
        throw new Error(`app.synth() succeeded but Testing.synth() failed: ${(e as Error).message}`);
      }
    }
    if (synthError !== undefined) {
      assertValidationError(synthError);
      const written = filesBelow(outdir);
      if (written.length > 0) {
        throw new Error(`app.synth() failed but wrote ${written.join(', ')}`);
      }
      return 'rejected-at-synth';
    }
    if (filesBelow(outdir).length === 0 && docs!.length > 0) {
      throw new Error('app.synth() succeeded but wrote no file');
    }
    assertDocuments(docs!);
    return 'synthesized';
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Values of props that choose how things are rendered rather than being rendered themselves. */
const SELECTORS = new Set(['backend', 'installCrds', 'podSecurity', 'plaintextConfigurationKeys']);

/** Values a backend may leave implicit because they are the default (a standalone job runs unless suspended). */
const IMPLICIT_DEFAULTS: ReadonlyArray<readonly [string, unknown]> = [['state', 'running']];

/** The strings and numbers in the given props (selectors and implicit defaults left out), with their paths. */
function givenValues(value: unknown, at: string, standalone = false): Array<[string, string]> {
  if (typeof value === 'string') {
    return [[at, value]];
  }
  if (typeof value === 'number') {
    return [[at, String(value)]];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => givenValues(item, `${at}[${i}]`, standalone));
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    // A standalone cluster renders the job's state as the JobManager's replica count.
    const alone = standalone || (value as any).backend === FlinkBackend.KUBERNETES;
    return Object.entries(value)
      .filter(([key, item]) => !SELECTORS.has(key) && !IMPLICIT_DEFAULTS.some(([k, v]) => k === key && v === item) && !(alone && key === 'state'))
      .flatMap(([key, item]) => [...(at.endsWith('Configuration') || at.endsWith('labels') || at.endsWith('annotations') || at.endsWith('Labels') || at.endsWith('nodeSelector') ? [[`${at} key`, key] as [string, string]] : []), ...givenValues(item, `${at}.${key}`, alone)]);
  }
  return [];
}

/** The written files of a synth, by path. */
function writtenFiles(dir: string): Map<string, string> {
  return new Map(fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), fs.readFileSync(path.join(e.parentPath, e.name), 'utf8')]));
}

/** `app.synth()` of a fresh app with the case built into it: the written files. */
function synthFiles(namespace: string | undefined, build: (chart: Chart) => void): { files: Map<string, string>; docs: any[] } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-fuzz-'));
  try {
    const app = Testing.app({ outdir });
    const chart = new Chart(app, 'test', { namespace });
    build(chart);
    app.synth();
    const files = writtenFiles(outdir);
    const validation = cli('validate', outdir);
    if (validation.code !== 0) {
      throw new Error(`cdk8s-flink validate rejects the output (exit ${validation.code}): ${(validation.out + validation.err).slice(0, 3000)}`);
    }
    return { files, docs: Testing.synth(chart) };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Why a rendered object does not validate against its schema, if it does not. */
function schemaProblem(doc: any): string | undefined {
  if (isFlinkResource(doc)) {
    const errors = crdSchemaErrors(doc);
    return errors.length > 0 ? `${doc.kind} ${doc.metadata?.name}: ${errors.join('; ')}` : undefined;
  }
  if (doc.apiVersion === 'flinkoperator.k8s.io/v1beta1') {
    const errors = strictFlinkClusterSchemaErrors(doc);
    return errors.length > 0 ? `FlinkCluster ${doc.metadata?.name}: ${errors.join('; ')}` : undefined;
  }
  return k8sSchemaErrors(doc);
}

/**
 * The properties of a case that synthesized: every object schema-valid, the
 * same files byte for byte on a second synth, accepted by `cdk8s-flink
 * validate`, and every string or number of the given props in the output.
 */
export function checkSynthesized(namespace: string | undefined, build: (chart: Chart) => void, given: unknown): void {
  const first = synthFiles(namespace, build);
  const second = synthFiles(namespace, build);
  if (JSON.stringify([...first.files]) !== JSON.stringify([...second.files])) {
    throw new Error(`a second synth differs: ${JSON.stringify([...first.files.keys()])} vs ${JSON.stringify([...second.files.keys()])}`);
  }
  for (const doc of first.docs) {
    const problem = schemaProblem(doc);
    if (problem !== undefined) {
      throw new Error(`not schema-valid: ${problem}\n${JSON.stringify(doc).slice(0, 4000)}`);
    }
  }
  const output = [...first.files.values()].join('\n') + JSON.stringify(first.docs);
  // `local://` names a file in the image: a standalone cluster passes its path.
  const renderings = (text: string) => [text, JSON.stringify(text).slice(1, -1), text.replace(/^local:\/\//, '')];
  const missing = givenValues(given, 'props').filter(([, text]) => !renderings(text).some((r) => output.includes(r)));
  if (missing.length > 0) {
    throw new Error(`given but not in the output: ${missing.map(([at, text]) => `${at} = ${JSON.stringify(text)}`).join(', ')}`);
  }
}

// ---------------------------------------------------------------------------
// The cases

/** The chart namespace and construct id of a case drawn from valid props. */
const validPlace = { namespace: fc.option(validName, { nil: undefined }), id: fc.constantFrom('d', 'payments', 'Word Count') };

/** Cases drawn from valid props (weight 3) or hostile ones (weight 1). */
function balanced(valid: fc.Arbitrary<any>, hostile: fc.Arbitrary<any>): fc.Arbitrary<any> {
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: hostile });
}

/** A FlinkDeployment from props, plus configuration added later. */
export const deploymentCase = balanced(
  fc.record({ ...validPlace, props: validDeploymentProps, added: fc.constant([]) }),
  fc.record({
    namespace: chartNamespace,
    id: constructId,
    props: deploymentProps,
    added: fc.array(fc.tuple(fc.constantFrom('parallelism.default', 'taskmanager.numberOfTaskSlots', 'x'), fc.constantFrom<any>('2', 4, '4', null, { a: 1 })), { maxLength: 2 }),
  }),
);

/** Builds a `deploymentCase`. */
export function buildDeployment(c: any): (chart: Chart) => void {
  return (chart) => {
    const d = new FlinkDeployment(chart, c.id, realize(c.props));
    for (const [key, value] of c.added) {
      d.addFlinkConfiguration(key, value);
    }
  };
}

/** A FlinkSessionJob on a session cluster of the app, on one known by name, or on junk. */
export const sessionJobCase = balanced(
  fc.record({
    ...validPlace,
    target: fc.oneof(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('cluster' as const), props: validSessionClusterProps }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('name' as const), name: validName, namespace: fc.constant(undefined) }) },
    ),
    options: validSessionJobOptions,
  }).map((c: any) => ({ ...c, options: onStandaloneCluster(c.options, c.target.props?.backend) })),
  fc.record({ namespace: chartNamespace, id: constructId, target: sessionJobTarget, options: sessionJobOptions }),
);

/** Builds a `sessionJobCase`. */
export function buildSessionJob(c: any): (chart: Chart) => void {
  return (chart) => {
    const options = realize(c.options);
    switch (c.target.kind) {
      case 'cluster':
        new FlinkDeployment(chart, 'session', realize(c.target.props)).addSessionJob(c.id, options);
        break;
      case 'name':
        new FlinkSessionJob(chart, c.id, { ...options, deployment: FlinkDeployment.fromName(chart, 'ref', c.target.name, c.target.namespace) });
        break;
      default:
        new FlinkSessionJob(chart, c.id, { ...options, deployment: c.target.value });
    }
  };
}

/** A FlinkStateSnapshot of a deployment, a session job, a job known by name, no job or junk; by constructor or by `addSavepoint()`/`addCheckpoint()`. */
export const snapshotCase = balanced(
  fc.record({
    ...validPlace,
    target: fc.oneof(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('deployment' as const), props: validOperatorApplicationProps }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('sessionJob' as const), cluster: validOperatorSessionClusterProps, options: validSessionJobOptions }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('sessionJobName' as const), name: validName, namespace: fc.constant(undefined) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('deploymentName' as const), name: validName, namespace: fc.constant(undefined) }) },
    ),
    options: validSnapshotOptions,
    viaMethod: fc.boolean(),
  }),
  fc.record({
    namespace: chartNamespace,
    id: constructId,
    target: snapshotTarget,
    options: snapshotOptions,
    viaMethod: fc.boolean(),
  }),
);

/** Builds a `snapshotCase`. */
export function buildSnapshot(c: any): (chart: Chart) => void {
  return (chart) => {
    const options = realize(c.options);
    const add = (owner: FlinkDeployment | FlinkSessionJob): void => {
      const { type, ...rest } = options;
      if (type === SnapshotType.CHECKPOINT) {
        owner.addCheckpoint(c.id, rest);
      } else {
        owner.addSavepoint(c.id, rest);
      }
    };
    let job: any;
    switch (c.target.kind) {
      case 'deployment': {
        const d = new FlinkDeployment(chart, 'app', realize(c.target.props));
        if (c.viaMethod) {
          return add(d);
        }
        job = FlinkJobReference.fromDeployment(d);
        break;
      }
      case 'sessionJob': {
        const s = new FlinkDeployment(chart, 'session', realize(c.target.cluster)).addSessionJob('job', realize(c.target.options));
        if (c.viaMethod) {
          return add(s);
        }
        job = FlinkJobReference.fromSessionJob(s);
        break;
      }
      case 'sessionJobName':
        job = FlinkJobReference.fromSessionJobName(c.target.name, c.target.namespace);
        break;
      case 'deploymentName':
        job = FlinkJobReference.fromDeployment(FlinkDeployment.fromName(chart, 'ref', c.target.name, c.target.namespace));
        break;
      case 'junk':
        job = c.target.value;
        break;
      default:
        job = undefined;
    }
    const snapshot = new FlinkStateSnapshot(chart, c.id, { ...options, job });
    if (snapshot.alreadyExists && c.viaMethod) {
      // Restore a new application from it, as the README shows.
      new FlinkDeployment(chart, 'fork', { image: 'flink:2.2', flinkVersion: FlinkVersion.V2_2, job: FlinkStateSnapshot.restoreFrom(snapshot, { jarUri: 'local:///opt/flink/usrlib/job.jar', parallelism: 2 }) });
    }
  };
}

/** A FlinkBlueGreenDeployment. */
export const blueGreenCase = balanced(
  fc.record({ ...validPlace, props: validBlueGreenProps }),
  fc.record({ namespace: chartNamespace, id: constructId, props: blueGreenProps }),
);

/** Builds a `blueGreenCase`. */
export function buildBlueGreen(c: any): (chart: Chart) => void {
  return (chart) => {
    new FlinkBlueGreenDeployment(chart, c.id, realize(c.props));
  };
}

/** A FlinkOperator, alone or with an application validated against its configuration. */
export const operatorCase = balanced(
  fc.record({
    namespace: validPlace.namespace,
    props: validOperatorProps,
    application: fc.option(validOperatorApplicationProps, { nil: undefined, freq: 2 }),
  }),
  fc.record({
    namespace: chartNamespace,
    props: operatorProps,
    application: fc.option(applicationClusterProps, { nil: undefined, freq: 2 }),
  }),
);

/** Builds an `operatorCase`. */
export function buildOperator(c: any): (chart: Chart) => void {
  return (chart) => {
    new FlinkOperator(chart, 'operator', realize(c.props));
    if (c.application !== undefined) {
      new FlinkDeployment(chart, 'app', realize(c.application));
    }
  };
}

/** The properties, each with its share of the runs and its `Testing.app` based builder. */
export const PROPERTIES = [
  { name: 'FlinkDeployment', share: 0.3, arbitrary: deploymentCase, build: buildDeployment, given: (c: any) => c.props },
  { name: 'FlinkSessionJob', share: 0.15, arbitrary: sessionJobCase, build: buildSessionJob, given: (c: any) => [c.options, c.target.props] },
  { name: 'FlinkStateSnapshot', share: 0.2, arbitrary: snapshotCase, build: buildSnapshot, given: (c: any) => [c.options, c.target.props, c.target.cluster, c.target.options] },
  { name: 'FlinkBlueGreenDeployment', share: 0.15, arbitrary: blueGreenCase, build: buildBlueGreen, given: (c: any) => c.props },
  { name: 'FlinkOperator', share: 0.2, arbitrary: operatorCase, build: buildOperator, given: (c: any) => [c.props, c.application] },
] as const;

/** Cases run and failed so far in this process, per property. */
export const stats: { [property: string]: { cases: number; failures: number; outcomes: { [outcome: string]: number } } } = {};

/**
 * Runs one property for `runs` cases and throws fast-check's report (with
 * the shrunk counterexample and seed) when a case fails. `FUZZ_SEED`
 * replays a run; `FUZZ_REPORT` names a file the case counts are appended to.
 */
export function runProperty(name: string, runs: number): void {
  const property = PROPERTIES.find((p) => p.name === name)!;
  const entry = stats[name] ??= { cases: 0, failures: 0, outcomes: {} };
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  const outcomes: Outcome[] = [];
  const details = fc.check(fc.property(property.arbitrary as fc.Arbitrary<any>, (c) => {
    const outcome = checkCase(c.namespace, property.build(c));
    outcomes.push(outcome);
    if (outcome === 'synthesized') {
      checkSynthesized(c.namespace, property.build(c), property.given(c));
    }
  }), { numRuns: runs, seed });
  // The cases run, without the ones fast-check ran while shrinking a failure.
  for (const outcome of outcomes.slice(0, details.numRuns)) {
    entry.outcomes[outcome] = (entry.outcomes[outcome] ?? 0) + 1;
  }
  entry.cases += details.numRuns;
  entry.failures += details.failed ? 1 : 0;
  if (process.env.FUZZ_REPORT) {
    fs.appendFileSync(process.env.FUZZ_REPORT, JSON.stringify({ property: name, cases: details.numRuns, failed: details.failed, outcomes: entry.outcomes }) + '\n');
  }
  if (details.failed) {
    throw new Error(report(details));
  }
}

/** fast-check's report with long strings shortened and the error of the shrunk case. */
function report(details: fc.RunDetails<[unknown]>): string {
  const shorten = (value: unknown): unknown => {
    if (typeof value === 'string' && value.length > 120) {
      return `${value.slice(0, 40)}…(${value.length} chars)`;
    }
    if (Array.isArray(value)) {
      return value.map(shorten);
    }
    if (value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shorten(v)]));
    }
    return value;
  };
  const counterexample = details.counterexample ? fc.stringify(shorten(details.counterexample[0])) : 'none';
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return [
    `Property failed after ${details.numRuns} case(s), seed ${details.seed} (replay: FUZZ_SEED=${details.seed}), path ${JSON.stringify(details.counterexample ? details.counterexamplePath : null)}`,
    `Counterexample (long strings shortened): ${counterexample}`,
    `Error: ${error.slice(0, 3000)}`,
  ].join('\n');
}

/** The number of runs of each property for a total. */
export function runsOf(name: string, total: number): number {
  const share = PROPERTIES.find((p) => p.name === name)!.share;
  return Math.max(1, Math.round(total * share));
}

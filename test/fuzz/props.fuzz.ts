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
  FlinkBlueGreenDeployment, FlinkDeployment, FlinkJobReference, FlinkOperator, FlinkSessionJob, FlinkStateSnapshot,
  FlinkVersion, SnapshotType,
} from '../../src';
import { crdSchemaErrors, isFlinkResource } from '../support/crd-schema';

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

// ---------------------------------------------------------------------------
// The cases

/** A FlinkDeployment from props, plus configuration added later. */
export const deploymentCase = fc.record({
  namespace: chartNamespace,
  id: constructId,
  props: deploymentProps,
  added: fc.array(fc.tuple(fc.constantFrom('parallelism.default', 'taskmanager.numberOfTaskSlots', 'x'), fc.constantFrom<any>('2', 4, '4', null, { a: 1 })), { maxLength: 2 }),
});

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
export const sessionJobCase = fc.record({ namespace: chartNamespace, id: constructId, target: sessionJobTarget, options: sessionJobOptions });

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
export const snapshotCase = fc.record({
  namespace: chartNamespace,
  id: constructId,
  target: snapshotTarget,
  options: snapshotOptions,
  viaMethod: fc.boolean(),
});

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
export const blueGreenCase = fc.record({ namespace: chartNamespace, id: constructId, props: blueGreenProps });

/** Builds a `blueGreenCase`. */
export function buildBlueGreen(c: any): (chart: Chart) => void {
  return (chart) => {
    new FlinkBlueGreenDeployment(chart, c.id, realize(c.props));
  };
}

/** A FlinkOperator, alone or with an application validated against its configuration. */
export const operatorCase = fc.record({
  namespace: chartNamespace,
  props: operatorProps,
  application: fc.option(applicationClusterProps, { nil: undefined, freq: 2 }),
});

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
  { name: 'FlinkDeployment', share: 0.3, arbitrary: deploymentCase, build: buildDeployment },
  { name: 'FlinkSessionJob', share: 0.15, arbitrary: sessionJobCase, build: buildSessionJob },
  { name: 'FlinkStateSnapshot', share: 0.2, arbitrary: snapshotCase, build: buildSnapshot },
  { name: 'FlinkBlueGreenDeployment', share: 0.15, arbitrary: blueGreenCase, build: buildBlueGreen },
  { name: 'FlinkOperator', share: 0.2, arbitrary: operatorCase, build: buildOperator },
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
  const details = fc.check(fc.property(property.arbitrary as fc.Arbitrary<any>, (c) => {
    const outcome = checkCase(c.namespace, property.build(c));
    entry.outcomes[outcome] = (entry.outcomes[outcome] ?? 0) + 1;
  }), { numRuns: runs, seed });
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

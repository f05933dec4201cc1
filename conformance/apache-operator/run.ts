/**
 * `npm run test:conformance` / `npm run fuzz:conformance`: puts every case to
 * the library and to the operator's own classes (ValidatorMain, one JVM) and
 * compares: the same verdict, on rejection the same message, and the same
 * labels after the default mutator; then the re-implemented JDK, Quartz and
 * Flink behaviours against the real classes (behaviours.ts). Prints
 * `conformance: N cases, M agree, K documented differences` and exits
 * non-zero on any undocumented difference.
 *
 * Options: --deployments N (generated FlinkDeployments; 2/5 as many session
 * jobs and 1/5 as many snapshots are generated too; default 5000),
 * --seed S (default 15), --strings N (generated strings per behaviour;
 * default 10000), --no-tables (skip re-running the table tests).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { oneLine } from '../../src/manifest/_describe';
import { JvmOracle } from '../support/jvm-oracle';
import { ConformanceCase } from './case';
import { exampleCases, generatedCases, tableCases } from './cases';
import { runBehaviours } from './behaviours';
import { BEHAVIOUR_DIFFERENCES, explainingDifference, OracleAnswer } from './differences';
import { caseOperatorConfiguration, libraryAnswer, LibraryAnswer, OPERATOR_VERSION } from './library';

const BATCH = 500;

/** One compared case. */
interface Outcome {
  readonly case: ConformanceCase;
  readonly library: LibraryAnswer;
  readonly oracle: OracleAnswer;
  readonly agree: boolean;
  readonly documented?: string;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: {
    'deployments': { type: 'string', default: '5000' },
    'seed': { type: 'string', default: '15' },
    'no-tables': { type: 'boolean', default: false },
    'strings': { type: 'string', default: '10000' },
  } });
  const started = Date.now();
  const oracle = await JvmOracle.start({
    project: __dirname, mainClass: 'dev.cdk8sflink.conformance.ValidatorMain',
    jvmArgs: ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xshare:auto'],
  });
  try {
    const cases = [
      ...(values['no-tables'] ? [] : tableCases()),
      ...exampleCases(),
      ...generatedCases(Number(values.deployments), Number(values.seed)),
    ];
    const outcomes: Outcome[] = [];
    for (let i = 0; i < cases.length; i += BATCH) {
      const batch = cases.slice(i, i + BATCH);
      const answers: OracleAnswer[] = await Promise.all(batch.map((c) => oracle.ask({
        kind: c.kind, resource: admitted(c.resource), sessionDeployment: admitted(c.sessionDeployment), snapshotTarget: admitted(c.snapshotTarget),
        operatorConfiguration: caseOperatorConfiguration(c),
      })));
      batch.forEach((c, j) => outcomes.push(compare(c, answers[j])));
    }
    const resources = report(outcomes, (Date.now() - started) / 1000);
    await oracle.close();
    const behaviours = await reportBehaviours(Number(values.strings), Number(values.seed));
    const total = [resources, behaviours].reduce((a, b) => ({ cases: a.cases + b.cases, agree: a.agree + b.agree,
      documented: a.documented + b.documented, undocumented: a.undocumented + b.undocumented }));
    console.log(`conformance: ${total.cases} cases, ${total.agree} agree, ${total.documented} documented differences`
      + (total.undocumented > 0 ? `, ${total.undocumented} UNDOCUMENTED differences` : '')
      + ` (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return total.undocumented > 0 ? 1 : 0;
  } finally {
    await oracle.close();
  }
}

/** Runs the re-implemented behaviours against the real classes; prints one line each and a total. */
async function reportBehaviours(count: number, seed: number): Promise<Counts> {
  const started = Date.now();
  let cases = 0;
  let agree = 0;
  let documented = 0;
  let undocumented = 0;
  for (const outcome of await runBehaviours(count, seed)) {
    const explained = outcome.differences.filter((d) => BEHAVIOUR_DIFFERENCES.some((b) => b.type === outcome.type && b.explains(d.input, d.answer)));
    const unexplained = outcome.differences.filter((d) => !explained.includes(d));
    for (const d of unexplained.slice(0, 10)) {
      console.log(`UNDOCUMENTED ${outcome.type} ${JSON.stringify(d.input)}: library ${JSON.stringify(d.library)}, Java ${JSON.stringify(d.java)}`);
    }
    console.log(`behaviour ${outcome.java}: ${outcome.cases} strings, ${outcome.cases - outcome.differences.length} agree, `
      + `${explained.length} documented differences${unexplained.length > 0 ? `, ${unexplained.length} UNDOCUMENTED` : ''}`);
    cases += outcome.cases;
    agree += outcome.cases - outcome.differences.length;
    documented += explained.length;
    undocumented += unexplained.length;
  }
  console.log(`behaviours: ${cases} cases, ${agree} agree, ${documented} documented differences`
    + `${undocumented > 0 ? `, ${undocumented} UNDOCUMENTED differences` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { cases, agree, documented, undocumented };
}

/**
 * A resource as the operator receives it from the API server, which sets
 * `metadata.namespace` (the library checks a manifest without one as if in
 * `default`).
 */
function admitted(resource: any): any {
  if (resource === null || typeof resource !== 'object' || Array.isArray(resource)) {
    return resource;
  }
  const metadata = resource.metadata ?? {};
  return metadata.namespace === undefined ? { ...resource, metadata: { ...metadata, namespace: 'default' } } : resource;
}

function compare(c: ConformanceCase, oracle: OracleAnswer): Outcome {
  const library = libraryAnswer(c);
  const sameLabels = c.kind !== 'FlinkSessionJob' || JSON.stringify(sortKeys(library.mutatedLabels)) === JSON.stringify(sortKeys(oracle.mutatedLabels ?? undefined));
  const agree = library.verdict === oracle.verdict && sameLabels
    && (library.verdict === 'accept' || library.message === oneLine(oracle.message ?? ''));
  return { case: c, library, oracle, agree, documented: agree ? undefined : explainingDifference(c, library, oracle)?.id };
}

/** Counts of one part of the run. */
interface Counts {
  readonly cases: number;
  readonly agree: number;
  readonly documented: number;
  readonly undocumented: number;
}

function report(outcomes: Outcome[], seconds: number): Counts {
  const agree = outcomes.filter((o) => o.agree).length;
  const documented = outcomes.filter((o) => !o.agree && o.documented);
  const undocumented = outcomes.filter((o) => !o.agree && !o.documented);
  const byId = new Map<string, number>();
  documented.forEach((o) => byId.set(o.documented!, (byId.get(o.documented!) ?? 0) + 1));
  const target = path.join(__dirname, 'target', 'conformance-differences.jsonl');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, outcomes.filter((o) => !o.agree).map((o) => JSON.stringify(o)).join('\n') + '\n');
  for (const o of undocumented.slice(0, 15)) {
    console.log(`UNDOCUMENTED ${o.case.source}\n  library: ${o.library.verdict} ${o.library.message ?? ''}\n  operator: ${o.oracle.verdict} ${o.oracle.message ?? ''}`
      + (o.library.verdict === o.oracle.verdict && o.case.kind === 'FlinkSessionJob' ? `\n  labels: ${JSON.stringify(o.library.mutatedLabels)} vs ${JSON.stringify(o.oracle.mutatedLabels)}` : ''));
  }
  for (const [id, n] of byId) {
    console.log(`documented difference ${id}: ${n} case(s)`);
  }
  console.log(`operator ${OPERATOR_VERSION}; every difference: ${path.relative(process.cwd(), target)} (${seconds.toFixed(1)} s)`);
  console.log(`resources: ${outcomes.length} cases, ${agree} agree, ${documented.length} documented differences`
    + (undocumented.length > 0 ? `, ${undocumented.length} UNDOCUMENTED differences` : ''));
  return { cases: outcomes.length, agree, documented: documented.length, undocumented: undocumented.length };
}

function sortKeys(o: Record<string, string> | undefined): Record<string, string> | undefined {
  return o === undefined || o === null || Object.keys(o).length === 0 ? undefined : Object.fromEntries(Object.entries(o).sort());
}

main().then((code) => { process.exitCode = code; }, (error) => {
  console.error(`conformance: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});

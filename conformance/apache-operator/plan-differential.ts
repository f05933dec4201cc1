/**
 * Differential test of `cdk8s-flink plan`'s classification against the
 * operator's own `ReflectiveDiffBuilder` (and `FlinkBlueGreenDeploymentSpecDiff`):
 * seeded generated spec changes go through the port and, in one JVM, through
 * `dev.cdk8sflink.conformance.SpecDiffMain`; diff types and changed fields must agree.
 *
 * Usage: tsx conformance/apache-operator/plan-differential.ts [--runs N] [--seed S]
 * (default 5,000 cases). The Maven project beside this file is built when needed
 * (JvmOracle.classpath); one JVM answers every case. Prints
 * `plan conformance: N cases, M agree, K documented differences, U undocumented`
 * and exits 1 on any undocumented difference.
 */
import { spawnSync } from 'child_process';
import * as fc from 'fast-check';
import { blueGreenDiff, deploymentMode, specDiff } from '../../src/plan/_spec-diff';
import { JvmOracle } from '../support/jvm-oracle';
import { OracleAnswer, PLAN_DIFFERENCES } from './plan-differences';
import { SpecChangeCase, specChangeCase } from './spec-change-arbitraries';
import { OperatorVersion } from '../../src/operator-version';

const OPERATOR_VERSION = OperatorVersion.V1_16;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : Number(process.env[`PLAN_${name.slice(2).toUpperCase()}`] ?? fallback);
}

/** The port's answer, in the oracle's shape. */
export function portAnswer(c: SpecChangeCase): OracleAnswer {
  const mode = c.kind === 'FlinkSessionJob' ? c.mode ?? 'native' : deploymentMode(c.kind === 'FlinkDeployment' ? c.after : undefined);
  const result = specDiff(c.kind, c.before, c.after, mode, OPERATOR_VERSION);
  return {
    type: result.type,
    diffs: result.diffs.map((d) => ({ field: d.field, type: d.type })),
    ...(c.kind === 'FlinkBlueGreenDeployment' ? { blueGreen: blueGreenDiff(c.before, c.after, OPERATOR_VERSION) } : {}),
  };
}

function key(answer: OracleAnswer): string {
  if (answer.error) {
    return `error`;
  }
  const diffs = [...(answer.diffs ?? [])].map((d) => `${d.field}:${d.type}`).sort();
  return JSON.stringify([answer.type, diffs, answer.blueGreen ?? null]);
}

function main(): number {
  const runs = argument('--runs', 5000);
  const seed = argument('--seed', 20260318);
  const started = Date.now();
  // As JSON: the oracle and the port read the very same documents.
  const cases = fc.sample(specChangeCase, { seed, numRuns: runs }).map((c) => JSON.parse(JSON.stringify(c)) as SpecChangeCase);
  const input = cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
  const classpath = JvmOracle.classpath(__dirname);
  const jvm = spawnSync('java', ['-cp', classpath, 'dev.cdk8sflink.conformance.SpecDiffMain'], { input, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (jvm.status !== 0) {
    console.error(jvm.stderr);
    console.error(`plan conformance: the oracle failed (${jvm.error?.message ?? `exit ${jvm.status}`})`);
    return 2;
  }
  const answers = jvm.stdout.trim().split('\n').map((line) => JSON.parse(line) as OracleAnswer);
  if (answers.length !== cases.length) {
    console.error(`plan conformance: ${cases.length} cases, ${answers.length} answers`);
    return 2;
  }
  let agree = 0;
  let documented = 0;
  const undocumented: string[] = [];
  cases.forEach((c, i) => {
    const oracle = answers[i];
    const port = portAnswer(c);
    if (key(oracle) === key(port)) {
      agree++;
    } else if (PLAN_DIFFERENCES.some((d) => d.applies(c, oracle))) {
      documented++;
    } else {
      undocumented.push(`case ${i}: ${JSON.stringify(c)}\n  oracle: ${JSON.stringify(oracle)}\n  port:   ${JSON.stringify(port)}`);
    }
  });
  for (const u of undocumented.slice(0, 10)) {
    console.error(u);
  }
  const types = new Map<string, number>();
  answers.forEach((a) => types.set(a.type ?? 'error', (types.get(a.type ?? 'error') ?? 0) + 1));
  console.log(`plan conformance: ${cases.length} cases, ${agree} agree, ${documented} documented differences, ${undocumented.length} undocumented `
    + `(oracle types: ${[...types].map(([t, n]) => `${t} ${n}`).join(', ')}; seed ${seed}; ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return undocumented.length === 0 ? 0 : 1;
}

if (require.main === module) {
  process.exitCode = main();
}

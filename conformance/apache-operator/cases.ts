/** The cases of a conformance run: the table tests, the upstream examples, the generated resources. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { generatedCases } from './arbitraries';
import { ConformanceCase } from './case';

const ROOT = path.join(__dirname, '..', '..');
/** The vendored upstream example sets: release 1.15.0 and the 1.16 line (each with its provenance). */
const EXAMPLE_SETS: ReadonlyArray<readonly [string, string]> = [
  ['1.15.0', path.join(ROOT, 'test', 'fixtures', 'apache-flink-kubernetes-operator', 'examples')],
  ['1.16', path.join(ROOT, 'test', 'fixtures', 'apache-flink-kubernetes-operator-1.16', 'examples')],
];
const KINDS = ['FlinkDeployment', 'FlinkSessionJob', 'FlinkStateSnapshot'];

/**
 * Every resource the table-driven DefaultValidator tests validate, recorded
 * by re-running them under tables/jest.record.config.js.
 */
export function tableCases(): ConformanceCase[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-conformance-'));
  const file = path.join(dir, 'tables.jsonl');
  try {
    const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest', { paths: [ROOT] }),
      '--config', path.join(__dirname, 'tables', 'jest.record.config.js'), '--silent', '--runInBand'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CONFORMANCE_RECORD: file } });
    if (jest.status !== 0) {
      throw new Error(`the table tests failed:\n${jest.stderr.toString('utf8').slice(-3000)}`);
    }
    return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Every Flink resource of the upstream examples of every set; a session job
 * gets the session cluster of the same file, a snapshot the job it names.
 */
export function exampleCases(): ConformanceCase[] {
  return EXAMPLE_SETS.flatMap(([set, dir]) => exampleSetCases(set, dir));
}

function exampleSetCases(set: string, dir: string): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const file of yamlFiles(dir)) {
    const docs = parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS()).filter((d) => d && KINDS.includes(d.kind));
    const named = (kind: string, name: unknown) => docs.find((d) => d.kind === kind && d.metadata?.name === name);
    for (const doc of docs) {
      const source = `example ${set}: ${path.relative(dir, file)}: ${doc.kind}/${doc.metadata?.name}`;
      cases.push({
        source, kind: doc.kind, resource: doc,
        sessionDeployment: doc.kind === 'FlinkSessionJob' ? named('FlinkDeployment', doc.spec?.deploymentName) : undefined,
        snapshotTarget: doc.kind === 'FlinkStateSnapshot' ? named(doc.spec?.jobReference?.kind, doc.spec?.jobReference?.name) : undefined,
      });
    }
  }
  return cases;
}

/** Generated cases: `deployments` FlinkDeployments, 2/5 as many session jobs, 1/5 as many snapshots. */
export { generatedCases };

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(e.name) ? [p] : [];
  }).sort();
}

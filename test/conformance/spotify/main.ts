/**
 * `npm run test:conformance:spotify`: the library's FlinkCluster checks
 * against the spotify operator's real webhook code (see ./oracle.ts) on
 * every upstream sample, every FlinkCluster the library renders from the
 * Apache operator's examples, and SPOTIFY_CONFORMANCE_RUNS (default 5,000)
 * generated documents (seed SPOTIFY_CONFORMANCE_SEED, default 22). Prints
 * `spotify conformance: N cases, M agree, K documented differences` and
 * exits non-zero on any undocumented difference.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import * as fc from 'fast-check';
import { parse, parseAllDocuments } from 'yaml';
import { flinkClusters } from './arbitraries';
import { compare, libraryAnswer, oracleObject, Outcome } from './compare';
import { DOCUMENTED_DIFFERENCES } from './differences';
import { askOracle, buildOracle } from './oracle';
import { isFlinkCluster } from '../../../src/render/spotify/_crd';
import { toFlinkCluster } from '../../../src/render/spotify/_flink-cluster';
import { upstreamDocuments, upstreamExampleFiles } from '../../support/upstream';

const ROOT = path.join(__dirname, '..', '..', '..');
const VENDORED_CRD = path.join(ROOT, 'imports', 'spotify-flink-on-k8s-operator', 'flinkoperator.k8s.io_flinkclusters.yaml');

interface Case {
  readonly id: string;
  readonly document: any;
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Every FlinkCluster of the upstream samples: the vendored fixtures and the module's own files. */
function sampleCases(moduleDir: string): Case[] {
  const roots: Array<[string, string]> = [
    ['fixtures', path.join(ROOT, 'test', 'fixtures', 'spotify-flink-on-k8s-operator')],
    ['module', path.join(moduleDir, 'config', 'samples')],
    ['module', path.join(moduleDir, 'examples')],
    ['module', path.join(moduleDir, 'apis', 'flinkcluster', 'v1beta1', 'assets')],
  ];
  const seen = new Set<string>();
  const out: Case[] = [];
  for (const [label, root] of roots) {
    for (const file of yamlFiles(root)) {
      parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS()).filter(isFlinkCluster).forEach((document, i) => {
        const key = JSON.stringify(document);
        if (!seen.has(key)) {
          seen.add(key);
          out.push({ id: `sample ${label}:${path.relative(root, file)}#${i}`, document });
        }
      });
    }
  }
  return out;
}

/** The FlinkCluster the library renders from each Apache operator example FlinkDeployment. */
function apacheRenderCases(): Case[] {
  return upstreamExampleFiles().flatMap((file) => upstreamDocuments(file)
    .filter((d) => d.kind === 'FlinkDeployment')
    .map((d, i) => ({ id: `apache-render ${file}#${i}`, document: toFlinkCluster(d).cluster })));
}

function generatedCases(runs: number, seed: number): Case[] {
  return fc.sample(flinkClusters, { numRuns: runs, seed }).map((document, i) => ({ id: `generated ${seed}:${i}`, document }));
}

/** The v0.6.0 CRD must differ from the vendored one only by the documented savepointFormatType default. */
function checkCrd(moduleDir: string): string | undefined {
  const schemaOf = (file: string) => parse(fs.readFileSync(file, 'utf8')).spec.versions.find((v: any) => v.name === 'v1beta1').schema.openAPIV3Schema;
  const module = schemaOf(path.join(moduleDir, 'config', 'crd', 'bases', 'flinkoperator.k8s.io_flinkclusters.yaml'));
  const vendored = schemaOf(VENDORED_CRD);
  const format = module.properties.spec.properties.job.properties.savepointFormatType;
  if (format.default !== undefined) {
    delete format.default;
    if (isDeepStrictEqual(module, vendored)) {
      return DOCUMENTED_DIFFERENCES.savepointFormatDefault.id;
    }
  }
  return isDeepStrictEqual(module, vendored) ? undefined : 'the module\'s CRD differs from the vendored one by more than the documented savepointFormatType default';
}

function main(): number {
  const started = Date.now();
  const runs = Number(process.env.SPOTIFY_CONFORMANCE_RUNS ?? '5000');
  const seed = Number(process.env.SPOTIFY_CONFORMANCE_SEED ?? '22');
  const oracle = buildOracle();
  const built = Date.now();

  const crd = checkCrd(oracle.moduleDir);
  if (crd !== undefined && crd !== DOCUMENTED_DIFFERENCES.savepointFormatDefault.id) {
    console.error(`spotify conformance: ${crd}`);
    return 1;
  }
  const cases = [...sampleCases(oracle.moduleDir), ...apacheRenderCases(), ...generatedCases(runs, seed)];
  const libraryAnswers = cases.map((c) => libraryAnswer(c.document));
  const requests = cases.map((c, i) => ({ id: c.id, object: oracleObject(c.document), canonical: libraryAnswers[i].defaulted }));
  const answers = askOracle(oracle, VENDORED_CRD, requests);
  const outcomes: Array<Case & Outcome> = cases.map((c, i) => ({ ...c, ...compare(c.document, libraryAnswers[i], answers[i]) }));

  const byKind = new Map<string, number>();
  outcomes.forEach((o) => byKind.set(o.kind, (byKind.get(o.kind) ?? 0) + 1));
  const differ = outcomes.filter((o) => o.kind === 'differ');
  const agree = byKind.get('agree') ?? 0;
  const documented = outcomes.length - agree - differ.length;

  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spotify-conformance-')), 'report.jsonl');
  fs.writeFileSync(report, outcomes.map((o, i) => JSON.stringify({ ...o, oracle: answers[i] })).join('\n') + '\n');
  for (const o of differ.slice(0, 20)) {
    console.log(`DIFFERENT ${o.id}: ${o.detail}\n  document: ${JSON.stringify(o.document)}`);
  }
  const kinds = [...byKind.entries()].filter(([k]) => k !== 'agree' && k !== 'differ').map(([k, n]) => `${k} ${n}`);
  console.log(`spotify conformance: operator module ${oracle.version}${crd ? ` (CRD: ${crd})` : ''}; `
    + `samples ${cases.filter((c) => c.id.startsWith('sample')).length}, Apache renders ${cases.filter((c) => c.id.startsWith('apache')).length}, `
    + `generated ${runs} (seed ${seed}); documented: ${kinds.join(', ') || 'none'}; report ${report}; `
    + `build ${((built - started) / 1000).toFixed(1)} s, total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`spotify conformance: ${outcomes.length} cases, ${agree} agree, ${documented} documented differences`
    + (differ.length > 0 ? `, ${differ.length} UNDOCUMENTED DIFFERENCES` : ''));
  return differ.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (e) {
  console.error(`spotify conformance: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}

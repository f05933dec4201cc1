/**
 * `npm run test:bindings`: the Python, Java and Go packages (dist/, built by
 * `npm run package-all` if missing or stale) are installed in scratch
 * projects in a temporary directory with each language's own tools and
 * registries; each runs the README quick start, whose YAML must be
 * byte-identical to the TypeScript quick start's, and a hooks program (a
 * validator rejecting the image, a mutator, a listener and a snapshot
 * validator written in that language), whose failure output must carry the
 * hooks' lines. Prints `bindings: python ok, java ok, go ok; yaml identical`
 * and exits non-zero on any failure.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Go, Java, Language, LanguageContext, Python, TypeScript } from './languages';
import { ensurePackages } from './packages';
import { tail } from './process';
import { readmeDifferences } from './readme';

const ROOT = path.join(__dirname, '..', '..');
const say = (line: string) => console.log(`bindings: ${line}`);

/** What the hooks program must print in every language, besides failing. */
const HOOK_LINES = [
  // The validator's message, in the synth error.
  "[flink-jobs/wc] image 'flink:1.20' is not from registry.example.com",
  // The listener saw the failure, and the manifest carries the mutator's label.
  "listener: flink-jobs/wc cost-center=data: image 'flink:1.20' is not from registry.example.com",
  // The snapshot validator saw the FlinkStateSnapshot and its target.
  'snapshot validator: FlinkDeployment/wordcount found=True',
];

/** The files a synth wrote, by name. */
function rendered(outdir: string): Map<string, string> {
  const files = fs.existsSync(outdir) ? fs.readdirSync(outdir).sort() : [];
  return new Map(files.map((f) => [f, fs.readFileSync(path.join(outdir, f), 'utf8')]));
}

function sameFiles(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([name, text]) => b.get(name) === text);
}

/** Sets up one language and runs its two programs; returns the problems found. */
function check(language: Language, dir: string, reference: Map<string, string>): string[] {
  const started = Date.now();
  fs.mkdirSync(dir, { recursive: true });
  try {
    language.setUp(dir);
  } catch (e) {
    return [`set-up: ${(e as Error).message}`];
  }
  const setUp = (Date.now() - started) / 1000;
  const problems: string[] = [];
  const quickStart = language.run('quickstart', path.join(dir, 'out-quickstart'));
  const yaml = rendered(path.join(dir, 'out-quickstart'));
  if (quickStart.status !== 0) {
    problems.push(`quick start exited ${quickStart.status}:\n${tail(quickStart.output)}`);
  } else if (!sameFiles(yaml, reference)) {
    problems.push(`quick start YAML differs from the TypeScript quick start's (${[...yaml.keys()].join(', ') || 'no file'}; see ${dir}/out-quickstart)`);
  }
  const hook = language.run('hook', path.join(dir, 'out-hook'));
  const missing = HOOK_LINES.filter((line) => !hook.output.includes(line));
  if (hook.status === 0) {
    problems.push('hooks program succeeded, but its validator rejects the image');
  }
  if (missing.length > 0) {
    problems.push(`hooks program output lacks ${missing.map((l) => JSON.stringify(l)).join(', ')}:\n${tail(hook.output)}`);
  }
  if (rendered(path.join(dir, 'out-hook')).size > 0) {
    problems.push('hooks program wrote YAML although validation failed');
  }
  say(`${language.name}: set-up ${setUp.toFixed(0)} s, quick start ${quickStart.seconds.toFixed(1)} s, hooks ${hook.seconds.toFixed(1)} s${problems.length ? ' FAILED' : ''}`);
  return problems;
}

function main(): number {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-bindings-'));
  const log = path.join(tmp, 'bindings.log');
  const failures: string[] = [];

  const readme = readmeDifferences(ROOT);
  failures.push(...readme.map((p) => `readme: ${p}`));

  let packages;
  try {
    packages = ensurePackages(ROOT, log, say);
  } catch (e) {
    console.error(`bindings: ${(e as Error).message}`);
    console.log('bindings: python FAILED, java FAILED, go FAILED (no packages)');
    return 1;
  }
  const context: LanguageContext = { root: ROOT, packages, log };

  const typescript = new TypeScript(context);
  const tsDir = path.join(tmp, 'typescript');
  fs.mkdirSync(tsDir);
  typescript.setUp(tsDir);
  const tsRun = typescript.run('quickstart', path.join(tsDir, 'out'));
  const reference = rendered(path.join(tsDir, 'out'));
  if (tsRun.status !== 0 || reference.size === 0) {
    console.error(`bindings: the TypeScript quick start failed:\n${tail(tsRun.output)}`);
    return 1;
  }

  const verdicts: string[] = [];
  for (const language of [new Python(context), new Java(context), new Go(context)]) {
    const problems = check(language, path.join(tmp, language.name), reference);
    verdicts.push(`${language.name} ${problems.length ? 'FAILED' : 'ok'}`);
    failures.push(...problems.map((p) => `${language.name}: ${p}`));
  }
  for (const failure of failures) {
    console.error(`bindings: ${failure}`);
  }
  const yamlOk = !failures.some((f) => /YAML differs|quick start exited/.test(f));
  const bytes = [...reference.values()].reduce((n, text) => n + Buffer.byteLength(text), 0);
  say(`${verdicts.join(', ')}; yaml ${yamlOk ? `identical (${bytes} bytes)` : 'NOT identical'}; readme ${readme.length ? 'differs' : 'matches'} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (failures.length > 0) {
    say(`scratch projects and the log kept in ${tmp}`);
    return 1;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  return 0;
}

process.exitCode = main();

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseCommandArgs } from './_args';
import { readCdk8sConfig } from './_cdk8s-config';
import { UsageError } from './_usage-error';

/** Usage of `cdk8s-flink synth`. */
export const SYNTH_USAGE = `Usage: cdk8s-flink synth [--app CMD] [--output DIR]

Runs the cdk8s app into a temporary directory and, only when it succeeds,
replaces the content of the output directory with what it wrote (files of
charts that no longer exist disappear) and lists the files added, changed and
removed. The directory itself is kept (its mode, and a symlink stays a
symlink). When the app fails, writes no file, or ignores CDK8S_OUTDIR, the
output directory is left untouched, the app's errors are printed (validation
errors without a stack trace) and the exit code is 1.

  --app CMD      the command that runs the app (default: "app" of ./cdk8s.yaml)
  --output DIR   the output directory (default: "output" of ./cdk8s.yaml, else dist)`;

/** The outcome of one synth run. */
export interface SynthOutcome {
  readonly exitCode: number;
  /** Files written, relative to the output directory. */
  readonly files: string[];
}

/**
 * Runs `cdk8s-flink synth` with the given arguments (after the command name).
 * The app's own output goes to the given streams.
 */
export function synthCommand(argv: string[], cwd: string, out: (s: string) => void, err: (s: string) => void): SynthOutcome {
  const args = parseSynthArgs(argv);
  if (args.help) {
    out(SYNTH_USAGE + '\n');
    return { exitCode: 0, files: [] };
  }
  const config = readCdk8sConfig(cwd);
  const app = args.app ?? config.app;
  if (!app) {
    throw new UsageError('no app to run: pass --app CMD or run in a directory whose cdk8s.yaml has "app"');
  }
  const output = path.resolve(cwd, args.output ?? config.output ?? 'dist');
  const shown = path.relative(cwd, output) || '.';
  // A symlinked output directory stays a symlink: its target's content is replaced.
  const target = realTarget(output);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.dirname(target), `.${path.basename(target)}.synth-`));
  const before = fingerprint(target);
  try {
    const run = spawnSync(app, {
      cwd,
      shell: true,
      encoding: 'utf8',
      env: { ...process.env, CDK8S_OUTDIR: staging, CDK8S_CHECK_UPGRADE: 'false' },
      maxBuffer: 256 * 1024 * 1024,
    });
    out(run.stdout ?? '');
    err(withoutValidationStack(run.stderr ?? ''));
    if (run.error || run.status !== 0) {
      const why = run.error ? run.error.message : run.signal ? `killed by ${run.signal}` : `exit code ${run.status}`;
      err(`cdk8s-flink: the app failed (${why}); ${shown} is unchanged\n`);
      return { exitCode: 1, files: [] };
    }
    const files = listFiles(staging);
    if (files.length === 0) {
      const wroteItself = fingerprint(target) !== before;
      err(`cdk8s-flink: the app wrote no file to CDK8S_OUTDIR${wroteItself ? ` but changed ${shown} itself` : ''}: `
        + 'it must not set `outdir` in `new App()` (cdk8s then reads CDK8S_OUTDIR); '
        + `${wroteItself ? 'nothing was replaced' : `${shown} is unchanged`}\n`);
      return { exitCode: 1, files: [] };
    }
    const changes = replaceContent(target, staging);
    out(`cdk8s-flink: wrote ${files.length} file(s) to ${shown}: ${changes.summary}\n${changes.lines}`);
    return { exitCode: 0, files };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The directory whose content is replaced: the output itself, or the directory a symlink points to. */
function realTarget(output: string): string {
  try {
    return fs.realpathSync(output);
  } catch {
    return output;
  }
}

/** The names, sizes and modification times below a directory, to notice an app that wrote there itself. */
function fingerprint(dir: string): string {
  if (!fs.existsSync(dir)) {
    return '';
  }
  return listFiles(dir).map((f) => {
    const stat = fs.statSync(path.join(dir, f));
    return `${f}:${stat.size}:${stat.mtimeMs}`;
  }).join('\n');
}

/** What a synth changed in the output directory, for the user. */
interface ContentChanges {
  /** e.g. `2 added, 1 changed, 1 removed, 3 unchanged` */
  readonly summary: string;
  /** One `  + file` / `  ~ file` / `  - file` line per change. */
  readonly lines: string;
}

/**
 * Replaces the content of the output directory with the staged files,
 * keeping the directory itself (its mode, owner, and any symlink to it):
 * the old entries are moved aside first and removed only after every new
 * entry is in place, so a failure puts the old content back.
 */
function replaceContent(output: string, staging: string): ContentChanges {
  const changes = compare(output, staging);
  fs.mkdirSync(output, { recursive: true });
  const aside = fs.mkdtempSync(path.join(path.dirname(output), `.${path.basename(output)}.previous-`));
  const old = fs.readdirSync(output);
  const placed: string[] = [];
  try {
    old.forEach((name) => fs.renameSync(path.join(output, name), path.join(aside, name)));
    for (const name of fs.readdirSync(staging)) {
      fs.renameSync(path.join(staging, name), path.join(output, name));
      placed.push(name);
    }
  } catch (e) {
    placed.forEach((name) => fs.rmSync(path.join(output, name), { recursive: true, force: true }));
    fs.readdirSync(aside).forEach((name) => fs.renameSync(path.join(aside, name), path.join(output, name)));
    fs.rmSync(aside, { recursive: true, force: true });
    throw e;
  }
  fs.rmSync(aside, { recursive: true, force: true });
  return changes;
}

function compare(output: string, staging: string): ContentChanges {
  const before = new Set(fs.existsSync(output) ? listFiles(output) : []);
  const after = listFiles(staging);
  const added = after.filter((f) => !before.has(f));
  const changed = after.filter((f) => before.has(f) && !fs.readFileSync(path.join(output, f)).equals(fs.readFileSync(path.join(staging, f))));
  const removed = [...before].filter((f) => !after.includes(f)).sort();
  const unchanged = after.length - added.length - changed.length;
  const lines = [
    ...added.map((f) => `  + ${f}\n`),
    ...changed.map((f) => `  ~ ${f}\n`),
    ...removed.map((f) => `  - ${f}\n`),
  ].join('');
  return { summary: `${added.length} added, ${changed.length} changed, ${removed.length} removed, ${unchanged} unchanged`, lines };
}

/**
 * The app's stderr without the stack trace of cdk8s' validation error: the
 * list of `[construct/path] message` lines is what the user acts on. Any
 * other failure (a bug) keeps its stack.
 */
function withoutValidationStack(stderr: string): string {
  const lines = stderr.split('\n');
  const start = lines.findIndex((l) => /^Error: Validation failed with the following errors:/.test(l));
  if (start < 0) {
    return stderr;
  }
  const errors = lines.slice(start + 1);
  const end = errors.findIndex((l) => !/^\s+\[/.test(l) && !/^\s*$/.test(l));
  const kept = (end < 0 ? errors : errors.slice(0, end)).filter((l) => l.trim() !== '');
  return [...lines.slice(0, start).filter((l) => !isStackNoise(l)), lines[start], ...kept].join('\n') + '\n';
}

/** The source excerpt Node prints above an uncaught error. */
function isStackNoise(line: string): boolean {
  return /^\/.*:\d+$/.test(line) || /^\s*\^+\s*$/.test(line) || /^\s+throw /.test(line) || line.trim() === '';
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => e.isDirectory() ? listFiles(path.join(dir, e.name), path.join(prefix, e.name)) : [path.join(prefix, e.name)]);
}

function parseSynthArgs(argv: string[]): { help: boolean; app?: string; output?: string } {
  const { values } = parseCommandArgs({
    args: argv,
    options: { help: { type: 'boolean', short: 'h' }, app: { type: 'string', short: 'a' }, output: { type: 'string', short: 'o' } },
  });
  return { help: values.help ?? false, app: values.app, output: values.output };
}

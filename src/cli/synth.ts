import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { readCdk8sConfig } from './_cdk8s-config';
import { UsageError } from './_usage-error';

/** Usage of `cdk8s-flink synth`. */
export const SYNTH_USAGE = `Usage: cdk8s-flink synth [--app CMD] [--output DIR]

Runs the cdk8s app into a temporary directory and, only when it succeeds,
replaces the content of the output directory with what it wrote (files of
charts that no longer exist disappear). When the app fails, the output
directory is left untouched, the app's errors are printed and the exit code is 1.

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
  const parent = path.dirname(output);
  fs.mkdirSync(parent, { recursive: true });
  const staging = fs.mkdtempSync(path.join(parent, `.${path.basename(output)}.synth-`));
  try {
    const run = spawnSync(app, {
      cwd,
      shell: true,
      encoding: 'utf8',
      env: { ...process.env, CDK8S_OUTDIR: staging, CDK8S_CHECK_UPGRADE: 'false' },
      maxBuffer: 256 * 1024 * 1024,
    });
    out(run.stdout ?? '');
    err(run.stderr ?? '');
    if (run.error || run.status !== 0) {
      const why = run.error ? run.error.message : run.signal ? `killed by ${run.signal}` : `exit code ${run.status}`;
      err(`cdk8s-flink: the app failed (${why}); ${path.relative(cwd, output) || '.'} is unchanged\n`);
      return { exitCode: 1, files: [] };
    }
    const files = listFiles(staging);
    replaceDirectory(output, staging);
    out(`cdk8s-flink: wrote ${files.length} file(s) to ${path.relative(cwd, output) || '.'}\n`);
    return { exitCode: 0, files };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Puts the staged directory in place of the output directory: the old
 * content is moved aside first and removed only after the swap, so a crash
 * leaves either the old or the new content, never a mix.
 */
function replaceDirectory(output: string, staging: string): void {
  const previous = `${staging}.previous`;
  const hadOutput = fs.existsSync(output);
  if (hadOutput) {
    fs.renameSync(output, previous);
  }
  try {
    fs.renameSync(staging, output);
  } catch (e) {
    if (hadOutput) {
      fs.renameSync(previous, output);
    }
    throw e;
  }
  fs.rmSync(previous, { recursive: true, force: true });
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => e.isDirectory() ? listFiles(path.join(dir, e.name), path.join(prefix, e.name)) : [path.join(prefix, e.name)]);
}

function parseSynthArgs(argv: string[]): { help: boolean; app?: string; output?: string } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' }, app: { type: 'string', short: 'a' }, output: { type: 'string', short: 'o' } },
    });
    return { help: values.help ?? false, app: values.app, output: values.output };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * Runs one command of the bindings test, its output kept in a log file so
 * that a failure can show it.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';

/** What a command did. */
export interface CommandResult {
  readonly status: number;
  /** stdout and stderr, interleaved as written. */
  readonly output: string;
  readonly seconds: number;
}

/** Options of one command. */
export interface CommandOptions {
  readonly cwd: string;
  readonly env?: Record<string, string>;
  /** Appended to with the command line and its output. */
  readonly log: string;
}

/** Runs `command args…` and returns its status and output; never throws. */
export function run(command: string, args: readonly string[], options: CommandOptions): CommandResult {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = (result.stdout ?? '') + (result.stderr ?? '') + (result.error ? `${result.error.message}\n` : '');
  fs.appendFileSync(options.log, `$ ${[command, ...args].join(' ')}  (in ${options.cwd})\n${output}\n`);
  return { status: result.status ?? 1, output, seconds: (Date.now() - started) / 1000 };
}

/** The last lines of a text, for a failure message. */
export function tail(text: string, lines = 25): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

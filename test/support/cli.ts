import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';

/** Runs `cdk8s-flink` in-process: exit code and what it wrote. */
export function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(argv, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

/** A new empty temporary directory. */
export function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-cli-'));
}

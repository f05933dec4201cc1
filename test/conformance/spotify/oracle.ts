/**
 * The spotify operator oracle (conformance/spotify-operator): a Go program
 * on the `github.com/spotify/flink-on-k8s-operator` module, built once per
 * module version into a cache outside the repository, answering JSON lines
 * with what the API server's CRD handling and the operator's webhooks say.
 */
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The Go program's directory. */
export const ORACLE_DIR = path.join(__dirname, '..', '..', '..', 'conformance', 'spotify-operator');

/** The operator module the oracle is built on. */
export const OPERATOR_MODULE = 'github.com/spotify/flink-on-k8s-operator';

/** A webhook's (or the API server's) answer. */
export interface Verdict {
  readonly allowed: boolean;
  readonly message?: string;
}

/** One answer of the oracle. */
export interface OracleAnswer {
  readonly id: string;
  /** The object as the validating webhook receives it (CRD pruning and defaults, mutating webhook). */
  readonly defaulted?: any;
  /** `defaulted` as the operator's Go types encode it. */
  readonly defaultedCanonical?: any;
  /** The request's `canonical` object as the operator's Go types encode it (absent when it does not decode). */
  readonly canonical?: any;
  /** The CRD schema's errors (`field.Error` texts). */
  readonly schemaErrors: string[];
  /** The create verdict: the mutating webhook's denial, or the validating webhook's answer. */
  readonly create?: Verdict;
  /** The update verdict, when a base was given. */
  readonly update?: Verdict;
  /** The oracle could not answer (a harness problem). */
  readonly error?: string;
}

/** One question to the oracle. */
export interface OracleRequest {
  readonly id: string;
  readonly object: unknown;
  readonly base?: unknown;
  /** An object to answer in the Go types' encoding. */
  readonly canonical?: unknown;
}

/** The built oracle: its binary, the module version and directory it was built from. */
export interface Oracle {
  readonly binary: string;
  readonly version: string;
  readonly moduleDir: string;
}

function go(args: string[]): string {
  return execFileSync('go', args, { cwd: ORACLE_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/**
 * Builds the oracle unless the cache already holds it for this module
 * version and these sources (`~/.cache/cdk8s-flink/spotify-oracle/<version>/<hash>`).
 */
export function buildOracle(): Oracle {
  const { Version: version, Dir: moduleDir } = JSON.parse(go(['list', '-m', '-json', OPERATOR_MODULE]));
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(ORACLE_DIR).filter((f) => /\.(go|mod|sum)$/.test(f)).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(ORACLE_DIR, file)));
  }
  const cacheRoot = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  const dir = path.join(cacheRoot, 'cdk8s-flink', 'spotify-oracle', version);
  const binary = path.join(dir, `oracle-${hash.digest('hex').substring(0, 16)}`);
  if (!fs.existsSync(binary)) {
    fs.mkdirSync(dir, { recursive: true });
    go(['build', '-o', `${binary}.tmp`, '.']);
    fs.renameSync(`${binary}.tmp`, binary);
  }
  return { binary, version, moduleDir };
}

/** Asks the oracle every question in one run; answers in the same order. */
export function askOracle(oracle: Oracle, crdFile: string, requests: OracleRequest[]): OracleAnswer[] {
  const input = requests.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const run = spawnSync(oracle.binary, ['-crd', crdFile], { input, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (run.status !== 0) {
    throw new Error(`the oracle exited ${run.status}: ${run.stderr}`);
  }
  const answers: OracleAnswer[] = run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));
  if (answers.length !== requests.length || answers.some((a, i) => a.id !== requests[i].id)) {
    throw new Error(`the oracle answered ${answers.length} of ${requests.length} questions out of order`);
  }
  return answers;
}

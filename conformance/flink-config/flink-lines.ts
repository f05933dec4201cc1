/**
 * The Flink lines the typed settings are checked against, each with the
 * flink-core release Maven Central serves for it, and one class path per
 * release: different flink-core versions cannot share a JVM.
 *
 * Class paths and compiled classes are cached outside the repository, in
 * `$CDK8S_FLINK_CACHE` (default `~/.cache/cdk8s-flink`)`/flink-config/`.
 */
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JvmOracle } from '../support/jvm-oracle';

/** One supported Flink line and the flink-core release that stands for it. */
export interface FlinkLine {
  /** `major.minor`, e.g. `1.20`. */
  readonly line: string;
  /** The flink-core release, e.g. `1.20.5`. */
  readonly release: string;
  /**
   * Maven profiles the line needs: Flink 1.19 defines the
   * `execution.checkpointing.*` options in flink-streaming-java.
   */
  readonly profiles: readonly string[];
}

/** The newest patch release of each line on Maven Central (checked with `mvn dependency:get`). */
export const FLINK_LINES: readonly FlinkLine[] = [
  { line: '1.19', release: '1.19.3', profiles: ['streaming'] },
  { line: '1.20', release: '1.20.5', profiles: [] },
  { line: '2.0', release: '2.0.2', profiles: [] },
  { line: '2.1', release: '2.1.3', profiles: [] },
  { line: '2.2', release: '2.2.1', profiles: [] },
  { line: '2.3', release: '2.3.0', profiles: [] },
];

const PROJECT = __dirname;
const MAIN_CLASS = 'dev.cdk8sflink.conformance.FlinkConfigOracle';
const CACHE = path.join(process.env.CDK8S_FLINK_CACHE ?? path.join(os.homedir(), '.cache', 'cdk8s-flink'), 'flink-config');

/** Starts one JVM answering for the line's flink-core release. */
export async function startOracle(line: FlinkLine): Promise<JvmOracle> {
  return JvmOracle.start({ project: PROJECT, mainClass: MAIN_CLASS, classpath: classpath(line) });
}

/** The sha256 of the line's flink-core jar (for the provenance of generated data). */
export function flinkCoreSha256(line: FlinkLine): string {
  const jar = dependencyClasspath(line).split(path.delimiter).find((p) => path.basename(p) === `flink-core-${line.release}.jar`);
  if (!jar) {
    throw new Error(`flink-core-${line.release}.jar is not on the class path of Flink ${line.line}`);
  }
  return createHash('sha256').update(fs.readFileSync(jar)).digest('hex');
}

function classpath(line: FlinkLine): string {
  return [compiledClasses(line), dependencyClasspath(line)].join(path.delimiter);
}

/** The dependencies of one release, resolved by Maven once (offline first) and cached. */
function dependencyClasspath(line: FlinkLine): string {
  const file = path.join(CACHE, line.release, 'classpath.txt');
  if (!fs.existsSync(file) || fs.statSync(file).mtimeMs < fs.statSync(path.join(PROJECT, 'pom.xml')).mtimeMs) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const args = ['-q', '-B', `-Dflink.version=${line.release}`, ...line.profiles.map((p) => `-P${p}`),
      'dependency:build-classpath', `-Dmdep.outputFile=${file}`];
    if (!mvn(['-o', ...args], 'ignore') && !mvn(args, 'inherit')) {
      throw new Error(`mvn could not resolve flink-core ${line.release} (see the output above)`);
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * The oracle compiled with javac against the line's class path, once per
 * release and again after a source change.
 */
function compiledClasses(line: FlinkLine): string {
  const out = path.join(CACHE, line.release, 'classes');
  const sources = javaSources(path.join(PROJECT, 'src', 'main', 'java'));
  const newest = Math.max(...sources.map((s) => fs.statSync(s).mtimeMs));
  const marker = path.join(out, '.built');
  if (!fs.existsSync(marker) || fs.statSync(marker).mtimeMs < newest) {
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    const result = spawnSync('javac', ['-nowarn', '-d', out, '-cp', dependencyClasspath(line), ...sources], { stdio: 'inherit' });
    if (result.error || result.status !== 0) {
      throw new Error(`javac failed for Flink ${line.line}${result.error ? `: ${result.error.message}` : ''}`);
    }
    fs.writeFileSync(marker, '');
  }
  return out;
}

function javaSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? javaSources(p) : e.name.endsWith('.java') ? [p] : [];
  });
}

function mvn(args: string[], output: 'inherit' | 'ignore'): boolean {
  const result = spawnSync('mvn', args, { cwd: PROJECT, stdio: ['ignore', output, output] });
  if (result.error) {
    throw new Error(`cannot run mvn (is Maven installed?): ${result.error.message}`);
  }
  return result.status === 0;
}

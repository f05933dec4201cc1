/**
 * A long-lived JVM that answers JSON lines: one JSON request per line on its
 * standard input, one JSON answer per line on its standard output, in order.
 *
 * The JVM runs a main class of a Maven project in this repository
 * (e.g. `conformance/apache-operator`). The project is compiled, and its
 * runtime class path written to `target/classpath.txt`, when either is missing
 * or older than `pom.xml` or a source file: offline first (`mvn -o`, the
 * dependencies already in ~/.m2), online when that fails (first run).
 *
 * ```ts
 * const oracle = await JvmOracle.start({ project: 'conformance/apache-operator', mainClass: 'dev.cdk8sflink.conformance.ValidatorMain' });
 * try { const answer = await oracle.ask({ kind: 'FlinkDeployment', resource }); } finally { await oracle.close(); }
 * ```
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';

/** Options of `JvmOracle.start`. */
export interface JvmOracleOptions {
  /** The Maven project directory (holding pom.xml), absolute or relative to the working directory. */
  readonly project: string;
  /** The fully qualified main class to run. */
  readonly mainClass: string;
  /** Extra JVM options. @default [] */
  readonly jvmArgs?: readonly string[];
  /** Where Maven's own output goes while building. @default 'inherit' (the caller's stderr) */
  readonly buildOutput?: 'inherit' | 'ignore';
  /**
   * A class path built by the caller (e.g. one per version of a dependency);
   * the project is then not built.
   * @default - the project's own, built when needed
   */
  readonly classpath?: string;
}

/** Thrown when the Maven build or the JVM fails. */
export class JvmOracleError extends Error {}

interface Pending {
  readonly resolve: (answer: any) => void;
  readonly reject: (error: Error) => void;
}

/** One JVM answering JSON lines, in order. */
export class JvmOracle {
  /**
   * Builds the project when needed and returns its run-time class path
   * (compiled classes first, then the dependencies).
   */
  public static classpath(project: string, buildOutput: 'inherit' | 'ignore' = 'inherit'): string {
    const dir = path.resolve(project);
    const classpathFile = path.join(dir, 'target', 'classpath.txt');
    const classes = path.join(dir, 'target', 'classes');
    if (isStale(dir, classpathFile, classes)) {
      build(dir, buildOutput);
    }
    return [classes, fs.readFileSync(classpathFile, 'utf8').trim()].filter(Boolean).join(path.delimiter);
  }

  /** Builds the project when needed and starts its main class in one JVM. */
  public static async start(options: JvmOracleOptions): Promise<JvmOracle> {
    const classpath = options.classpath ?? JvmOracle.classpath(options.project, options.buildOutput ?? 'inherit');
    const child = spawn('java', [...(options.jvmArgs ?? []), '-cp', classpath, options.mainClass], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const oracle = new JvmOracle(child, options.mainClass);
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', (e) => reject(new JvmOracleError(`cannot start java for ${options.mainClass}: ${e.message}`)));
    });
    return oracle;
  }

  private readonly pending: Pending[] = [];
  private stderrTail = '';
  private failure: Error | undefined;
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess, private readonly mainClass: string) {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => this.onLine(line));
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-4000);
    });
    child.stdin!.on('error', () => { /* reported through 'exit' */ });
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.fail(new JvmOracleError(`${this.mainClass} exited (${signal ?? code}) with ${this.pending.length} request(s) unanswered; stderr:\n${this.stderrTail}`));
        resolve();
      });
    });
  }

  /** Sends one request; resolves with its answer (answers come in request order). */
  public ask(request: unknown): Promise<any> {
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.child.stdin!.write(JSON.stringify(request) + '\n');
    });
  }

  /** Closes the JVM's input and waits for it to end (killing it after `timeoutMs`). Safe to call twice. */
  public async close(timeoutMs: number = 10_000): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.stdin!.end();
      const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
      await this.exited;
      clearTimeout(timer);
    }
  }

  private onLine(line: string): void {
    const next = this.pending.shift();
    if (!next) {
      this.fail(new JvmOracleError(`${this.mainClass} answered without a request: ${line.slice(0, 200)}`));
      return;
    }
    try {
      next.resolve(JSON.parse(line));
    } catch {
      next.reject(new JvmOracleError(`${this.mainClass} answered with no JSON: ${line.slice(0, 200)}`));
    }
  }

  private fail(error: Error): void {
    this.failure = this.failure ?? error;
    for (const p of this.pending.splice(0)) {
      p.reject(error);
    }
  }
}

function isStale(dir: string, classpathFile: string, classes: string): boolean {
  if (!fs.existsSync(classpathFile) || !fs.existsSync(classes)) {
    return true;
  }
  const built = Math.min(fs.statSync(classpathFile).mtimeMs, fs.statSync(classes).mtimeMs);
  return newestSource(dir) > built;
}

function newestSource(dir: string): number {
  let newest = fs.statSync(path.join(dir, 'pom.xml')).mtimeMs;
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) {
        walk(p);
      } else {
        newest = Math.max(newest, fs.statSync(p).mtimeMs);
      }
    }
  };
  const src = path.join(dir, 'src');
  if (fs.existsSync(src)) {
    walk(src);
  }
  return newest;
}

function build(dir: string, output: 'inherit' | 'ignore'): void {
  // `clean` drops classes of deleted sources; offline first, online for the first resolve.
  const goals = ['-q', '-B', 'clean', 'compile'];
  for (const args of [['-o', ...goals], goals]) {
    const result = spawnSync('mvn', args, { cwd: dir, stdio: ['ignore', output, output] });
    if (result.error) {
      throw new JvmOracleError(`cannot run mvn (is Maven installed?): ${result.error.message}`);
    }
    if (result.status === 0) {
      // Touch the markers so that the staleness check sees this build.
      const now = new Date();
      fs.utimesSync(path.join(dir, 'target', 'classpath.txt'), now, now);
      fs.utimesSync(path.join(dir, 'target', 'classes'), now, now);
      return;
    }
  }
  throw new JvmOracleError(`mvn compile failed in ${dir}`);
}

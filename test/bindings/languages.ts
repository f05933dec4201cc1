/**
 * The four languages of the bindings test. Each installs the library in a
 * scratch project with its own tools and registries and runs the two
 * programs of test/bindings/<language>/: the README quick start and the hooks
 * program. TypeScript runs the README's own quick start block against lib/,
 * the reference the others are compared with.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Packages } from './packages';
import { CommandResult, run, tail } from './process';
import { readmeBlocks } from '../support/readme-blocks';

/** The two programs each language has. */
export type Program = 'quickstart' | 'hook';

/** One language: set up once, then run each program with an output directory. */
export interface Language {
  readonly name: string;
  /** Installs the library and its dependencies in `dir`; throws with the tool's output on failure. */
  setUp(dir: string): void;
  /** Runs a program with `CDK8S_OUTDIR=outdir`. */
  run(program: Program, outdir: string): CommandResult;
}

/** What every language needs to know. */
export interface LanguageContext {
  readonly root: string;
  readonly packages: Packages;
  readonly log: string;
}

/** The versions of the library's jsii dependencies that the TypeScript side uses. */
function dependencyVersion(root: string, name: string): string {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

const ENV = { CDK8S_CHECK_UPGRADE: 'false', JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' };

function must(result: CommandResult, what: string): void {
  if (result.status !== 0) {
    throw new Error(`${what} failed:\n${tail(result.output)}`);
  }
}

/** The README's TypeScript quick start, run with tsx against the compiled library (lib/). */
export class TypeScript implements Language {
  public readonly name = 'typescript';
  private dir = '';
  constructor(private readonly context: LanguageContext) {}

  public setUp(dir: string): void {
    this.dir = dir;
    const readme = path.join(this.context.root, 'README.md');
    const block = readmeBlocks(readme).find((b) => b.name === 'quick-start');
    if (!block) {
      throw new Error('README.md has no block marked <!-- readme-test: name=quick-start -->');
    }
    const library = path.join(this.context.root, 'lib', 'index.js');
    fs.writeFileSync(path.join(dir, 'app.ts'), block.code.replace(/from 'cdk8s-flink'/g, `from ${JSON.stringify(library)}`));
  }

  public run(program: Program, outdir: string): CommandResult {
    if (program !== 'quickstart') {
      throw new Error('TypeScript runs the quick start only (its hooks are tested by jest)');
    }
    const tsx = path.join(this.context.root, 'node_modules', '.bin', 'tsx');
    const env = { ...ENV, CDK8S_OUTDIR: outdir, NODE_PATH: path.join(this.context.root, 'node_modules') };
    return run(tsx, ['app.ts'], { cwd: this.dir, log: this.context.log, env });
  }
}

/** A virtualenv with the wheel of dist/python and cdk8s, cdk8s-plus-27, constructs and jsii from PyPI. */
export class Python implements Language {
  public readonly name = 'python';
  private dir = '';
  constructor(private readonly context: LanguageContext) {}

  public setUp(dir: string): void {
    this.dir = dir;
    const { root, log, packages } = this.context;
    copySources(path.join(root, 'test', 'bindings', 'python'), dir);
    must(run('python3', ['-m', 'venv', 'venv'], { cwd: dir, log }), 'python3 -m venv');
    const pins = ['cdk8s', 'cdk8s-plus-27', 'constructs'].map((name) => `${name}==${dependencyVersion(root, name)}`);
    must(run(path.join(dir, 'venv', 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', packages.wheel, ...pins], { cwd: dir, log }), 'pip install');
  }

  public run(program: Program, outdir: string): CommandResult {
    const file = program === 'quickstart' ? 'app.py' : 'hook.py';
    return run(path.join(this.dir, 'venv', 'bin', 'python'), [file], { cwd: this.dir, log: this.context.log, env: { ...ENV, CDK8S_OUTDIR: outdir } });
  }
}

/** A Maven project with the jar of dist/java and org.cdk8s:cdk8s and the jsii runtime from Maven Central. */
export class Java implements Language {
  public readonly name = 'java';
  private dir = '';
  private classpath = '';
  constructor(private readonly context: LanguageContext) {}

  public setUp(dir: string): void {
    this.dir = dir;
    const { root, log, packages } = this.context;
    copySources(path.join(root, 'test', 'bindings', 'java'), dir);
    // The library's version does not change between builds: drop the copy an earlier run cached in ~/.m2.
    fs.rmSync(path.join(os.homedir(), '.m2', 'repository', 'io', 'github', 'cdk8s-flink', 'cdk8s-flink', packages.version), { recursive: true, force: true });
    const properties = [
      `-Dbindings.repository=file://${packages.mavenRepository}`,
      `-Dcdk8s-flink.version=${packages.version}`,
      ...['cdk8s', 'cdk8s-plus-27', 'constructs'].map((name) => `-D${name}.version=${dependencyVersion(root, name)}`),
    ];
    must(run('mvn', ['-q', '-B', 'compile', ...properties], { cwd: dir, log }), 'mvn compile');
    this.classpath = [path.join(dir, 'target', 'classes'), fs.readFileSync(path.join(dir, 'target', 'classpath.txt'), 'utf8').trim()].join(path.delimiter);
  }

  public run(program: Program, outdir: string): CommandResult {
    const main = program === 'quickstart' ? 'example.QuickStart' : 'example.Hook';
    return run('java', ['-cp', this.classpath, main], { cwd: this.dir, log: this.context.log, env: { ...ENV, CDK8S_OUTDIR: outdir } });
  }
}

/**
 * A Go module that requires the module of dist/go/cdk8sflink through a
 * `replace`; jsii-runtime-go and constructs-go come from the Go module proxy.
 * cdk8s-core-go and cdk8s-plus-go are replaced by the modules jsii-pacmak
 * generated from the npm packages next to it: the proxy here does not serve
 * github.com/cdk8s-team/* (403).
 */
export class Go implements Language {
  public readonly name = 'go';
  private dir = '';
  constructor(private readonly context: LanguageContext) {}

  public setUp(dir: string): void {
    this.dir = dir;
    const { root, log, packages } = this.context;
    copySources(path.join(root, 'test', 'bindings', 'go'), dir);
    const replaces = {
      'github.com/cdk8s-flink/cdk8s-flink-go/cdk8sflink': 'cdk8sflink',
      'github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2': 'cdk8s',
      'github.com/cdk8s-team/cdk8s-plus-go/cdk8splus27/v2': 'cdk8splus27',
    };
    const edits = Object.entries(replaces).map(([module, folder]) => `-replace=${module}=${path.join(packages.goModules, folder)}`);
    must(run('go', ['mod', 'edit', ...edits], { cwd: dir, log }), 'go mod edit');
    must(run('go', ['mod', 'tidy'], { cwd: dir, log }), 'go mod tidy');
    for (const program of ['quickstart', 'hook']) {
      must(run('go', ['build', '-o', path.join('bin', program), `./${program}`], { cwd: dir, log }), `go build ./${program}`);
    }
  }

  public run(program: Program, outdir: string): CommandResult {
    return run(path.join(this.dir, 'bin', program), [], { cwd: this.dir, log: this.context.log, env: { ...ENV, CDK8S_OUTDIR: outdir } });
  }
}

/** Copies the committed sources of a language into its scratch project. */
function copySources(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

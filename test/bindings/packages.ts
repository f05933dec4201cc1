/**
 * The Python, Java and Go packages under dist/, built by `npm run package-all`
 * (jsii-pacmak); built here first when missing or older than the compiled
 * assembly (.jsii).
 */
import * as fs from 'fs';
import * as path from 'path';
import { run, tail } from './process';

/** Where the packages of one version are. */
export interface Packages {
  readonly version: string;
  /** The wheel of dist/python. */
  readonly wheel: string;
  /** dist/java, a Maven file repository (cdk8s-flink and the cdk8s-plus-27 it is built against). */
  readonly mavenRepository: string;
  /** dist/go: one Go module per folder (cdk8sflink, and cdk8s and cdk8splus27 that it is built against). */
  readonly goModules: string;
}

/** The packages of the library in `root`, building what is missing or stale. */
export function ensurePackages(root: string, log: string, say: (line: string) => void): Packages {
  const version: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  const dist = path.join(root, 'dist');
  const packages: Packages = {
    version,
    wheel: path.join(dist, 'python', `cdk8s_flink-${version}-py3-none-any.whl`),
    mavenRepository: path.join(dist, 'java'),
    goModules: path.join(dist, 'go'),
  };
  const assembly = path.join(root, '.jsii');
  if (!fs.existsSync(assembly) || !fs.existsSync(path.join(root, 'lib', 'index.js'))) {
    projen(root, 'pre-compile', log, say);
    projen(root, 'compile', log, say);
  }
  const built = fs.statSync(assembly).mtimeMs;
  const artifacts: Record<string, string> = {
    python: packages.wheel,
    java: path.join(packages.mavenRepository, 'io', 'github', 'cdk8s-flink', 'cdk8s-flink', version, `cdk8s-flink-${version}.jar`),
    go: path.join(packages.goModules, 'cdk8sflink', 'go.mod'),
  };
  for (const [language, artifact] of Object.entries(artifacts)) {
    if (!fs.existsSync(artifact) || fs.statSync(artifact).mtimeMs < built) {
      projen(root, `package:${language}`, log, say);
    }
  }
  return packages;
}

function projen(root: string, task: string, log: string, say: (line: string) => void): void {
  const result = run('npx', ['projen', task], { cwd: root, log });
  if (result.status !== 0) {
    throw new Error(`npx projen ${task} failed:\n${tail(result.output)}`);
  }
  say(`npx projen ${task}: ${result.seconds.toFixed(0)} s`);
}

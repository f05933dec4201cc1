/**
 * The Helm chart oracle (conformance/helm-chart/main.go): a Go program on
 * the Helm SDK (`helm.sh/helm/v3`, from the Go module proxy) that renders a
 * vendored copy of the operator's chart with default values, as
 * `helm template` does. Built once per Helm version and source hash into a
 * cache outside the repository.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The Go program's directory. */
const ORACLE_DIR = __dirname;

/** The vendored chart copies, one folder per chart set (see charts/PROVENANCE). */
export const CHARTS_DIR = path.join(__dirname, 'charts');

/** The namespace both sides render into. */
export const NAMESPACE = 'flink-operator';

/** The release name, as the operator's documentation installs the chart. */
const RELEASE = 'flink-kubernetes-operator';

/** One object `helm template` renders, with the template it came from. */
export interface ChartObject {
  readonly template: string;
  readonly object: any;
}

function go(args: string[]): string {
  return execFileSync('go', args, { cwd: ORACLE_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/**
 * The oracle binary, built unless the cache holds it for this Helm version
 * and these sources (`~/.cache/cdk8s-flink/helm-chart-oracle/<version>/`).
 */
export function buildChartOracle(): string {
  const { Version: version } = JSON.parse(go(['list', '-m', '-json', 'helm.sh/helm/v3']));
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(ORACLE_DIR).filter((f) => /\.(go|mod|sum)$/.test(f)).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(ORACLE_DIR, file)));
  }
  const cacheRoot = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  const dir = path.join(cacheRoot, 'cdk8s-flink', 'helm-chart-oracle', version);
  const binary = path.join(dir, `helm-chart-${hash.digest('hex').substring(0, 16)}`);
  if (!fs.existsSync(binary)) {
    fs.mkdirSync(dir, { recursive: true });
    go(['build', '-o', `${binary}.tmp`, '.']);
    fs.renameSync(`${binary}.tmp`, binary);
  }
  return binary;
}

/**
 * Renders one vendored chart set with default values; `version` sets the
 * chart's version and appVersion as the release process writes them.
 */
export function renderChart(binary: string, set: string, version?: string): ChartObject[] {
  const args = ['-chart', path.join(CHARTS_DIR, set), '-release', RELEASE, '-namespace', NAMESPACE, ...(version ? ['-version', version] : [])];
  const out = execFileSync(binary, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  return out.split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

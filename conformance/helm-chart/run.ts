/**
 * `npm run test:conformance:chart`: renders the operator's Helm chart with
 * default values through the Helm SDK (oracle.ts) at 1.15.0 and at the 1.16
 * line, and compares every object, field by field, with what `FlinkOperator`
 * renders with default props for the matching `OperatorVersion`: the same
 * kinds and names, RBAC rules, containers (image, args, env, ports, mounts),
 * ConfigMap data, webhook configurations, services and CRDs. Prints
 * `chart: N objects compared at 1.15.0 and 1.16, M undocumented differences`
 * and exits non-zero on an undocumented difference or a documented one that
 * no longer occurs.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { parse } from 'yaml';
import { ChartDifference, objectDifferences, objectKey } from './compare';
import { CHART_DIFFERENCES, explainingChartDifference } from './differences';
import { buildChartOracle, CHARTS_DIR, NAMESPACE, renderChart } from './oracle';
import { FlinkOperator } from '../../src/operator/flink-operator';
import { OperatorVersion } from '../../src/operator-version';

const CRDS_DIR = path.join(__dirname, '..', '..', 'imports', 'apache-flink-kubernetes-operator');

/** One comparison: a chart set and the operator version the library renders for it. */
interface Comparison {
  readonly set: string;
  readonly operator: OperatorVersion;
  /** The chart version to render the set as (a branch snapshot's Chart.yaml says -SNAPSHOT). */
  readonly chartVersion?: string;
}

const COMPARISONS: Comparison[] = [
  { set: '1.15.0', operator: OperatorVersion.V1_15 },
  { set: '1.16-flink-39791', operator: OperatorVersion.V1_16, chartVersion: '1.16.1' },
  { set: '1.16-main', operator: OperatorVersion.V1_16, chartVersion: '1.16.1' },
];

/** What `FlinkOperator` renders with default props. */
function libraryObjects(version: OperatorVersion): any[] {
  const chart = new Chart(Testing.app(), 'operator', { namespace: NAMESPACE });
  new FlinkOperator(chart, 'operator', { version });
  return Testing.synth(chart);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The chart's CRDs as compared, and their differences. */
interface CrdComparison {
  readonly objects: any[];
  readonly differences: ChartDifference[];
}

/**
 * The chart's CRDs as the comparison sees them: the operator release's
 * vendored CRD file (imports/), plus a whole-object difference when that
 * file is not byte for byte the chart set's (crds/ sha256 in PROVENANCE).
 */
function crdDifferences(set: string, release: string, crds: Record<string, string>, library: any[]): CrdComparison {
  const objects: any[] = [];
  const differences: ChartDifference[] = [];
  for (const [file, chartSha] of Object.entries(crds)) {
    const text = fs.readFileSync(path.join(CRDS_DIR, release, file), 'utf8');
    const object = parse(text);
    objects.push(object);
    if (sha256(text) !== chartSha) {
      differences.push({ set, kind: object.kind, name: object.metadata.name, path: '', library: `sha256:${sha256(text)}`, chart: `sha256:${chartSha}` });
    }
  }
  return { objects, differences: [...differences, ...objectDifferences(set, library.filter((o) => o.kind === 'CustomResourceDefinition'), objects)] };
}

function main(): number {
  const started = Date.now();
  const binary = buildChartOracle();
  const provenance = parse(fs.readFileSync(path.join(CHARTS_DIR, 'PROVENANCE'), 'utf8'));
  const all: ChartDifference[] = [];
  let objects = 0;
  let undocumented = 0;
  for (const c of COMPARISONS) {
    const library = libraryObjects(c.operator);
    const rendered = renderChart(binary, c.set, c.chartVersion).map((o) => o.object);
    const crds = crdDifferences(c.set, c.operator.version, provenance.sets[c.set].crdsSha256, library);
    const differences = [...crds.differences, ...objectDifferences(c.set, library.filter((o) => o.kind !== 'CustomResourceDefinition'), rendered)];
    const compared = new Set([...library.map(objectKey), ...rendered.map(objectKey), ...crds.objects.map(objectKey)]).size;
    const unexplained = differences.filter((d) => explainingChartDifference(d) === undefined);
    for (const d of unexplained) {
      console.log(`UNDOCUMENTED ${c.set} ${d.kind}/${d.name} ${d.path || '(object)'}: library ${brief(d.library)}, chart ${brief(d.chart)}`);
    }
    console.log(`chart ${c.set} (OperatorVersion ${c.operator.version}): ${compared} objects, ${differences.length} fields differ, `
      + `${differences.length - unexplained.length} documented${unexplained.length > 0 ? `, ${unexplained.length} UNDOCUMENTED` : ''}`);
    objects += compared;
    undocumented += unexplained.length;
    all.push(...differences);
  }
  const stale = CHART_DIFFERENCES.filter((e) => !all.some((d) => explainingChartDifference(d) === e));
  for (const e of stale) {
    console.log(`STALE documented difference ${e.id}: it explains no difference any more; remove it from conformance/helm-chart/differences.ts`);
  }
  for (const e of CHART_DIFFERENCES) {
    console.log(`documented difference ${e.id}: ${all.filter((d) => explainingChartDifference(d) === e).length} field(s)`);
  }
  console.log(`chart: ${objects} objects compared at 1.15.0 and 1.16, ${undocumented} undocumented differences`
    + (stale.length > 0 ? `, ${stale.length} STALE documented differences` : '') + ` (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return undocumented > 0 || stale.length > 0 ? 1 : 0;
}

function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 160 ? `${text.substring(0, 160)}…` : text;
}

process.exitCode = main();

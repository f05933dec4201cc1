import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { ChartDifference, objectDifferences } from '../conformance/helm-chart/compare';
import { CHART_DIFFERENCES, differsOnlyInComments, explainingChartDifference } from '../conformance/helm-chart/differences';

// The one list of deliberate differences between FlinkOperator and the operator's Helm chart
// (conformance/helm-chart/differences.ts): each entry explains the fields it is written for and
// nothing else; the vendored chart files are the ones PROVENANCE lists.

const CHARTS = path.join(__dirname, '..', 'conformance', 'helm-chart', 'charts');

const field = (set: string, kind: string, name: string, fieldPath: string, library: unknown, chart: unknown,
  objects: { library?: any; chart?: any } = {}): ChartDifference =>
  ({ set, kind, name, path: fieldPath, library, chart, libraryObject: objects.library, chartObject: objects.chart });

const HEADER = '################################################################################\n#  Licensed to the ASF\n################################################################################\n\n';
const CONTAINER = 'spec.template.spec.containers[0]';
const CONF_1_15 = 'taskmanager.numberOfTaskSlots: 1\nparallelism.default: 1\nkubernetes.operator.reconcile.interval: 15 s\n';

const EXPLAINED: Record<string, ChartDifference> = {
  'argo-cd-sync-waves': field('1.15.0', 'ConfigMap', 'c', 'metadata.annotations', { 'argocd.argoproj.io/sync-wave': '-1' }, undefined),
  'helm-release-metadata': field('1.15.0', 'Role', 'flink', 'metadata.annotations.helm.sh/resource-policy', undefined, 'keep'),
  'cluster-scoped-namespace': field('1.16-main', 'ClusterRole', 'flink-operator', 'metadata.namespace', undefined, 'flink-operator'),
  'pinned-release-image': field('1.16-main', 'Deployment', 'd', `${CONTAINER}.image`, 'apache/flink-kubernetes-operator:1.16.1', 'ghcr.io/apache/flink-kubernetes-operator:latest'),
  'pod-security-restricted': field('1.15.0', 'Deployment', 'd', `${CONTAINER}.securityContext.capabilities`, { drop: ['ALL'] }, undefined),
  'empty-values': field('1.15.0', 'Deployment', 'd', `${CONTAINER}.env[9].value`, '', null),
  'no-literal-keystore-password': field('1.15.0', 'Secret', 'flink-operator-webhook-secret', '', undefined, { kind: 'Secret' }),
  'configuration-files-canonical': field('1.15.0', 'ConfigMap', 'c', 'data.flink-conf.yaml', 'a: "1"\nb: 2 s\n', `${HEADER}a: 1\n\nb: 2 s\n`),
  'logging-comments': field('1.15.0', 'ConfigMap', 'c', 'data.log4j-operator.properties', 'rootLogger.level = INFO\n', `${HEADER}rootLogger.level = INFO\n# logger.operator.level = DEBUG\n`),
  'unmounted-config-yaml': field('1.15.0', 'ConfigMap', 'c', 'data.config.yaml', 'kubernetes.operator.reconcile.interval: 15 s\ntaskmanager.numberOfTaskSlots: "1"\nparallelism.default: "1"\n',
    'taskmanager.numberOfTaskSlots: 1\nparallelism.default: 1\n', { chart: { data: { 'flink-conf.yaml': CONF_1_15 } } }),
  'flink-39791': field('1.16-main', 'ConfigMap', 'c', 'data.config.yaml', 'kubernetes.operator.reconcile.interval: 15 s\n', 'x: 1\n', { chart: { data: { 'flink-conf.yaml': CONF_1_15 } } }),
  'blue-green-scale-subresource': field('1.16-main', 'CustomResourceDefinition', 'flinkbluegreendeployments.flink.apache.org', 'spec.versions[0].subresources.scale', undefined, { specReplicasPath: '.x' }),
  'crd-from-release-jar': field('1.16-main', 'CustomResourceDefinition', 'flinkbluegreendeployments.flink.apache.org', '', 'sha256:aa', 'sha256:bb'),
};

describe('documented differences with the Helm chart', () => {
  test('every entry has a reason and an example here', () => {
    expect(CHART_DIFFERENCES.map((d) => d.id).sort()).toEqual(Object.keys(EXPLAINED).sort());
    for (const d of CHART_DIFFERENCES) {
      expect(d.reason.length).toBeGreaterThan(60);
    }
  });

  test.each(Object.entries(EXPLAINED))('%s explains its field', (id, d) => {
    expect(explainingChartDifference(d)?.id).toBe(id);
  });

  test.each([
    ['another image', field('1.16-main', 'Deployment', 'd', `${CONTAINER}.image`, 'apache/flink-kubernetes-operator:1.16.1', 'apache/flink-kubernetes-operator:1.16.0')],
    ['a different argument', field('1.15.0', 'Deployment', 'd', `${CONTAINER}.command[1]`, 'operator', 'webhook')],
    ['a different RBAC rule', field('1.15.0', 'ClusterRole', 'flink-operator', 'rules[0].verbs', ['get'], ['get', 'list'])],
    ['a label the library lacks', field('1.15.0', 'Deployment', 'd', 'metadata.labels.app.kubernetes.io/name', undefined, 'flink-kubernetes-operator')],
    ['a missing Service', field('1.15.0', 'Service', 'flink-operator-webhook-service', '', undefined, { kind: 'Service' })],
    ['a configuration value that differs', field('1.15.0', 'ConfigMap', 'c', 'data.flink-conf.yaml', 'a: "2"\n', 'a: 1\n')],
    ['a logging line that differs', field('1.15.0', 'ConfigMap', 'c', 'data.log4j-console.properties', 'rootLogger.level = DEBUG\n', `${HEADER}rootLogger.level = INFO\n`)],
    ['the 1.16 config.yaml-only mount against the FLINK-39791 chart', field('1.16-flink-39791', 'Deployment', 'd', 'spec.template.spec.volumes[0].configMap.items[0].key', 'config.yaml', 'flink-conf.yaml')],
    ['the unmounted config.yaml in a 1.16 set', field('1.16-main', 'ConfigMap', 'c', 'data.config.yaml', CONF_1_15, 'x: 1\n', { chart: { data: { 'flink-conf.yaml': CONF_1_15 } } })],
    ['a 1.15.0 CRD that is not the chart\'s', field('1.15.0', 'CustomResourceDefinition', 'flinkdeployments.flink.apache.org', '', 'sha256:aa', 'sha256:bb')],
  ])('nothing explains %s', (_name, d) => {
    expect(explainingChartDifference(d)).toBeUndefined();
  });

  test('comments around a file: only comment and blank lines may differ', () => {
    expect(differsOnlyInComments('<!--\n  License\n  -->\n\n<configuration/>', '<configuration/>\n\n')).toBe(true);
    expect(differsOnlyInComments('# a\nx = 1\n# b\n', 'x = 1\n')).toBe(true);
    expect(differsOnlyInComments('# a\nx = 1\ny = 2\n', 'x = 1\n')).toBe(false);
    expect(differsOnlyInComments('x = 1\n', 'x = 1\n')).toBe(false);
    expect(differsOnlyInComments('# a\n', '')).toBe(false);
  });

  test('objects are compared field by field, lists element by element, and missing objects whole', () => {
    const library = [{ kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 443, targetPort: 9443 }] } }];
    const chart = [
      { kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 443, targetPort: 9444 }] } },
      { kind: 'Secret', metadata: { name: 'x' } },
    ];
    expect(objectDifferences('1.15.0', library, chart).map((d) => [d.kind, d.path, d.library, d.chart])).toEqual([
      ['Service', 'spec.ports[0].targetPort', 9443, 9444],
      ['Secret', '', undefined, { kind: 'Secret', metadata: { name: 'x' } }],
    ]);
  });
});

describe('vendored Helm chart files', () => {
  const provenance = parse(fs.readFileSync(path.join(CHARTS, 'PROVENANCE'), 'utf8'));

  test('three chart sets at named commits', () => {
    expect(Object.keys(provenance.sets)).toEqual(['1.15.0', '1.16-main', '1.16-flink-39791']);
    expect(Object.values(provenance.sets).map((s: any) => [s.commit.length, s.chartVersion])).toEqual([[40, '1.15.0'], [40, '1.16-SNAPSHOT'], [40, '1.16-SNAPSHOT']]);
  });

  test.each(Object.keys(parse(fs.readFileSync(path.join(CHARTS, 'PROVENANCE'), 'utf8')).sets))('%s: every file is listed with its sha256', (set) => {
    const files: string[] = [];
    const walk = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : files.push(path.relative(path.join(CHARTS, set), path.join(dir, e.name))));
    walk(path.join(CHARTS, set));
    const sums = Object.fromEntries(files.sort().map((f) => [f, createHash('sha256').update(fs.readFileSync(path.join(CHARTS, set, f))).digest('hex')]));
    expect(sums).toEqual(provenance.sets[set].sha256);
    expect(Object.keys(provenance.sets[set].crdsSha256)).toHaveLength(4);
  });
});

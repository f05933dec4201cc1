/**
 * THE list of deliberate differences between what `FlinkOperator` renders
 * with default props and what the operator's Helm chart renders with default
 * values (`npm run test:conformance:chart`), each with its reason. A field
 * that differs counts as documented only when an entry here explains it;
 * anything else fails the run, and so does an entry that explains nothing.
 */
import { parse } from 'yaml';
import { ChartDifference } from './compare';

/** One deliberate difference. */
export interface DocumentedChartDifference {
  /** Short identifier, printed with the fields it explains. */
  readonly id: string;
  /** Why the library differs. */
  readonly reason: string;
  /** The chart sets it applies to (every set when absent). */
  readonly sets?: ReadonlyArray<string>;
  /** Whether it explains one differing field. */
  explains(d: ChartDifference): boolean;
}

const POD = 'spec.template.spec.';
const CONFIGURATION_KEYS = ['config.yaml', 'flink-conf.yaml'];

/**
 * A flat Flink configuration file read as key → string value, keys sorted
 * (Flink reads a map: comments, blank lines and order do not matter).
 */
export function configurationEntries(text: unknown): Record<string, string> | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  const parsed = parse(text) ?? {};
  const entries = Object.entries(parsed).map(([key, value]) => [key, String(value)] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Whether `chart` is `library` with only comments around it: lines starting
 * with `#`, XML comments and blank lines before and after (trailing line
 * breaks of `library` may be missing in `chart`).
 */
export function differsOnlyInComments(chart: unknown, library: unknown): boolean {
  if (typeof chart !== 'string' || typeof library !== 'string' || library.trim() === '' || chart === library) {
    return false;
  }
  const body = library.trimEnd();
  const at = chart.indexOf(body);
  if (at < 0) {
    return false;
  }
  const around = `${chart.substring(0, at)}\n${chart.substring(at + body.length)}`.replace(/<!--[\s\S]*?-->/g, '');
  return around.split('\n').every((line) => line.trim() === '' || line.startsWith('#'));
}

function same(a: unknown, b: unknown): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

function configMapData(d: ChartDifference): string | undefined {
  const match = d.kind === 'ConfigMap' && /^data\.(.+)$/.exec(d.path);
  return match ? match[1] : undefined;
}

/** Every deliberate difference. */
export const CHART_DIFFERENCES: ReadonlyArray<DocumentedChartDifference> = [
  {
    id: 'argo-cd-sync-waves',
    reason: 'the library annotates every object for Argo CD (sync waves CRDs, certificates, operator; server-side apply on the CRDs) so one sync installs in order; Helm orders by kind itself',
    explains: (d) => d.chart === undefined && (d.path.startsWith('metadata.annotations.argocd.argoproj.io/')
      || (d.path === 'metadata.annotations' && typeof d.library === 'object' && Object.keys(d.library as object).every((k) => k.startsWith('argocd.argoproj.io/')))),
  },
  {
    id: 'helm-release-metadata',
    reason: 'labels and annotations that describe or instruct a Helm release (managed-by Helm, helm.sh/chart, helm.sh/resource-policy) have no meaning without Helm; the library labels its objects managed-by cdk8s-flink',
    explains: (d) => (d.path === 'metadata.labels.app.kubernetes.io/managed-by' && d.library === 'cdk8s-flink' && d.chart === 'Helm')
      || (d.library === undefined && /^metadata\.(labels\.helm\.sh\/chart|annotations\.helm\.sh\/resource-policy)$/.test(d.path)),
  },
  {
    id: 'cluster-scoped-namespace',
    reason: 'the chart sets metadata.namespace on its ClusterRole and ClusterRoleBinding, which are cluster-scoped (the API server drops it); the library renders none',
    explains: (d) => ['ClusterRole', 'ClusterRoleBinding'].includes(d.kind) && d.path === 'metadata.namespace' && d.library === undefined,
  },
  {
    id: 'pinned-release-image',
    reason: 'the chart source\'s values.yaml names ghcr.io/apache/flink-kubernetes-operator:latest (the release tarball rewrites the tag to the release commit, create_source_release.sh); the library pins the release image apache/flink-kubernetes-operator:<version>',
    explains: (d) => d.kind === 'Deployment' && /^spec\.template\.spec\.containers\[\d+\]\.image$/.test(d.path)
      && d.chart === 'ghcr.io/apache/flink-kubernetes-operator:latest' && /^apache\/flink-kubernetes-operator:\d+\.\d+\.\d+$/.test(String(d.library)),
  },
  {
    id: 'pod-security-restricted',
    reason: 'every pod the library renders meets Pod Security Standards "restricted": runAsNonRoot and seccomp RuntimeDefault on the pod, no privilege escalation and all capabilities dropped on each container',
    explains: (d) => d.kind === 'Deployment' && d.chart === undefined && (
      [`${POD}securityContext.runAsNonRoot`, `${POD}securityContext.seccompProfile`].includes(d.path)
      || /^spec\.template\.spec\.containers\[\d+\]\.securityContext\.(allowPrivilegeEscalation|capabilities|runAsNonRoot)$/.test(d.path)),
  },
  {
    id: 'empty-values',
    reason: 'the chart renders an empty JVM_ARGS as null and empty resources as {}; the library renders "" and no resources, which the API server stores the same way',
    explains: (d) => d.kind === 'Deployment' && (
      (/^spec\.template\.spec\.containers\[\d+\]\.env\[\d+\]\.value$/.test(d.path) && d.library === '' && d.chart === null)
      || (/^spec\.template\.spec\.containers\[\d+\]\.resources$/.test(d.path) && d.library === undefined && same({}, d.chart))),
  },
  {
    id: 'no-literal-keystore-password',
    reason: 'the chart renders Secret flink-operator-webhook-secret with the literal keystore password "password1234"; the library never renders a credential literal: the keystore password comes from a Secret the user names (or cert-manager generates)',
    explains: (d) => d.kind === 'Secret' && d.name === 'flink-operator-webhook-secret' && d.path === '' && d.library === undefined,
  },
  {
    id: 'configuration-files-canonical',
    reason: 'the library writes the operator configuration in one canonical form (no license header or comments, strings quoted where YAML would read another type); Flink reads the same keys and values',
    explains: (d) => CONFIGURATION_KEYS.includes(configMapData(d) ?? '') && same(configurationEntries(d.library), configurationEntries(d.chart)),
  },
  {
    id: 'logging-comments',
    reason: 'the library\'s logging files are the chart\'s conf/ files without their Apache license header and without the commented-out overrides values.yaml appends (and Helm trims the line breaks that end its last manifest, the ConfigMap\'s last file)',
    explains: (d) => configMapData(d) !== undefined && !CONFIGURATION_KEYS.includes(configMapData(d)!) && differsOnlyInComments(d.chart, d.library),
  },
  {
    id: 'unmounted-config-yaml',
    reason: 'with default values the 1.15.0 chart mounts flink-conf.yaml, and its config.yaml key holds conf/flink-conf.yaml without the values.yaml overrides; the library writes the same configuration to both keys, so the ConfigMap shows one configuration (the operator reads only the mounted key)',
    sets: ['1.15.0'],
    explains: (d) => configMapData(d) === 'config.yaml'
      && same(configurationEntries(d.library), configurationEntries(d.chartObject?.data?.['flink-conf.yaml'])),
  },
  {
    id: 'flink-39791',
    reason: 'OperatorVersion.V1_16 renders 1.16.1, whose chart writes and mounts config.yaml only (FLINK-39791, pull request 1126, which conf/config.yaml without the task slot and parallelism defaults); main at 6e9caeb4 predates it. The set 1.16-flink-39791 checks these fields exactly',
    sets: ['1.16-main'],
    explains: (d) => {
      const key = configMapData(d);
      if (key === 'flink-conf.yaml') {
        return d.library === undefined && typeof d.chart === 'string';
      }
      if (key === 'config.yaml') {
        const { 'taskmanager.numberOfTaskSlots': _slots, 'parallelism.default': _parallelism, ...legacy } = configurationEntries(d.chartObject?.data?.['flink-conf.yaml']) ?? {};
        return same(configurationEntries(d.library), legacy);
      }
      return d.kind === 'Deployment' && /^spec\.template\.spec\.volumes\[0\]\.configMap\.items\[0\]\.(key|path)$/.test(d.path)
        && d.library === 'config.yaml' && d.chart === 'flink-conf.yaml';
    },
  },
  {
    id: 'blue-green-scale-subresource',
    reason: 'the 1.16.1 FlinkBlueGreenDeployment CRD declares a scale subresource without statusReplicasPath, which the API server rejects; the library leaves that subresource out',
    sets: ['1.16-main', '1.16-flink-39791'],
    explains: (d) => d.name === 'flinkbluegreendeployments.flink.apache.org' && d.path === 'spec.versions[0].subresources.scale' && d.library === undefined,
  },
  {
    id: 'crd-from-release-jar',
    reason: 'the library\'s 1.16 CRDs are the 1.16.1 release\'s (from its API jar), compared field by field; the chart snapshots predate the release: at 6e9caeb4 only the FlinkBlueGreenDeployment CRD differs, and 1.16-flink-39791 (based on 332ef267) also lacks 6e9caeb4\'s FlinkDeployment CRD change',
    sets: ['1.16-main', '1.16-flink-39791'],
    explains: (d) => d.kind === 'CustomResourceDefinition' && d.path === '' && /^sha256:/.test(String(d.chart)) && /^sha256:/.test(String(d.library))
      && (d.name === 'flinkbluegreendeployments.flink.apache.org' || (d.set === '1.16-flink-39791' && d.name === 'flinkdeployments.flink.apache.org')),
  },
];

/** The entry that explains a differing field, if any. */
export function explainingChartDifference(d: ChartDifference): DocumentedChartDifference | undefined {
  return CHART_DIFFERENCES.find((e) => (e.sets === undefined || e.sets.includes(d.set)) && e.explains(d));
}

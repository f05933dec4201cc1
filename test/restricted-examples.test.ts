import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { deploymentProps } from './support/fixtures';
import { effectivePodTemplates, restrictedViolations } from './support/pod-security';
import { ApplicationClusterChart } from '../examples/application-cluster/chart';
import { buildApp as buildArgoCdApp } from '../examples/argocd/charts';
import { buildApp as buildBackendsApp } from '../examples/backends/charts';
import { BlueGreenChart } from '../examples/blue-green/chart';
import { OperatorChart } from '../examples/operator/chart';
import { PythonJobChart } from '../examples/python-job/chart';
import { SessionClusterChart } from '../examples/session-cluster/chart';
import { buildApp as buildSpotifyApp } from '../examples/spotify-operator/charts';
import { StateSnapshotsChart } from '../examples/state-snapshots/chart';
import { FlinkDeployment } from '../src/flink-deployment';
import { FlinkOperator } from '../src/operator/flink-operator';
import { PodSecurity } from '../src/pod-security';

// GIVEN every example app (and an operator with plugins, whose init containers no example has)
// WHEN it is synthesized
// THEN every pod it renders meets Pod Security Standards "restricted": the JobManager and
// TaskManager pods the operator builds from each FlinkDeployment / FlinkBlueGreenDeployment
// template (its podTemplate with the process's template merged over it), and every pod spec of
// the other objects (the operator Deployment with its init containers).

const EXAMPLES = path.join(__dirname, '..', 'examples');

/** Each example app, built the way its main.ts builds it. */
const APPS: Record<string, (app: App) => Chart[]> = {
  'application-cluster': (app) => [new ApplicationClusterChart(app, 'application-cluster')],
  'argocd': (app) => buildArgoCdApp(app),
  'backends': (app) => buildBackendsApp(app),
  'blue-green': (app) => [new BlueGreenChart(app, 'blue-green')],
  'operator': (app) => [new OperatorChart(app, 'operator')],
  'python-job': (app) => [new PythonJobChart(app, 'python-job')],
  'session-cluster': (app) => [new SessionClusterChart(app, 'session-cluster')],
  'spotify-operator': (app) => buildSpotifyApp(app),
  'state-snapshots': (app) => [new StateSnapshotsChart(app, 'state-snapshots')],
};

/** The Flink kinds whose pods the operator builds from a FlinkDeployment spec, and where that spec is. */
const FLINK_SPECS: Record<string, (doc: any) => any> = {
  FlinkDeployment: (doc) => doc.spec,
  FlinkBlueGreenDeployment: (doc) => doc.spec?.template?.spec,
};

/**
 * The spotify operator's FlinkCluster cannot express container security
 * contexts, so its pods cannot meet "restricted" (the library requires
 * `PodSecurity.CUSTOM` for that backend); they are checked separately for
 * the pod-level settings it can carry.
 */
const BASELINE_ONLY = ['FlinkCluster'];

/** `[where, pod spec]` of every pod a rendered object leads to. */
function podsOf(doc: any): Array<[string, any]> {
  const where = `${doc.kind}/${doc.metadata?.name}`;
  if (BASELINE_ONLY.includes(doc.kind)) {
    return [];
  }
  const flinkSpec = FLINK_SPECS[doc.kind];
  if (flinkSpec) {
    const spec = flinkSpec(doc);
    return spec ? effectivePodTemplates(spec).map(([process, template]) => [`${where} ${process}`, template.spec]) : [];
  }
  return podSpecsIn(doc, where);
}

/** Every object with a `containers` list (a pod spec), wherever it is nested (Deployments, Jobs, CronJobs, Pods). */
function podSpecsIn(value: any, where: string): Array<[string, any]> {
  if (value === null || typeof value !== 'object') {
    return [];
  }
  if (Array.isArray(value.containers)) {
    return [[where, value]];
  }
  return Object.entries(value).flatMap(([key, child]) => podSpecsIn(child, `${where}.${key}`));
}

function renderedPods(build: (app: App) => Chart[]): Array<[string, any]> {
  const app = Testing.app();
  return build(app).flatMap((chart) => Testing.synth(chart)).flatMap(podsOf);
}

describe('every pod of every example meets pod security "restricted"', () => {
  test('every example app is walked', () => {
    const apps = fs.readdirSync(EXAMPLES).filter((d) => fs.existsSync(path.join(EXAMPLES, d, 'cdk8s.yaml'))).sort();
    expect(Object.keys(APPS).sort()).toEqual(apps);
  });

  test.each(Object.keys(APPS))('examples/%s', (example) => {
    const pods = renderedPods(APPS[example]);
    expect(pods.length).toBeGreaterThan(0);
    expect(pods.flatMap(([where, pod]) => restrictedViolations(pod, where))).toEqual([]);
    for (const [where, pod] of pods.filter(([w]) => w.startsWith('Flink'))) {
      expect([where, pod.containers.map((c: any) => c.name)]).toEqual([where, expect.arrayContaining(['flink-main-container'])]);
    }
  });

  test('the spotify FlinkClusters run non-root with the RuntimeDefault seccomp profile in every pod', () => {
    const clusters = buildSpotifyApp(Testing.app()).flatMap((chart) => Testing.synth(chart)).filter((d) => d.kind === 'FlinkCluster');
    expect(clusters.length).toBe(3);
    for (const cluster of clusters) {
      for (const pod of ['jobManager', 'taskManager', ...(cluster.spec.job ? ['job'] : [])]) {
        expect([cluster.metadata.name, pod, cluster.spec[pod].securityContext]).toEqual([
          cluster.metadata.name, pod, expect.objectContaining({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }),
        ]);
      }
    }
  });

  test('the operator Deployment with plugin and operator-lib init containers', () => {
    const jar = { name: 'policy', url: 'https://artifacts.example.com/policy-1.0.jar', sha256: 'a'.repeat(64) };
    const pods = renderedPods((app) => {
      const chart = new Chart(app, 'operator', { namespace: 'flink-operator' });
      new FlinkOperator(chart, 'operator', { plugins: [jar], operatorLibs: [{ ...jar, name: 'lib' }] });
      return [chart];
    });
    expect(pods).toHaveLength(1);
    expect(pods[0][1].initContainers.length).toBeGreaterThanOrEqual(2);
    expect(restrictedViolations(pods[0][1], pods[0][0])).toEqual([]);
  });

  test('the walk notices pods that miss the profile (here: the opt-out)', () => {
    const pods = renderedPods((app) => {
      const chart = new Chart(app, 'c');
      new FlinkDeployment(chart, 'custom', deploymentProps({
        podSecurity: PodSecurity.CUSTOM,
        podTemplate: { spec: { hostPid: true, containers: [{ name: 'flink-main-container', securityContext: { allowPrivilegeEscalation: false } }] } },
      }));
      return [chart];
    });
    expect(pods.map(([where]) => where)).toEqual(['FlinkDeployment/custom jobManager', 'FlinkDeployment/custom taskManager']);
    expect(restrictedViolations(pods[0][1], pods[0][0])).toEqual([
      'FlinkDeployment/custom jobManager.hostPID: true',
      'FlinkDeployment/custom jobManager.containers[flink-main-container]: capabilities.drop misses ALL',
      'FlinkDeployment/custom jobManager.containers[flink-main-container]: runAsNonRoot is not true',
      'FlinkDeployment/custom jobManager.containers[flink-main-container]: seccompProfile undefined',
    ]);
  });
});

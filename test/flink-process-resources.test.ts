import { App, Chart, Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-27';
import { FlinkBackend, FlinkDeployment, FlinkHooks, FlinkVersion, OperatorVersion } from '../src';
import { crdSchemaErrors } from './support/crd-schema';
import { buildErrors } from './support/prop-errors';

const base = { image: 'flink:2.2', flinkVersion: FlinkVersion.V2_2 };

describe('jobManager.resources / taskManager.resources (operator 1.16)', () => {
  test('render requests and limits as the upstream examples do: memory in Flink units, cpu as a quantity string', () => {
    const chart = Testing.chart();
    new FlinkDeployment(chart, 'flink', {
      ...base,
      jobManager: { resources: { requests: { memory: Size.mebibytes(2048), cpu: Cpu.units(0.5) } } },
      taskManager: {
        resources: {
          requests: { memory: Size.gibibytes(2), cpu: Cpu.millis(1000), ephemeralStorage: Size.gibibytes(10), other: { 'nvidia.com/gpu': '1' } },
          limits: { memory: Size.gibibytes(4), cpu: Cpu.units(2), other: { 'nvidia.com/gpu': '1' } },
        },
      },
    });
    const [manifest] = Testing.synth(chart);
    expect(manifest.spec.jobManager).toEqual({ resources: { requests: { memory: '2048m', cpu: '0.5' } } });
    expect(manifest.spec.taskManager).toEqual({
      resources: {
        requests: { 'memory': '2048m', 'cpu': '1000m', 'ephemeral-storage': '10Gi', 'nvidia.com/gpu': '1' },
        limits: { 'memory': '4096m', 'cpu': '2', 'nvidia.com/gpu': '1' },
      },
    });
    expect(crdSchemaErrors(manifest, '1.16.1')).toEqual([]);
    expect(manifest).toMatchSnapshot();
  });

  test('fails for a 1.15 target, whose CRD has no resources field', () => {
    const app = new App();
    FlinkHooks.of(app).useOperatorVersion(OperatorVersion.V1_15);
    const chart = new Chart(app, 'test');
    new FlinkDeployment(chart, 'flink', {
      ...base,
      jobManager: { resources: { requests: { memory: Size.gibibytes(2) } } },
      taskManager: { memory: Size.gibibytes(2) },
    });
    expect(() => app.synth()).toThrow(/\[test\/flink\] spec.jobManager.resources is not a field of the FlinkDeployment CRD of Flink Kubernetes Operator 1.15.0 \(the API server would drop it\); Flink Kubernetes Operator 1.16.1 has it/);
  });

  test('the validator reads the memory from resources', () => {
    const chart = Testing.chart();
    new FlinkDeployment(chart, 'flink', { ...base, jobManager: { resources: { limits: { memory: Size.gibibytes(1) } } }, taskManager: { resources: { requests: { cpu: Cpu.units(1) } } } });
    expect(() => Testing.synth(chart)).toThrow(/TaskManager resource memory must be defined using `spec.taskManager.resource.memory` or `spec.taskManager.resources.requests.memory`/);
  });

  test('fails for a request above its limit', () => {
    const chart = Testing.chart();
    new FlinkDeployment(chart, 'flink', {
      ...base,
      jobManager: { memory: Size.gibibytes(2) },
      taskManager: {
        resources: { requests: { memory: Size.gibibytes(4), cpu: Cpu.units(2) }, limits: { memory: Size.gibibytes(2), cpu: Cpu.units(1) } },
      },
    });
    expect(() => Testing.synth(chart)).toThrow(
      'TaskManager resource requirements cpu request (2) must not exceed its limit (1); TaskManager resource requirements memory request (4096m) must not exceed its limit (2048m)');
  });

  test.each<[string, any, RegExp]>([
    ['resources and memory together', { memory: Size.gibibytes(1), resources: { requests: { memory: Size.gibibytes(1) } } },
      /jobManager.resources: excludes 'jobManager.cpu', 'jobManager.memory' and 'jobManager.ephemeralStorage'/],
    ['a number for cpu', { resources: { requests: { cpu: 1 } } }, /jobManager.resources.requests.cpu: must be a Cpu \(e.g. Cpu.units\(1\) or Cpu.millis\(500\)\), got 1/],
    ['a string for memory', { resources: { limits: { memory: '2Gi' } } }, /jobManager.resources.limits.memory: must be a Size/],
    ['cpu among the other resources', { resources: { requests: { other: { cpu: '1' } } } }, /jobManager.resources.requests.other: must be free of 'cpu' \(use the typed prop\)/],
    ['an empty quantity', { resources: { requests: { other: { 'nvidia.com/gpu': ' ' } } } }, /jobManager.resources.requests.other\['nvidia.com\/gpu'\]: must be a non-empty quantity/],
    ['a list for resources', { resources: [] }, /jobManager.resources: must be a map with requests and\/or limits/],
  ])('fails synth for %s', (_name, jobManager, message) => {
    expect(buildErrors((chart) => new FlinkDeployment(chart, 'flink', { ...base, jobManager, taskManager: { memory: Size.gibibytes(1) } })))
      .toMatch(new RegExp(`^\\[test/flink\\] ${message.source}`));
  });

  test('empty requests and limits render nothing', () => {
    const chart = Testing.chart();
    new FlinkDeployment(chart, 'flink', { ...base, jobManager: { memory: Size.gibibytes(1), resources: {} }, taskManager: { memory: Size.gibibytes(1), resources: { requests: {} } } });
    const [manifest] = Testing.synth(chart);
    expect(manifest.spec.jobManager).toEqual({ resource: { memory: '1024m' } });
  });

  test('the standalone backend reports resources instead of dropping them', () => {
    const chart = Testing.chart();
    new FlinkDeployment(chart, 'flink', {
      ...base,
      backend: FlinkBackend.KUBERNETES,
      jobManager: { memory: Size.gibibytes(1) },
      taskManager: { resources: { requests: { memory: Size.gibibytes(1) } } },
    } as any);
    expect(() => Testing.synth(chart)).toThrow(/spec.taskManager.resources/);
  });
});

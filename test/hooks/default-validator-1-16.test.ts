import { OperatorVersion } from '../../src';
import { DefaultValidator } from '../../src/hooks/default-validator';
import { javaDurationToString, parseFlinkDuration } from '../../src/jvm/_java-duration';
import { applicationCluster } from '../support/default-validator-resources';

// The rules operator 1.16 added or changed (DefaultValidatorTest of 1.16 as the
// reference for inputs and messages), each checked for both targets.
const validator = new DefaultValidator();
const V1_15 = { operatorConfiguration: {}, operatorVersion: OperatorVersion.V1_15 };
const V1_16 = { operatorConfiguration: {}, operatorVersion: OperatorVersion.V1_16 };

/**
 * The application cluster of the upstream tests on Flink 1.20, with the
 * given JobManager and TaskManager and only the task slots configured.
 */
function deployment(jobManager: any, taskManager: any, flinkConfiguration: Record<string, string> = {}): any {
  const d = applicationCluster();
  d.spec.flinkVersion = 'v1_20';
  d.spec.flinkConfiguration = { 'taskmanager.numberOfTaskSlots': '2', ...flinkConfiguration };
  d.spec.jobManager = { replicas: 1, ...jobManager };
  d.spec.taskManager = taskManager;
  return d;
}

const requests = (r: Record<string, unknown>, l?: Record<string, unknown>) => ({ resources: { requests: r, limits: l } });
const MEMORY = { memory: '2Gi' };

describe('resources (1.16)', () => {
  test('memory requested in resources defines the process memory', () => {
    const d = deployment(requests(MEMORY), requests({ memory: '2Gi', cpu: '500m' }));
    expect(validator.validateDeployment(d, V1_16)).toBeUndefined();
  });

  test('a memory limit alone defines the process memory (Kubernetes defaults requests to limits)', () => {
    const d = deployment({ resources: { limits: MEMORY } }, { resources: { limits: { memory: '2Gi', cpu: 2 } } });
    expect(validator.validateDeployment(d, V1_16)).toBeUndefined();
  });

  test('fails without memory anywhere, naming both fields', () => {
    const d = deployment({ resources: { requests: { cpu: 1 } } }, requests(MEMORY));
    expect(validator.validateDeployment(d, V1_16))
      .toBe('JobManager resource memory must be defined using `spec.jobManager.resource.memory` or `spec.jobManager.resources.requests.memory`');
  });

  test('operator 1.15 neither reads resources nor names them', () => {
    const d = deployment(requests(MEMORY), requests({ memory: '-2Gi', cpu: 0 }));
    expect(validator.validateDeployment(d, V1_15))
      .toBe('JobManager resource memory must be defined using `spec.jobManager.resource.memory`');
    d.spec.jobManager.resource = { memory: '2g' };
    d.spec.taskManager.resource = { memory: '2g' };
    expect(validator.validateDeployment(d, V1_15)).toBeUndefined();
  });

  test.each<[string, any, any, string]>([
    ['unparseable memory request', requests(MEMORY), requests({ memory: 'abc' }),
      'TaskManager resource requirements requests memory parse error: '],
    ['unparseable cpu request', requests({ memory: '2Gi', cpu: 'notacpu' }), requests(MEMORY),
      'JobManager resource requirements requests cpu parse error: '],
    ['unparseable memory limit', requests(MEMORY), requests(MEMORY, { memory: 'xyz' }),
      'TaskManager resource requirements limits memory parse error: '],
    ['a negative cpu request', requests(MEMORY), requests({ memory: '2Gi', cpu: '-1' }),
      'TaskManager resource requirements requests cpu must be positive: -1'],
    ['a zero cpu request', requests(MEMORY), requests({ memory: '2Gi', cpu: 0 }),
      'TaskManager resource requirements requests cpu must be positive: 0'],
    ['a negative ephemeral-storage request', requests(MEMORY), requests({ 'memory': '2Gi', 'ephemeral-storage': '-5Gi' }),
      'TaskManager resource requirements requests ephemeral-storage must not be negative: -5Gi'],
    ['a negative memory request (does not parse as a Flink size)', requests(MEMORY), requests({ memory: '-2Gi' }),
      'TaskManager resource requirements requests memory parse error: '],
    ['a zero memory request', requests(MEMORY), requests({ memory: '0' }),
      'TaskManager resource requirements requests memory must be positive: 0'],
    ['a memory request above its limit', requests(MEMORY), requests({ memory: '4Gi' }, { memory: '2Gi' }),
      'TaskManager resource requirements memory request (4Gi) must not exceed its limit (2Gi)'],
    ['a cpu request above its limit', requests(MEMORY), requests({ memory: '2Gi', cpu: '1000m' }, { cpu: '500m' }),
      'TaskManager resource requirements cpu request (1000m) must not exceed its limit (500m)'],
  ])('fails for %s', (_name, jm, tm, message) => {
    const result = validator.validateDeployment(deployment(jm, tm), V1_16);
    expect(result?.startsWith(message)).toBe(true);
    expect(validator.validateDeployment(deployment({ ...jm, resource: { memory: '2g' } }, { ...tm, resource: { memory: '2g' } }), V1_15)).toBeUndefined();
  });

  test('requests within limits, and other resources such as GPUs, pass', () => {
    const d = deployment(requests(MEMORY), requests({ 'memory': '2Gi', 'cpu': 1, 'nvidia.com/gpu': 1 }, { 'memory': '4Gi', 'cpu': 2, 'nvidia.com/gpu': 1 }));
    expect(validator.validateDeployment(d, V1_16)).toBeUndefined();
  });

  test('every problem of one component is one message, joined by "; "', () => {
    const d = deployment(requests(MEMORY), requests({ memory: '0', cpu: '-1' }, { cpu: '-2' }));
    expect(validator.validateDeployment(d, V1_16)).toBe('TaskManager resource requirements requests memory must be positive: 0; '
      + 'TaskManager resource requirements requests cpu must be positive: -1; TaskManager resource requirements limits cpu must be positive: -2; '
      + 'TaskManager resource requirements cpu request (-1) must not exceed its limit (-2)');
  });

  test('a memory in Flink units is read as Flink reads it', () => {
    const d = deployment(requests({ memory: '1g' }), requests({ memory: '1024m' }, { memory: '1Gi' }));
    expect(validator.validateDeployment(d, V1_16)).toBeUndefined();
  });
});

describe('autoscaler options (1.16)', () => {
  const AUTOSCALER = { 'job.autoscaler.enabled': 'true' };
  const run = (conf: Record<string, string>, target = V1_16) =>
    validator.validateDeployment(deployment({ resource: { memory: '2g' } }, { resource: { memory: '2g' } }, { ...AUTOSCALER, ...conf }), target);
  const outOfRange = (key: string, min: string, max: string) =>
    `The AutoScalerOption ${key} is invalid, it should be a value within the range [${min}, ${max}]`;

  test.each([
    ['job.autoscaler.memory.gc-pressure.threshold', '1.5'],
    ['job.autoscaler.memory.heap-usage.threshold', '-0.1'],
  ])('fails for %s=%s, which 1.15 did not check', (key, value) => {
    expect(run({ [key]: value })).toBe(outOfRange(key, '0.0', '1.0'));
    expect(run({ [key]: value }, V1_15)).toBeUndefined();
  });

  test.each([
    ['job.autoscaler.observed-scalability.enabled', 'job.autoscaler.observed-scalability.coefficient-min', '1.2', '0.01'],
    ['job.autoscaler.scaling.effectiveness.detection.enabled', 'job.autoscaler.scaling.effectiveness.threshold', '1.2', '0.0'],
    ['job.autoscaler.memory.tuning.enabled', 'job.autoscaler.memory.tuning.overhead', '-0.5', '0.0'],
  ])('checks %s only when the feature is on', (flag, key, value, min) => {
    expect(run({ [flag]: 'true', [key]: value })).toBe(outOfRange(key, min, '1.0'));
    expect(run({ [flag]: 'false', [key]: value })).toBeUndefined();
    expect(run({ [key]: value })).toBeUndefined();
  });

  test('1.15 checks the scalability coefficient whatever the feature flag', () => {
    const key = 'job.autoscaler.observed-scalability.coefficient-min';
    expect(run({ [key]: '1.2' }, V1_15)).toBe(outOfRange(key, '0.01', '1.0'));
  });

  test('fails for a metric window smaller than the reconcile interval', () => {
    expect(run({ 'job.autoscaler.metrics.window': '30 s' })).toBe('The autoscaler metric window (job.autoscaler.metrics.window=PT30S) must not be smaller '
      + 'than the operator reconcile interval (kubernetes.operator.reconcile.interval=PT1M), otherwise fewer than two metric samples are retained and autoscaling is never applied.');
    expect(run({ 'job.autoscaler.metrics.window': '30 s' }, V1_15)).toBeUndefined();
  });

  test('the reconcile interval comes from the operator configuration and its deprecated key', () => {
    const window = { 'job.autoscaler.metrics.window': '5 min' };
    expect(run(window)).toBeUndefined();
    expect(validator.validateDeployment(deployment({ resource: { memory: '2g' } }, { resource: { memory: '2g' } }, { ...AUTOSCALER, ...window }),
      { ...V1_16, operatorConfiguration: { 'kubernetes.operator.reconciler.reschedule.interval': '1 h' } }))
      .toMatch(/\(job.autoscaler.metrics.window=PT5M\) .* \(kubernetes.operator.reconcile.interval=PT1H\)/);
  });

  test('a small metric window passes with the autoscaler off', () => {
    expect(run({ 'job.autoscaler.enabled': 'false', 'job.autoscaler.metrics.window': '1 s' })).toBeUndefined();
  });
});

describe('Java durations', () => {
  test.each([
    ['15 min', 'PT15M'], ['60 s', 'PT1M'], ['1500', 'PT1.5S'], ['90 min', 'PT1H30M'], ['2 d', 'PT48H'],
    ['0 s', 'PT0S'], ['1 ns', 'PT0.000000001S'], ['61s', 'PT1M1S'], ['3601 s', 'PT1H1S'],
  ])('%s prints as %s', (text, printed) => {
    expect(javaDurationToString(parseFlinkDuration(text)!)).toBe(printed);
  });

  test.each(['', 'min', '5 fortnights', '-1 s'])('%j is not a duration', (text) => {
    expect(parseFlinkDuration(text)).toBeUndefined();
  });
});

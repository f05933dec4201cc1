import { DefaultValidator } from '../../src/hooks/default-validator';
import { flinkManifest } from '../support/manifests';

// Garbage in, messages out: the default validator never throws, and a
// malformed manifest gets messages rather than an internal failure.

const validator = new DefaultValidator();

const GARBAGE: unknown[] = [
  undefined, null, 0, -1, 1.5, 2 ** 53 + 2, Number.NaN, Number.POSITIVE_INFINITY, '', '   ', 'abc', '-1', '1e999',
  '\u0000\n\t', 'ünïcødé', '__proto__', true, false, [], [1, 'a', null, {}], {}, { nested: { deeper: [] } },
  '12:00-10:00', 'https://[::1', '{{name}}', '9999999999999999999999t', '1.5Gi', '0x7f000001', 'last-state',
];

const DEPLOYMENT = {
  ...flinkManifest('FlinkDeployment', { name: 'fuzz', namespace: 'ns', labels: { app: 'x' } }, {
    image: 'flink:1.20',
    flinkVersion: 'v1_20',
    serviceAccount: 'flink',
    mode: 'native',
    ingress: { template: '{{name}}.{{namespace}}.example.com' },
    logConfiguration: { 'log4j-console.properties': 'rootLogger.level = INFO' },
    flinkConfiguration: {
      'taskmanager.numberOfTaskSlots': '2',
      'state.savepoints.dir': 'file:///s',
      'state.checkpoints.dir': 'file:///c',
      'job.autoscaler.enabled': 'true',
      'job.autoscaler.excluded.periods': '9:00-17:00 && * * * ? * 2-6',
    },
    jobManager: { replicas: 1, resource: { cpu: 1, memory: '2g', ephemeralStorage: '1Gi' } },
    taskManager: { replicas: 2, resource: { cpu: 1, memory: '2g', ephemeralStorage: '1Gi' } },
    job: { jarURI: 'local:///opt/job.jar', parallelism: 2, upgradeMode: 'savepoint', state: 'running', savepointTriggerNonce: 1 },
  }),
  status: { reconciliationStatus: { lastReconciledSpec: JSON.stringify({ spec: { job: { state: 'suspended' }, mode: 'native' }, resource_metadata: {} }) } },
};

const SESSION_JOB = flinkManifest('FlinkSessionJob', { name: 'fuzz-job', namespace: 'ns' }, {
  deploymentName: 'fuzz',
  flinkConfiguration: { 'kubernetes.operator.periodic.savepoint.interval': '1h' },
  job: { jarURI: 'https://example.com/job.jar', parallelism: 1, upgradeMode: 'last-state' },
});

const PATHS = [
  '', 'metadata', 'metadata.name', 'metadata.namespace', 'metadata.labels', 'metadata.labels.flink.apache.org/canary',
  'spec', 'spec.flinkVersion', 'spec.serviceAccount', 'spec.mode', 'spec.ingress', 'spec.ingress.template',
  'spec.logConfiguration', 'spec.logConfiguration.other', 'spec.flinkConfiguration', 'spec.flinkConfiguration.state.savepoints.dir',
  'spec.flinkConfiguration.job.autoscaler.utilization.target', 'spec.flinkConfiguration.job.autoscaler.excluded.periods',
  'spec.flinkConfiguration.kubernetes.operator.deployment.rollback.enabled', 'spec.flinkConfiguration.taskmanager.memory.process.size',
  'spec.jobManager', 'spec.jobManager.replicas', 'spec.jobManager.resource', 'spec.jobManager.resource.memory',
  'spec.jobManager.resource.cpu', 'spec.taskManager.resource.ephemeralStorage', 'spec.taskManager.replicas', 'spec.job',
  'spec.job.jarURI', 'spec.job.parallelism', 'spec.job.upgradeMode', 'spec.job.state', 'spec.job.savepointRedeployNonce',
  'spec.job.initialSavepointPath', 'spec.deploymentName', 'status', 'status.reconciliationStatus',
  'status.reconciliationStatus.lastReconciledSpec',
];

/** A deterministic pseudo-random sequence in [0, 1) (a Park-Miller generator). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

/** Sets `value` at a path whose segments are split on the first dots only (config keys keep theirs). */
function setAt(root: any, path: string, value: unknown): any {
  if (path === '') {
    return value;
  }
  if (typeof root !== 'object' || root === null) {
    return setAt({}, path, value);
  }
  const segments = path.split('.');
  const head = segments.slice(0, 2);
  const rest = segments.slice(2).join('.');
  const keys = rest === '' ? head : [...head, rest];
  let current = root;
  for (const key of keys.slice(0, -1)) {
    if (typeof current[key] !== 'object' || current[key] === null) {
      current[key] = {};
    }
    current = current[key];
  }
  current[keys[keys.length - 1]] = value;
  return root;
}

function expectMessages(result: unknown): void {
  expect(Array.isArray(result)).toBe(true);
  for (const message of result as unknown[]) {
    expect(typeof message).toBe('string');
    expect(message).not.toMatch(/^Validation failed unexpectedly/);
  }
}

describe('DefaultValidator robustness', () => {
  test.each(GARBAGE.map((value) => [value as any]))('a whole manifest of garbage #%#', (value) => {
    expectMessages(validator.deploymentErrors(value));
    expectMessages(validator.sessionJobErrors(value, value, value as any));
    expect(() => validator.validateDeployment(value, value as any)).not.toThrow();
    expect(() => validator.validateSessionJob(value, value, value as any)).not.toThrow();
  });

  test('a non-object manifest gets one structural message', () => {
    expect(validator.deploymentErrors('abc' as any)).toEqual(['Invalid FlinkDeployment manifest: expected an object, got string']);
    expect(validator.validateSessionJob([] as any, undefined, {})).toBe('Invalid FlinkSessionJob manifest: expected an object, got array');
  });

  test('wrongly typed fields get the API server\'s structural messages', () => {
    const deployment = structuredClone(DEPLOYMENT) as any;
    deployment.spec.job.parallelism = '2';
    deployment.spec.job.upgradeMode = 'sometimes';
    deployment.spec.jobManager.resource.memory = 2048;
    deployment.spec.logConfiguration = { 'log4j-console.properties': 1 };
    expect(validator.deploymentErrors(deployment)).toEqual([
      'spec.job.parallelism: Invalid value: "string": spec.job.parallelism in body must be of type integer: "string"',
      'spec.job.upgradeMode: Unsupported value: "sometimes": supported values: "last-state", "savepoint", "stateless"',
      'spec.logConfiguration.log4j-console.properties: Invalid value: "integer": spec.logConfiguration.log4j-console.properties in body must be of type string: "integer"',
      'spec.jobManager.resource.memory: Invalid value: "integer": spec.jobManager.resource.memory in body must be of type string: "integer"',
    ]);
  });

  test('null fields count as absent', () => {
    const deployment = structuredClone(DEPLOYMENT) as any;
    deployment.spec.mode = null;
    deployment.spec.jobManager.replicas = null;
    deployment.status = null;
    expect(validator.deploymentErrors(deployment)).toEqual([]);
  });

  test('unreadable configuration values become messages', () => {
    const deployment = structuredClone(DEPLOYMENT) as any;
    deployment.spec.flinkConfiguration['kubernetes.operator.deployment.rollback.enabled'] = 'maybe';
    deployment.spec.flinkConfiguration['job.autoscaler.utilization.target'] = 'high';
    expect(validator.deploymentErrors(deployment)).toEqual([
      'Could not parse value \'maybe\' for key \'kubernetes.operator.deployment.rollback.enabled\'.',
      'Could not parse value \'high\' for key \'job.autoscaler.utilization.target\'.',
    ]);
  });

  test('an unreadable last reconciled spec is reported once', () => {
    const deployment = structuredClone(DEPLOYMENT) as any;
    deployment.status.reconciliationStatus.lastReconciledSpec = '{not json';
    expect(validator.deploymentErrors(deployment)).toEqual(['Could not deserialize spec, this indicates a bug...']);
  });

  test.each([1, 2, 3, 4, 5, 6, 7, 8])('random garbage in every field (seed %i)', (seed) => {
    const next = random(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    for (let round = 0; round < 150; round++) {
      let deployment: any = structuredClone(DEPLOYMENT);
      let job: any = structuredClone(SESSION_JOB);
      for (let edits = 1 + Math.floor(next() * 4); edits > 0; edits--) {
        deployment = setAt(deployment, pick(PATHS), structuredClone(pick(GARBAGE)));
        job = setAt(job, pick(PATHS), structuredClone(pick(GARBAGE)));
      }
      const context = pick([undefined, {}, { operatorConfiguration: { 'kubernetes.operator.user.artifacts.allowed-schemes': pick(GARBAGE) } }]);
      expectMessages(validator.deploymentErrors(deployment, context as any));
      expectMessages(validator.sessionJobErrors(job, deployment, context as any));
    }
  });
});

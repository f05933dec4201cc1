import { DefaultValidator } from '../../src/hooks/default-validator';

// Regressions found by comparing the library with the operator's own classes
// (npm run test:conformance). Each expectation is what the operator answered.

const validator = new DefaultValidator();

function deployment(): any {
  return {
    apiVersion: 'flink.apache.org/v1beta1',
    kind: 'FlinkDeployment',
    metadata: { name: 'basic', namespace: 'default' },
    spec: {
      flinkVersion: 'v1_20',
      serviceAccount: 'flink',
      flinkConfiguration: {},
      jobManager: { resource: { memory: '2048m', cpu: 1 } },
      taskManager: { resource: { memory: '2048m', cpu: 1 } },
    },
  };
}

describe('a configuration value that does not parse fails validation before earlier messages', () => {
  // Upstream evaluates every check before picking the first message, so the
  // exception of a later check is what the webhook reports.
  test('an unparsable boolean after a missing flinkVersion', () => {
    const d = deployment();
    delete d.spec.flinkVersion;
    d.spec.flinkConfiguration['kubernetes.operator.deployment.rollback.enabled'] = 'yes';
    expect(validator.validateDeployment(d)).toBe("Could not parse value 'yes' for key 'kubernetes.operator.deployment.rollback.enabled'.");
    expect(validator.deploymentErrors(d)).toEqual([
      "Could not parse value 'yes' for key 'kubernetes.operator.deployment.rollback.enabled'.",
      'Flink Version must be defined.',
    ]);
  });

  test('an unparsable duration of the session cluster after a refused jarURI scheme', () => {
    const session = deployment();
    session.metadata.name = 'session';
    session.spec.flinkConfiguration['kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age'] = 'abc';
    const job = {
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkSessionJob',
      metadata: { name: 'job', namespace: 'default' },
      spec: { deploymentName: 'session', job: { jarURI: 'oss://1.2.3.4/x.jar', parallelism: 1, upgradeMode: 'stateless' } },
    };
    expect(validator.validateSessionJob(job, session))
      .toBe("Could not parse value 'abc' for key 'kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age'.");
  });

  test('without a thrown error the order stays the checks\' order', () => {
    const d = deployment();
    d.metadata.name = 'Basic';
    delete d.spec.flinkVersion;
    expect(validator.deploymentErrors(d)[1]).toBe('Flink Version must be defined.');
  });
});

import { DefaultValidator } from '../../src/hooks/default-validator';
import { flinkManifest } from '../support/manifests';

// Port of DefaultValidatorTest.testFlinkStateSnapshotValidator (operator release-1.15.0)
// plus the structural, status and canary cases of this library.

const validator = new DefaultValidator();

const TARGET = flinkManifest('FlinkDeployment', { name: 'test-cluster', namespace: 'test' },
  { job: { jarURI: 'local:///opt/flink/examples/streaming/StateMachineExample.jar', parallelism: 1 } });

/** TestUtils.buildFlinkStateSnapshotSavepoint(false, JobReference.fromFlinkResource(target)). */
function savepoint(patch: (s: any) => void = () => {}): any {
  const snapshot = flinkManifest('FlinkStateSnapshot', { name: 'test-snapshot', namespace: 'test' }, {
    jobReference: { kind: 'FlinkDeployment', name: 'test-cluster' },
    savepoint: { path: '/tmp/asd', alreadyExists: false, disposeOnDelete: true, formatType: 'CANONICAL' },
  });
  patch(snapshot);
  return snapshot;
}

describe('DefaultValidator.validateStateSnapshot (upstream testFlinkStateSnapshotValidator)', () => {
  test('a savepoint of an existing target is valid', () => {
    expect(validator.validateStateSnapshot(savepoint(), TARGET, {})).toBeUndefined();
  });

  test('fails when both checkpoint and savepoint are set', () => {
    expect(validator.validateStateSnapshot(savepoint((s) => {
      s.spec.checkpoint = {};
    }), TARGET, {})).toEqual('Exactly one of checkpoint or savepoint configurations has to be set.');
  });

  test('fails when neither checkpoint nor savepoint is set', () => {
    expect(validator.stateSnapshotErrors(savepoint((s) => {
      delete s.spec.savepoint;
    }), TARGET)).toEqual(['Exactly one of checkpoint or savepoint configurations has to be set.']);
  });

  test('fails without a job reference', () => {
    expect(validator.validateStateSnapshot(savepoint((s) => {
      delete s.spec.jobReference;
    }), TARGET, {})).toEqual('Job reference must be supplied for this snapshot');
  });

  test('an existing savepoint needs no job reference', () => {
    expect(validator.validateStateSnapshot(savepoint((s) => {
      delete s.spec.jobReference;
      s.spec.savepoint.alreadyExists = true;
    }), TARGET, {})).toBeUndefined();
  });

  test('fails when the target does not exist', () => {
    const snapshot = savepoint((s) => {
      s.spec.jobReference.name = 'does-not-exist';
    });
    expect(validator.validateStateSnapshot(snapshot, undefined, {})).toEqual('Target for snapshot test/does-not-exist was not found');
  });
});

describe('DefaultValidator.stateSnapshotErrors (this library)', () => {
  test('a checkpoint of an existing target is valid', () => {
    expect(validator.stateSnapshotErrors(savepoint((s) => {
      delete s.spec.savepoint;
      s.spec.checkpoint = {};
    }), TARGET)).toEqual([]);
  });

  test('a missing target is not reported once the operator moved the snapshot past TRIGGER_PENDING', () => {
    expect(validator.stateSnapshotErrors(savepoint((s) => {
      s.status = { state: 'IN_PROGRESS' };
    }))).toEqual([]);
    expect(validator.stateSnapshotErrors(savepoint((s) => {
      s.status = { state: 'TRIGGER_PENDING' };
    }))).toEqual(['Target for snapshot test/test-cluster was not found']);
  });

  test('a snapshot without namespace is looked up in default; a reference without name reads null', () => {
    expect(validator.stateSnapshotErrors(savepoint((s) => {
      delete s.metadata.namespace;
      delete s.spec.jobReference.name;
    }))).toEqual(['Target for snapshot default/null was not found']);
  });

  test('canaries are not validated', () => {
    expect(validator.stateSnapshotErrors(savepoint((s) => {
      s.metadata.labels = { 'flink.apache.org/canary': 'true' };
      delete s.spec.savepoint;
    }))).toEqual([]);
  });

  test('fields of the wrong type or enum value get structural errors only', () => {
    expect(validator.stateSnapshotErrors(savepoint((s) => {
      s.spec.backoffLimit = 1.5;
      s.spec.savepoint.formatType = 'BINARY';
      s.spec.savepoint.alreadyExists = 'yes';
      s.spec.jobReference.kind = 'FlinkCluster';
      s.spec.checkpoint = {};
    }), TARGET)).toEqual([
      'spec.backoffLimit: Invalid value: "number": spec.backoffLimit in body must be of type integer: "number"',
      'spec.jobReference.kind: Unsupported value: "FlinkCluster": supported values: "FlinkDeployment", "FlinkSessionJob"',
      'spec.savepoint.formatType: Unsupported value: "BINARY": supported values: "CANONICAL", "NATIVE", "UNKNOWN"',
      'spec.savepoint.alreadyExists: Invalid value: "string": spec.savepoint.alreadyExists in body must be of type boolean: "string"',
    ]);
  });

  test('a manifest that is not an object is reported as such', () => {
    expect(validator.stateSnapshotErrors([] as any)).toEqual(['Invalid FlinkStateSnapshot manifest: expected an object, got array']);
    expect(validator.stateSnapshotErrors(null as any)).toEqual(['Invalid FlinkStateSnapshot manifest: expected an object, got null']);
  });
});

describe('DefaultValidator.blueGreenDeploymentErrors', () => {
  const bg = (spec: any, name = 'orders') => flinkManifest('FlinkBlueGreenDeployment', { name, namespace: 'flink' }, { template: { spec } });
  const valid = {
    image: 'flink:2.2',
    flinkVersion: 'v2_2',
    serviceAccount: 'flink',
    jobManager: { resource: { memory: '2048m', cpu: 1 } },
    taskManager: { resource: { memory: '2048m', cpu: 1 } },
    job: { jarURI: 'local:///opt/flink/examples/streaming/StateMachineExample.jar', parallelism: 1, upgradeMode: 'stateless' },
  };

  test('a valid template has no errors', () => {
    expect(validator.blueGreenDeploymentErrors(bg(valid))).toEqual([]);
  });

  test('the template gets the FlinkDeployment checks, each message once', () => {
    expect(validator.blueGreenDeploymentErrors(bg({ ...valid, job: { ...valid.job, parallelism: 0 } })))
      .toEqual(['Job parallelism must be larger than 0']);
  });

  test('the name rule applies to the blue and green deployment names', () => {
    const name = 'a'.repeat(41);
    expect(validator.blueGreenDeploymentErrors(bg(valid, name))).toEqual([
      expect.stringMatching(new RegExp(`^The FlinkDeployment name: ${name}-blue is invalid`)),
      expect.stringMatching(new RegExp(`^The FlinkDeployment name: ${name}-green is invalid`)),
    ]);
    // 40 characters: `-blue` fits the 45 characters, `-green` does not.
    expect(validator.blueGreenDeploymentErrors(bg(valid, 'a'.repeat(40)))).toEqual([
      expect.stringMatching(/^The FlinkDeployment name: a{40}-green is invalid/),
    ]);
  });

  test('a manifest without a template spec gets structural errors', () => {
    expect(validator.blueGreenDeploymentErrors({ kind: 'FlinkBlueGreenDeployment', metadata: { name: 'x' }, spec: { configuration: { a: 1 } } })).toEqual([
      'spec.configuration.a: Invalid value: spec.configuration.a in body must be of type string',
      'spec.template.spec: Required value: the FlinkDeployment spec of the blue and green deployments',
    ]);
  });
});

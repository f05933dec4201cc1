import { DeploymentMode, FlinkJobKind, FlinkVersion, JobState, OperatorVersion, SavepointFormat, UpgradeMode } from '../src';
import { FORMAT_TYPES, JOB_KINDS } from '../src/hooks/default-validator/_snapshot';
import { FLINK_VERSIONS } from '../src/manifest/_flink-versions';
import { crdEnum } from '../src/manifest/_operator-crds';

// Every closed set in src/ that the CRDs also list, tied to the vendored CRDs of each release.
const sorted = (values: readonly string[]) => [...values].sort();
const enumOf = (v: OperatorVersion, kind: string, path: string) => {
  const values = crdEnum(v, kind, path);
  expect(values).toBeDefined();
  return sorted(values!);
};

describe.each(OperatorVersion.all().map((v) => [v.version, v] as const))('the CRDs of operator %s', (_, v) => {
  test.each([
    ['UpgradeMode', Object.values(UpgradeMode), 'FlinkDeployment', 'spec.job.upgradeMode'],
    ['UpgradeMode (session jobs)', Object.values(UpgradeMode), 'FlinkSessionJob', 'spec.job.upgradeMode'],
    ['JobState', Object.values(JobState), 'FlinkDeployment', 'spec.job.state'],
    ['DeploymentMode', Object.values(DeploymentMode), 'FlinkDeployment', 'spec.mode'],
    ['FlinkJobKind', Object.values(FlinkJobKind), 'FlinkStateSnapshot', 'spec.jobReference.kind'],
    ['the validator\'s job kinds', JOB_KINDS, 'FlinkStateSnapshot', 'spec.jobReference.kind'],
    ['the validator\'s savepoint formats', FORMAT_TYPES, 'FlinkStateSnapshot', 'spec.savepoint.formatType'],
  ])('list the values of %s', (_name, values, kind, path) => {
    expect(sorted(values as string[])).toEqual(enumOf(v, kind, path));
  });

  test('list SavepointFormat and UNKNOWN, which users cannot ask for', () => {
    expect(enumOf(v, 'FlinkStateSnapshot', 'spec.savepoint.formatType')).toEqual(sorted([...Object.values(SavepointFormat), 'UNKNOWN']));
  });

  test('list only Flink versions the operator can read, in release order', () => {
    const listed = crdEnum(v, 'FlinkDeployment', 'spec.flinkVersion')!;
    expect(FLINK_VERSIONS.filter((f) => listed.includes(f))).toEqual(listed);
    expect(crdEnum(v, 'FlinkBlueGreenDeployment', 'spec.template.spec.flinkVersion')).toEqual(listed);
    for (const version of listed) {
      expect(FlinkVersion.of(version).isListedBy(v)).toBe(true);
    }
  });
});

test('the FlinkVersion constants are the versions the newest release lists', () => {
  const constants = Object.values(FlinkVersion).filter((v) => v instanceof FlinkVersion).map((v: FlinkVersion) => v.value);
  expect(constants).toEqual(crdEnum(OperatorVersion.LATEST, 'FlinkDeployment', 'spec.flinkVersion'));
  expect([...FLINK_VERSIONS]).toEqual(constants);
});

test('operator 1.15.0 does not list Flink 2.3 and 2.4, 1.16.1 does', () => {
  expect([FlinkVersion.V2_3.isListedBy(OperatorVersion.V1_15), FlinkVersion.V2_4.isListedBy(OperatorVersion.V1_15)]).toEqual([false, false]);
  expect([FlinkVersion.V2_3.isListedBy(OperatorVersion.V1_16), FlinkVersion.V2_4.isListedBy(OperatorVersion.V1_16)]).toEqual([true, true]);
  expect(FlinkVersion.V2_2.isListedBy(OperatorVersion.V1_15)).toBe(true);
  expect(FlinkVersion.of('v2_5').isKnownToOperator).toBe(false);
});

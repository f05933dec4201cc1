import { ApiObject, Chart, Testing } from 'cdk8s';
import { crdSchemaErrors } from './support/crd-schema';
import { deploymentProps, STATE_MACHINE_JAR } from './support/fixtures';
import { buildErrors } from './support/prop-errors';
import { ArgoCd } from '../src/argo-cd';
import { FlinkDeployment } from '../src/flink-deployment';
import { UpgradeMode } from '../src/flink-job';
import { FlinkSessionJob } from '../src/flink-session-job';
import {
  FlinkJobKind, FlinkJobReference, FlinkStateSnapshot, SavepointFormat, SnapshotType,
} from '../src/flink-state-snapshot';
import { FlinkTesting } from '../src/flink-testing';
import { DefaultValidator } from '../src/hooks/default-validator';
import { FlinkHooks } from '../src/hooks/flink-hooks';

const SAVEPOINT_PATH = 'file:///flink-data/savepoints/savepoint-45305c-d867504446e0';

function application(chart: Chart, id = 'app', extra = {}): FlinkDeployment {
  return new FlinkDeployment(chart, id, deploymentProps({ job: { jarUri: STATE_MACHINE_JAR, parallelism: 2 }, ...extra }));
}

function snapshots(chart: Chart): any[] {
  const docs = Testing.synth(chart).filter((d) => d.kind === 'FlinkStateSnapshot');
  docs.forEach((d) => expect(crdSchemaErrors(d)).toEqual([]));
  return docs;
}

describe('FlinkStateSnapshot', () => {
  test('addSavepoint renders a savepoint of the deployment, in its namespace, in the jobs sync wave', () => {
    const chart = Testing.chart();
    const deployment = application(chart, 'orders', { namespace: 'flink' });
    const savepoint = deployment.addSavepoint('before-upgrade', {
      path: 's3://state/orders/savepoints',
      format: SavepointFormat.NATIVE,
      disposeOnDelete: false,
      backoffLimit: 2,
      labels: { team: 'orders' },
    });
    const docs = snapshots(chart);
    expect(docs).toMatchSnapshot();
    expect(docs).toHaveLength(1);
    expect(docs[0]).toEqual({
      apiVersion: 'flink.apache.org/v1beta1',
      kind: 'FlinkStateSnapshot',
      metadata: {
        name: 'before-upgrade',
        namespace: 'flink',
        labels: { team: 'orders' },
        annotations: {
          'argocd.argoproj.io/sync-wave': '1',
          'argocd.argoproj.io/sync-options': 'SkipDryRunOnMissingResource=true',
        },
      },
      spec: {
        backoffLimit: 2,
        jobReference: { kind: 'FlinkDeployment', name: 'orders' },
        savepoint: { path: 's3://state/orders/savepoints', formatType: 'NATIVE', disposeOnDelete: false },
      },
    });
    expect(savepoint.node.path).toEqual(`${chart.node.path}/orders/before-upgrade`);
    expect(savepoint.resourceName).toEqual('before-upgrade');
    expect(savepoint.namespace).toEqual('flink');
    expect(savepoint.type).toEqual(SnapshotType.SAVEPOINT);
    expect(savepoint.job?.kind).toEqual(FlinkJobKind.FLINK_DEPLOYMENT);
    expect(ApiObject.of(savepoint).kind).toEqual('FlinkStateSnapshot');
  });

  test('a savepoint without options renders `savepoint: {}` (the job savepoint directory)', () => {
    const chart = Testing.chart();
    application(chart).addSavepoint('sp');
    expect(snapshots(chart)[0].spec).toEqual({ jobReference: { kind: 'FlinkDeployment', name: 'app' }, savepoint: {} });
  });

  test('addCheckpoint renders `checkpoint: {}` and no savepoint', () => {
    const chart = Testing.chart();
    const cp = application(chart).addCheckpoint('cp', { backoffLimit: 0 });
    expect(cp.type).toEqual(SnapshotType.CHECKPOINT);
    expect(snapshots(chart)[0].spec).toEqual({ backoffLimit: 0, jobReference: { kind: 'FlinkDeployment', name: 'app' }, checkpoint: {} });
  });

  test('a session job snapshot references the FlinkSessionJob, in its namespace', () => {
    const chart = Testing.chart();
    const session = new FlinkDeployment(chart, 'session', deploymentProps({ namespace: 'sessions' }));
    const job = session.addSessionJob('job', { job: { jarUri: 'https://repo.example.com/job.jar', parallelism: 2 } });
    job.addSavepoint('sp');
    job.addCheckpoint('cp');
    const docs = snapshots(chart);
    expect(docs.map((d) => [d.metadata.namespace, d.spec.jobReference])).toEqual([
      ['sessions', { kind: 'FlinkSessionJob', name: 'job' }],
      ['sessions', { kind: 'FlinkSessionJob', name: 'job' }],
    ]);
    expect(Testing.synth(chart).map((d) => d.kind)).toEqual(['FlinkDeployment', 'FlinkSessionJob', 'FlinkStateSnapshot', 'FlinkStateSnapshot']);
  });

  test('a snapshot of a job defined elsewhere renders without a target check', () => {
    const chart = Testing.chart();
    new FlinkStateSnapshot(chart, 'sp', { job: FlinkJobReference.fromDeployment(FlinkDeployment.fromName(chart, 'd', 'elsewhere', 'ns')) });
    new FlinkStateSnapshot(chart, 'cp', { type: SnapshotType.CHECKPOINT, job: FlinkJobReference.fromSessionJobName('remote-job') });
    const docs = snapshots(chart);
    expect(docs.map((d) => [d.metadata.namespace, d.spec.jobReference])).toEqual([
      ['ns', { kind: 'FlinkDeployment', name: 'elsewhere' }],
      [undefined, { kind: 'FlinkSessionJob', name: 'remote-job' }],
    ]);
  });

  test('an existing savepoint needs no job and restores a job through restoreFrom / initialSavepointPath', () => {
    const chart = Testing.chart();
    const savepoint = new FlinkStateSnapshot(chart, 'sp', { name: 'example-savepoint', path: SAVEPOINT_PATH, alreadyExists: true, disposeOnDelete: false });
    new FlinkDeployment(chart, 'd', deploymentProps({
      job: FlinkStateSnapshot.restoreFrom(savepoint, { jarUri: STATE_MACHINE_JAR, parallelism: 2, upgradeMode: UpgradeMode.STATELESS }),
    }));
    const docs = Testing.synth(chart);
    expect(savepoint.initialSavepointPath).toEqual(SAVEPOINT_PATH);
    expect(docs.find((d) => d.kind === 'FlinkDeployment').spec.job.initialSavepointPath).toEqual(SAVEPOINT_PATH);
    expect(snapshots(chart)[0].spec).toEqual({ savepoint: { alreadyExists: true, disposeOnDelete: false, path: SAVEPOINT_PATH } });
  });

  test('restoring from a snapshot whose path is only known at run time is a synth error on the snapshot; the getter throws', () => {
    const chart = Testing.chart();
    const triggered = application(chart).addSavepoint('sp', { path: 's3://b/sp' });
    expect(() => triggered.initialSavepointPath).toThrow(/'sp' has no path known at synth: only a savepoint with 'alreadyExists: true' and a 'path'/);
    const job = { jarUri: STATE_MACHINE_JAR, parallelism: 1 };
    expect(FlinkStateSnapshot.restoreFrom(triggered, job)).toEqual(job);
    const existing = new FlinkStateSnapshot(chart, 'e', { path: 's3://b/sp-1', alreadyExists: true });
    expect(FlinkStateSnapshot.restoreFrom(existing, { ...job, initialSavepointPath: 's3://b/other' })).toEqual({ ...job, initialSavepointPath: 's3://b/other' });
    expect(FlinkTesting.validationErrors(chart)).toEqual([
      expect.stringMatching(/^\[test\/app\/sp\] restoreFrom: 'sp' has no path known at synth: only a savepoint with 'alreadyExists: true' and a 'path'/),
      '[test/e] restoreFrom: \'job.initialSavepointPath\' is already "s3://b/other"; refusing to replace it with "s3://b/sp-1"',
    ]);
  });

  test('wrongly typed savepoint props are synth errors, not dropped (found by npm run fuzz)', () => {
    const chart = Testing.chart();
    new FlinkStateSnapshot(chart, 's', { disposeOnDelete: NaN as any, alreadyExists: 'yes' as any, path: 5 as any });
    expect(FlinkTesting.validationErrors(chart)).toEqual([
      '[test/s] disposeOnDelete: must be true or false, got NaN',
      '[test/s] alreadyExists: must be true or false, got "yes"',
      '[test/s] path: must be a string, got 5',
    ]);
  });

  test('Argo CD annotations disappear with ArgoCd.disable', () => {
    const chart = Testing.chart();
    application(chart).addCheckpoint('cp');
    ArgoCd.disable(chart);
    expect(snapshots(chart)[0].metadata.annotations).toBeUndefined();
  });

  describe('prop checks', () => {
    test('fails synth when savepoint options are given for a checkpoint', () => {
      expect(buildErrors((chart) => {
        new FlinkStateSnapshot(chart, 'cp', { type: SnapshotType.CHECKPOINT, path: 's3://b/cp', disposeOnDelete: true });
      })).toEqual([
        '[test/cp] path: applies to savepoints only, got "s3://b/cp" on a checkpoint',
        '[test/cp] disposeOnDelete: applies to savepoints only, got true on a checkpoint',
      ].join('\n'));
    });

    test('fails synth when an existing savepoint has no path', () => {
      expect(buildErrors((chart) => new FlinkStateSnapshot(chart, 'sp', { alreadyExists: true })))
        .toEqual("[test/sp] path: must name the existing savepoint when 'alreadyExists' is true, got undefined");
    });

    test('fails synth on a backoffLimit below -1 or not whole', () => {
      expect(buildErrors((chart) => {
        application(chart).addSavepoint('sp', { backoffLimit: -2 });
        application(chart, 'b').addCheckpoint('cp', { backoffLimit: 0.5 });
      })).toEqual([
        '[test/app/sp] backoffLimit: must be a whole number >= -1, got -2',
        '[test/b/cp] backoffLimit: must be a whole number >= -1, got 0.5',
      ].join('\n'));
    });

    test('fails synth when a session cluster is snapshotted', () => {
      expect(buildErrors((chart) => new FlinkDeployment(chart, 'session', deploymentProps()).addSavepoint('sp')))
        .toEqual("[test/session/sp] job: 'session' is a session cluster and has no job to snapshot; snapshot one of its FlinkSessionJobs instead");
    });

    test('fails synth when the namespace differs from the job\'s', () => {
      expect(buildErrors((chart) => application(chart, 'app', { namespace: 'a' }).addSavepoint('sp', { namespace: 'b' })))
        .toEqual('[test/app/sp] namespace: must be the namespace of the job\'s FlinkDeployment "a", got "b"');
    });

    test('fails synth on a job that is not a FlinkJobReference', () => {
      expect(buildErrors((chart) => new FlinkStateSnapshot(chart, 'sp', { job: { kind: FlinkJobKind.FLINK_DEPLOYMENT, name: 'x' } as any })))
        .toMatch(/^\[test\/sp\] job: must be a FlinkJobReference/);
    });
  });

  describe('validation', () => {
    test('fails synth with the operator message when a triggered snapshot has no job', () => {
      const chart = Testing.chart();
      new FlinkStateSnapshot(chart, 'sp', { path: 's3://b/sp' });
      expect(() => Testing.synth(chart)).toThrow(/Validation failed with the following errors:[\s]*\[test\/sp\] Job reference must be supplied for this snapshot/);
    });

    test('a user validator with validateStateSnapshot sees the snapshot and its mutated target', () => {
      const chart = Testing.chart();
      application(chart, 'app').addSavepoint('sp');
      const seen: any[] = [];
      FlinkHooks.of(chart).addValidator({
        validateDeployment: () => undefined,
        validateSessionJob: () => undefined,
        validateStateSnapshot: (snapshot: any, target: any) => {
          seen.push([snapshot.metadata.name, target?.metadata?.name, target?.spec?.job?.parallelism]);
          return snapshot.spec.backoffLimit === undefined ? 'snapshots must set a backoffLimit' : undefined;
        },
      } as any);
      expect(() => Testing.synth(chart)).toThrow(/\[test\/app\/sp\] snapshots must set a backoffLimit/);
      expect(seen[0]).toEqual(['sp', 'app', 2]);
    });

    test('addStateSnapshotValidator registers a snapshot-only validator, once even when also added with addValidator', () => {
      const chart = Testing.chart();
      application(chart).addCheckpoint('cp');
      let calls = 0;
      const both = {
        validateDeployment: () => undefined,
        validateSessionJob: () => undefined,
        validateStateSnapshot: () => {
          calls++;
          return undefined;
        },
      };
      FlinkHooks.of(chart).addValidator(both);
      FlinkHooks.of(chart).addStateSnapshotValidator(both);
      FlinkHooks.of(chart).addStateSnapshotValidator({ validateStateSnapshot: (s: any) => s.spec.checkpoint ? 'no checkpoints here' : undefined });
      expect(FlinkHooks.of(chart).stateSnapshotValidators).toHaveLength(2);
      expect(() => Testing.synth(chart)).toThrow(/\[test\/app\/cp\] no checkpoints here/);
      expect(calls).toBe(1);
    });

    test('a validator with only validateDeployment/validateSessionJob keeps working and never sees snapshots', () => {
      const chart = Testing.chart();
      application(chart).addSavepoint('sp');
      const kinds: string[] = [];
      FlinkHooks.of(chart).addValidator({
        validateDeployment: (d: any) => {
          kinds.push(d.kind);
          return undefined;
        },
        validateSessionJob: () => undefined,
      });
      expect(Testing.synth(chart)).toHaveLength(2);
      expect(kinds).toEqual(['FlinkDeployment']);
    });

    test('throws when a snapshot-only validator lacks its method', () => {
      expect(() => FlinkHooks.of(Testing.chart()).addStateSnapshotValidator({} as any))
        .toThrow('a snapshot validator must have the method(s) validateStateSnapshot');
    });

    test('DefaultValidator registered as a user validator also checks snapshots', () => {
      const chart = Testing.chart();
      new FlinkStateSnapshot(chart, 'sp', { path: 's3://b/sp' });
      FlinkHooks.of(chart).disableDefaultValidator();
      FlinkHooks.of(chart).addValidator(new DefaultValidator());
      expect(() => Testing.synth(chart)).toThrow(/\[test\/sp\] Job reference must be supplied for this snapshot/);
    });

    test('listeners see the snapshot rendered', () => {
      const chart = Testing.chart();
      application(chart).addSavepoint('sp');
      const events: string[] = [];
      FlinkHooks.of(chart).addListener({ onRendered: (e: any) => events.push(`${e.kind}/${e.name}`) } as any);
      Testing.synth(chart);
      expect(events).toEqual(['FlinkDeployment/app', 'FlinkStateSnapshot/sp']);
    });
  });

  test('the snapshot follows the session job it references', () => {
    const chart = Testing.chart();
    const session = new FlinkDeployment(chart, 'session', deploymentProps());
    const job = new FlinkSessionJob(chart, 'job', { deployment: session, job: { jarUri: 'https://repo.example.com/job.jar', parallelism: 1 } });
    const snapshot = new FlinkStateSnapshot(chart, 'sp', { job: FlinkJobReference.fromSessionJob(job), backoffLimit: -1 });
    expect(snapshot.job?.name).toEqual('job');
    expect(snapshots(chart)[0].spec).toEqual({ backoffLimit: -1, jobReference: { kind: 'FlinkSessionJob', name: 'job' }, savepoint: {} });
  });
});

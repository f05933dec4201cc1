/**
 * Jest set-up file (jest.record.config.js): wraps the default checks so that
 * every resource a table test validates is appended, as a conformance case,
 * to the JSON-lines file named by CONFORMANCE_RECORD.
 */
import * as fs from 'fs';
import * as checks from '../../../src/hooks/default-validator/_rules';

const file = process.env.CONFORMANCE_RECORD;
const mutable = checks as any;

function record(kind: string, resource: any, extra: object, context: any): void {
  if (!file) {
    return;
  }
  const source = `table: ${expect.getState().testPath?.replace(/.*\/test\//, 'test/')}: ${expect.getState().currentTestName}`;
  const operatorConfiguration = context && typeof context === 'object' ? context.operatorConfiguration : undefined;
  fs.appendFileSync(file, JSON.stringify({ source, kind, resource, ...extra, operatorConfiguration }) + '\n');
}

const deploymentErrors = checks.deploymentErrors;
mutable.deploymentErrors = (deployment: any, context?: any) => {
  record('FlinkDeployment', deployment, {}, context);
  return deploymentErrors(deployment, context);
};
const sessionJobErrors = checks.sessionJobErrors;
mutable.sessionJobErrors = (job: any, session: any, context?: any) => {
  record('FlinkSessionJob', job, { sessionDeployment: session }, context);
  return sessionJobErrors(job, session, context);
};
const stateSnapshotErrors = checks.stateSnapshotErrors;
mutable.stateSnapshotErrors = (snapshot: any, target: any, context?: any, targetUnknown?: boolean) => {
  record('FlinkStateSnapshot', snapshot, { snapshotTarget: target }, context);
  return stateSnapshotErrors(snapshot, target, context, targetUnknown);
};

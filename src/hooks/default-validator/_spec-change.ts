import { isNullOrWhitespaceOnly } from '../../jvm/_java-text';
import { at, LastReconciledSpec, UNREADABLE_SPEC_MESSAGE } from '../../manifest/_fields';

/**
 * Checks on how a spec may change once the operator has reconciled it (the
 * status records the last reconciled spec; without one, any spec is new).
 */

/**
 * A deployment keeps its cluster type (application or session) and
 * deployment mode (native or standalone), and a savepoint redeployment
 * needs an initial savepoint path.
 */
export function deploymentSpecChangeErrors(spec: unknown, last: LastReconciledSpec): string[] {
  if (last.state === 'none') {
    return [];
  }
  if (last.state === 'unreadable') {
    return [UNREADABLE_SPEC_MESSAGE];
  }
  const errors: string[] = [];
  const job = at(spec, 'job');
  const lastJob = at(last.spec, 'job');
  if (job !== undefined && lastJob === undefined) {
    errors.push('Cannot switch from session to job cluster');
  }
  if (job === undefined && lastJob !== undefined) {
    errors.push('Cannot switch from job to session cluster');
  }
  const mode = at(spec, 'mode') ?? 'native';
  const lastMode = at(last.spec, 'mode') ?? 'native';
  if (lastMode === 'native' && mode !== 'native') {
    errors.push('Cannot switch from native kubernetes to standalone kubernetes cluster');
  }
  if (lastMode === 'standalone' && mode !== 'standalone') {
    errors.push('Cannot switch from standalone kubernetes to native kubernetes cluster');
  }
  if (job !== undefined && lastJob !== undefined) {
    const nonce = at(job, 'savepointRedeployNonce');
    if (nonce !== undefined && nonce !== at(lastJob, 'savepointRedeployNonce') && isNullOrWhitespaceOnly(at(job, 'initialSavepointPath'))) {
      errors.push('InitialSavepointPath must not be empty for savepoint redeployment');
    }
  }
  return errors;
}

/** A session job stays on the session cluster it was submitted to. */
export function sessionJobSpecChangeErrors(spec: unknown, last: LastReconciledSpec): string[] {
  if (last.state === 'none') {
    return [];
  }
  if (last.state === 'unreadable') {
    return [UNREADABLE_SPEC_MESSAGE];
  }
  return at(last.spec, 'deploymentName') !== at(spec, 'deploymentName') ? ['The deploymentName can\'t be changed'] : [];
}

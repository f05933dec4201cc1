import { at } from '../../manifest/_fields';

/**
 * Checks specific to session jobs: a job to run, and a session cluster
 * (when known) that is a session cluster and the one the job names.
 */

/** A session job must define its job. */
export function jobPresenceErrors(sessionJobSpec: unknown): string[] {
  return at(sessionJobSpec, 'job') === undefined ? ['The job spec should not be empty'] : [];
}

/** Session jobs go to session clusters, not to application clusters. */
export function applicationClusterErrors(sessionDeployment: unknown): string[] {
  return at(sessionDeployment, 'spec.job') !== undefined ? ['Can not submit session job to application cluster'] : [];
}

/** The cluster must be the one the session job names. */
export function clusterIdErrors(sessionJobSpec: unknown, sessionDeployment: unknown): string[] {
  return at(sessionDeployment, 'metadata.name') !== at(sessionJobSpec, 'deploymentName')
    ? ['The session job\'s cluster id is not match with the session cluster']
    : [];
}

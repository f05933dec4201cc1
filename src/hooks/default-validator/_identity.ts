/**
 * Checks on who a resource is: the deployment name rule (also applied to a
 * session job's `deploymentName`) and the service account a deployment
 * runs as.
 */

const DEPLOYMENT_NAME = /^[a-z]([-a-z0-9]{0,43}[a-z0-9])?$/;

/**
 * The deployment name rule: lower case alphanumerics or `-`, starting with a
 * letter, ending with an alphanumeric, at most 45 characters.
 */
export function deploymentNameErrors(name: unknown): string[] {
  if (typeof name === 'string' && DEPLOYMENT_NAME.test(name)) {
    return [];
  }
  return [
    `The FlinkDeployment name: ${typeof name === 'string' ? name : 'null'} is invalid, must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123'), and the length must be no more than 45 characters.`,
  ];
}

/** A deployment must name its service account. */
export function serviceAccountErrors(serviceAccount: unknown): string[] {
  return serviceAccount === undefined
    ? ['spec.serviceAccount must be defined. If you use helm, its value should be the same with the name of jobServiceAccount.']
    : [];
}

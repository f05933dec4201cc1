import { deploymentErrors, sessionJobErrors } from './_default-checks';
import { FlinkHookContext } from './context';
import { IFlinkResourceValidator } from './validator';

/**
 * The checks of the Flink Kubernetes Operator's `DefaultValidator` (release
 * 1.15.0), run on `FlinkDeployment` and `FlinkSessionJob` manifests before
 * they are written, with the operator's messages.
 *
 * `validateDeployment` and `validateSessionJob` return the first message,
 * as the operator's webhook would reject the resource with it;
 * `deploymentErrors` and `sessionJobErrors` return every message at once.
 *
 * Differences from the operator: no DNS lookup is made for a session job's
 * `jarURI` host (IP literals and `localhost` are checked, other names are
 * accepted); a manifest without a namespace is checked as if in `default`;
 * resources labelled `flink.apache.org/canary: "true"` are skipped, as the
 * operator's webhook skips them; and a manifest whose fields have the wrong
 * JSON type gets structural errors instead of the operator's checks.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/operations/plugins/
 */
export class DefaultValidator implements IFlinkResourceValidator {
  /**
   * The first error of a `FlinkDeployment` manifest.
   *
   * @param deployment the FlinkDeployment manifest
   * @param context the operator configuration to check against, and the resource's source
   * @returns the first error message, or `undefined` when valid
   */
  public validateDeployment(deployment: any, context?: FlinkHookContext): string | undefined {
    return deploymentErrors(deployment, context)[0];
  }

  /**
   * The first error of a `FlinkSessionJob` manifest.
   *
   * @param sessionJob the FlinkSessionJob manifest
   * @param sessionDeployment the session cluster's FlinkDeployment manifest, when known
   * @param context the operator configuration to check against, and the resource's source
   * @returns the first error message, or `undefined` when valid
   */
  public validateSessionJob(sessionJob: any, sessionDeployment?: any, context?: FlinkHookContext): string | undefined {
    return sessionJobErrors(sessionJob, sessionDeployment, context)[0];
  }

  /**
   * Every error of a `FlinkDeployment` manifest, in the operator's order.
   *
   * @param deployment the FlinkDeployment manifest
   * @param context the operator configuration to check against, and the resource's source
   * @returns the error messages; empty when valid
   */
  public deploymentErrors(deployment: any, context?: FlinkHookContext): string[] {
    return deploymentErrors(deployment, context);
  }

  /**
   * Every error of a `FlinkSessionJob` manifest, in the operator's order.
   *
   * @param sessionJob the FlinkSessionJob manifest
   * @param sessionDeployment the session cluster's FlinkDeployment manifest, when known
   * @param context the operator configuration to check against, and the resource's source
   * @returns the error messages; empty when valid
   */
  public sessionJobErrors(sessionJob: any, sessionDeployment?: any, context?: FlinkHookContext): string[] {
    return sessionJobErrors(sessionJob, sessionDeployment, context);
  }
}

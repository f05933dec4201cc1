import { FlinkHookContext } from './context';
import { defaultChecks } from './default-validator/_lazy-rules';
import { FlinkDeploymentManifest, FlinkResourceManifest, FlinkSessionJobManifest, FlinkStateSnapshotManifest } from './manifest-types';
import { IFlinkResourceValidator, IFlinkStateSnapshotValidator } from './validator';

/**
 * The checks of the Flink Kubernetes Operator's `DefaultValidator` (release
 * 1.15.0), run on `FlinkDeployment`, `FlinkSessionJob` and
 * `FlinkStateSnapshot` manifests before they are written, with the
 * operator's messages; a `FlinkBlueGreenDeployment` is checked as the blue
 * and green FlinkDeployments the operator creates from its template.
 *
 * `validateDeployment`, `validateSessionJob` and `validateStateSnapshot`
 * return the first message, as the operator's webhook would reject the
 * resource with it; `deploymentErrors`, `sessionJobErrors`,
 * `stateSnapshotErrors` and `blueGreenDeploymentErrors` return every
 * message at once.
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
export class DefaultValidator implements IFlinkResourceValidator, IFlinkStateSnapshotValidator {
  /**
   * The first error of a `FlinkDeployment` manifest.
   *
   * @param deployment the FlinkDeployment manifest
   * @param context the operator configuration to check against, and the resource's source
   * @returns the first error message, or `undefined` when valid
   */
  public validateDeployment(deployment: FlinkDeploymentManifest, context: FlinkHookContext): string | undefined {
    return defaultChecks().deploymentErrors(deployment, context)[0];
  }

  /**
   * The first error of a `FlinkSessionJob` manifest.
   *
   * @param sessionJob the FlinkSessionJob manifest
   * @param sessionDeployment the session cluster's FlinkDeployment manifest, when known
   * @param context the operator configuration to check against, and the resource's source
   * @returns the first error message, or `undefined` when valid
   */
  public validateSessionJob(
    sessionJob: FlinkSessionJobManifest, sessionDeployment: any, context: FlinkHookContext): string | undefined {
    return defaultChecks().sessionJobErrors(sessionJob, sessionDeployment, context)[0];
  }

  /**
   * Every error of a `FlinkDeployment` manifest, in the operator's order.
   *
   * @param deployment the FlinkDeployment manifest
   * @param context the operator configuration to check against, and the resource's source
   * @returns the error messages; empty when valid
   */
  public deploymentErrors(deployment: FlinkDeploymentManifest, context?: FlinkHookContext): string[] {
    return defaultChecks().deploymentErrors(deployment, context);
  }

  /**
   * Every error of a `FlinkSessionJob` manifest, in the operator's order.
   *
   * @param sessionJob the FlinkSessionJob manifest
   * @param sessionDeployment the session cluster's FlinkDeployment manifest, when known
   * @param context the operator configuration to check against, and the resource's source
   * @returns the error messages; empty when valid
   */
  public sessionJobErrors(sessionJob: FlinkSessionJobManifest, sessionDeployment?: FlinkDeploymentManifest, context?: FlinkHookContext): string[] {
    return defaultChecks().sessionJobErrors(sessionJob, sessionDeployment, context);
  }

  /**
   * The first error of a `FlinkStateSnapshot` manifest.
   *
   * As in the operator, an absent `target` means the referenced job does not
   * exist ("Target for snapshot <namespace>/<name> was not found") unless the
   * snapshot is an existing savepoint or the operator has moved it past
   * `TRIGGER_PENDING`. (At synth, a target defined elsewhere is not reported
   * as missing.)
   *
   * @param snapshot the FlinkStateSnapshot manifest
   * @param target the FlinkDeployment or FlinkSessionJob manifest its `jobReference` names, if it exists
   * @param context the operator configuration to check against, and the resource's source
   * @returns the first error message, or `undefined` when valid
   */
  public validateStateSnapshot(snapshot: FlinkStateSnapshotManifest, target: any, context: FlinkHookContext): string | undefined {
    return defaultChecks().stateSnapshotErrors(snapshot, target, context)[0];
  }

  /**
   * Every error of a `FlinkStateSnapshot` manifest, in the operator's order.
   *
   * @param snapshot the FlinkStateSnapshot manifest
   * @param target the FlinkDeployment or FlinkSessionJob manifest its `jobReference` names, if it exists
   * @param context the operator configuration to check against, and the resource's source
   * @returns the error messages; empty when valid
   */
  public stateSnapshotErrors(snapshot: FlinkStateSnapshotManifest, target?: FlinkResourceManifest, context?: FlinkHookContext): string[] {
    return defaultChecks().stateSnapshotErrors(snapshot, target, context);
  }

  /**
   * Every error of a `FlinkBlueGreenDeployment` manifest: the FlinkDeployment
   * checks of the blue and green deployments the operator creates from its
   * template (`<name>-blue`, `<name>-green`).
   *
   * @param blueGreenDeployment the FlinkBlueGreenDeployment manifest
   * @param context the operator configuration to check against, and the resource's source
   * @returns the error messages; empty when valid
   */
  public blueGreenDeploymentErrors(blueGreenDeployment: any, context?: FlinkHookContext): string[] {
    return defaultChecks().blueGreenDeploymentErrors(blueGreenDeployment, context);
  }
}

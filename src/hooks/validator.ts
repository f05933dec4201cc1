import { FlinkHookContext } from './context';
import { FlinkDeploymentManifest, FlinkSessionJobManifest, FlinkStateSnapshotManifest } from './manifest-types';

/**
 * Validates Flink resources before they are written, the synth-time
 * counterpart of the operator's `FlinkResourceValidator` plugin.
 *
 * The manifests are the plain JSON of the `flink.apache.org/v1beta1`
 * resources exactly as the operator would receive them, typed from the
 * operator's CRDs (`FlinkDeploymentManifest`, ...). A returned string is an
 * error; `undefined` means valid.
 *
 * Every parameter is always passed (`undefined` when unknown), so a class
 * in Java, Go or Python implements exactly one method per hook.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/operations/plugins/
 */
export interface IFlinkResourceValidator {
  /**
   * Validates a `FlinkDeployment`.
   *
   * @param deployment the FlinkDeployment manifest
   * @param context what the pipeline knows besides the manifest
   * @returns an error message, or `undefined` when valid
   */
  validateDeployment(deployment: FlinkDeploymentManifest, context: FlinkHookContext): string | undefined;

  /**
   * Validates a `FlinkSessionJob`.
   *
   * @param sessionJob the FlinkSessionJob manifest
   * @param sessionDeployment the `FlinkDeploymentManifest` it targets, or `undefined` when not known (typed `any` because
   *   the parameter is always passed; declare it `FlinkDeploymentManifest | undefined` in TypeScript)
   * @param context what the pipeline knows besides the manifests
   * @returns an error message, or `undefined` when valid
   */
  validateSessionJob(
    sessionJob: FlinkSessionJobManifest, sessionDeployment: any, context: FlinkHookContext): string | undefined;
}

/**
 * Validates `FlinkStateSnapshot`s before they are written, the synth-time
 * counterpart of the `validateStateSnapshot` method of the operator's
 * `FlinkResourceValidator` plugin.
 *
 * Register it with `FlinkHooks.addStateSnapshotValidator()`, or implement
 * it next to `IFlinkResourceValidator` on one object and register that with
 * `FlinkHooks.addValidator()`, which then uses it for snapshots too. A
 * validator that has only `validateDeployment`/`validateSessionJob` never
 * sees snapshots. Every parameter is always passed (`undefined` when
 * unknown).
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/custom-resource/snapshots/
 */
export interface IFlinkStateSnapshotValidator {
  /**
   * Validates a `FlinkStateSnapshot`.
   *
   * @param snapshot the FlinkStateSnapshot manifest
   * @param target the `FlinkResourceManifest` (FlinkDeployment or FlinkSessionJob) its `jobReference`
   *   names, when it is defined in the same app (or among the files given to
   *   `cdk8s-flink validate`); `undefined` otherwise. Its `kind` tells which;
   *   cast it to `FlinkDeploymentManifest` or `FlinkSessionJobManifest` to read its spec
   * @param context what the pipeline knows besides the manifests
   * @returns an error message, or `undefined` when valid
   */
  validateStateSnapshot(snapshot: FlinkStateSnapshotManifest, target: any, context: FlinkHookContext): string | undefined;
}

import { FlinkHookContext } from './context';
import { FlinkDeploymentManifest, FlinkSessionJobManifest } from './manifest-types';

/**
 * Rewrites Flink resources before they are validated and written, the
 * synth-time counterpart of the operator's `FlinkResourceMutator` plugin.
 *
 * A mutator receives a copy of the manifest and returns the manifest to use
 * from then on (it may change and return the same object). Every parameter
 * is always passed (`undefined` when unknown), so a class in Java, Go or
 * Python implements exactly one method per hook.
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.15/docs/operations/plugins/
 */
export interface IFlinkResourceMutator {
  /**
   * Mutates a `FlinkDeployment`.
   *
   * @param deployment the FlinkDeployment manifest
   * @param context what the pipeline knows besides the manifest
   * @returns the manifest to use from now on
   */
  mutateDeployment(deployment: FlinkDeploymentManifest, context: FlinkHookContext): FlinkDeploymentManifest;

  /**
   * Mutates a `FlinkSessionJob`.
   *
   * @param sessionJob the FlinkSessionJob manifest
   * @param sessionDeployment the `FlinkDeploymentManifest` it targets, or `undefined` when not known (typed `any` because
   *   the parameter is always passed; declare it `FlinkDeploymentManifest | undefined` in TypeScript)
   * @param context what the pipeline knows besides the manifests
   * @returns the manifest to use from now on
   */
  mutateSessionJob(
    sessionJob: FlinkSessionJobManifest, sessionDeployment: any, context: FlinkHookContext): FlinkSessionJobManifest;
}

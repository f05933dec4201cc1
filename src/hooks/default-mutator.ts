import { FlinkHookContext } from './context';
import { FlinkDeploymentManifest, FlinkSessionJobManifest } from './manifest-types';
import { IFlinkResourceMutator } from './mutator';

/**
 * The label the operator puts on a FlinkSessionJob with the name of its
 * session cluster.
 */
const TARGET_SESSION_LABEL = 'target.session';

/**
 * The operator's built-in mutator: labels every FlinkSessionJob with
 * `target.session=<deploymentName>`, as the operator's webhook does, so the
 * YAML in Git is what the cluster holds. FlinkDeployments pass unchanged.
 */
export class DefaultMutator implements IFlinkResourceMutator {
  /**
   * Returns the deployment unchanged.
   *
   * @param deployment the FlinkDeployment manifest
   * @param context unused
   */
  public mutateDeployment(deployment: FlinkDeploymentManifest, context: FlinkHookContext): FlinkDeploymentManifest {
    void context;
    return deployment;
  }

  /**
   * Adds the `target.session` label.
   *
   * @param sessionJob the FlinkSessionJob manifest
   * @param sessionDeployment unused
   * @param context unused
   */
  public mutateSessionJob(
    sessionJob: FlinkSessionJobManifest, sessionDeployment: any, context: FlinkHookContext): FlinkSessionJobManifest {
    // The parameters carry the interface's names, which Python and Java callers use as keyword names.
    void sessionDeployment;
    void context;
    const target = sessionJob?.spec?.deploymentName;
    if (typeof target !== 'string' || sessionJob === null || typeof sessionJob !== 'object') {
      return sessionJob;
    }
    const metadata = sessionJob.metadata ?? {};
    return {
      ...sessionJob,
      metadata: { ...metadata, labels: { ...(metadata.labels ?? {}), [TARGET_SESSION_LABEL]: target } },
    };
  }
}

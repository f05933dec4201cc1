/**
 * The SPOTIFY_OPERATOR rendering of a FlinkDeployment: one `FlinkCluster`,
 * checked like the API server and the spotify operator's webhooks would.
 */
import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ArgoCd, ArgoCdSyncOption, ArgoCdSyncWave } from '../../argo-cd';
import { BackendRendering, RenderSource, ResourceRenderer } from '../_resource-renderer';
import { FLINK_CLUSTER_GVK } from './_crd';
import { toFlinkCluster } from './_flink-cluster';
import { flinkClusterErrors } from './_flink-cluster-errors';

/**
 * Renders a FlinkDeployment as a FlinkCluster (construct id `Resource`).
 * A manifest field the FlinkCluster cannot express, a schema violation or
 * a webhook create rule is a validation error of the deployment.
 */
export class FlinkClusterRenderer implements ResourceRenderer {
  /**
   * @param name `metadata.name`
   * @param namespace `metadata.namespace`
   */
  constructor(private readonly name: string, private readonly namespace: string | undefined) {}

  public createObjects(owner: Construct, source: RenderSource): ApiObject[] {
    const cluster = new ApiObject(owner, 'Resource', {
      ...FLINK_CLUSTER_GVK,
      metadata: { name: this.name, namespace: this.namespace },
      spec: Lazy.any({ produce: () => source.rendered().spec }),
    });
    // The CRD may be created in the same sync: do not fail its dry run.
    ArgoCd._annotate(cluster, ArgoCdSyncWave.CLUSTERS, [ArgoCdSyncOption.SKIP_DRY_RUN_ON_MISSING_RESOURCE]);
    return [cluster];
  }

  public render(manifest: any): BackendRendering {
    const { cluster, errors } = toFlinkCluster(manifest);
    const rejected = errors.length > 0 ? errors : flinkClusterErrors(cluster).map((e) => `FlinkCluster: ${e}`);
    return rejected.length > 0 ? { errors: rejected } : { errors: [], rendering: cluster };
  }
}

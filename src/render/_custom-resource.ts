/**
 * The APACHE_OPERATOR rendering: the mutated manifest is the custom
 * resource the Flink Kubernetes Operator reconciles.
 */
import { ApiObject, GroupVersionKind, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { BackendRendering, RenderSource, ResourceRenderer } from './_resource-renderer';
import { ArgoCd, ArgoCdSyncOption, ArgoCdSyncWave } from '../argo-cd';

/**
 * Renders the manifest as the one custom resource (`spec` from the mutated
 * manifest; name and namespace are fixed when the construct is created).
 */
export class CustomResourceRenderer implements ResourceRenderer {
  /**
   * @param gvk the resource's apiVersion and kind
   * @param name `metadata.name`
   * @param namespace `metadata.namespace`
   * @param syncWave the Argo CD sync wave
   */
  constructor(
    private readonly gvk: GroupVersionKind,
    private readonly name: string,
    private readonly namespace: string | undefined,
    private readonly syncWave: ArgoCdSyncWave) {}

  public createObjects(owner: Construct, source: RenderSource): ApiObject[] {
    const resource = new ApiObject(owner, 'Resource', {
      ...this.gvk,
      metadata: { name: this.name, namespace: this.namespace },
      spec: Lazy.any({ produce: () => source.rendered().spec }),
    });
    // The CRD may be created in the same sync: do not fail its dry run.
    ArgoCd._annotate(resource, this.syncWave, [ArgoCdSyncOption.SKIP_DRY_RUN_ON_MISSING_RESOURCE]);
    return [resource];
  }

  public render(manifest: any): BackendRendering {
    return { errors: [], rendering: manifest };
  }
}

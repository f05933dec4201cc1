/**
 * The KUBERNETES rendering of a FlinkDeployment: the objects of a
 * standalone Flink cluster, the JobManager Deployment as the main object.
 */
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ArgoCdSyncWave } from '../../argo-cd';
import { lazyObject } from '../_lazy-objects';
import { BackendRendering, RenderSource, ResourceRenderer } from '../_resource-renderer';
import { OptionalObject, optionalObjects, StandaloneCluster, standaloneCluster, StandaloneClusterOptions } from './_standalone-cluster';
import { standaloneDeploymentErrors } from './_standalone-unsupported';

/** Construct ids of the optional objects, and the cluster's fields they render. */
const OPTIONAL: Record<OptionalObject, Array<[string, keyof StandaloneCluster]>> = {
  serviceAccount: [['ServiceAccount', 'serviceAccount']],
  haRbac: [['HaRole', 'haRole'], ['HaRoleBinding', 'haRoleBinding']],
  ingress: [['Ingress', 'ingress']],
};

/** What an optional object is for, in errors. */
const OPTIONAL_WHAT: Record<OptionalObject, string> = {
  serviceAccount: 'the service account',
  haRbac: 'Kubernetes HA (`high-availability.type: kubernetes`)',
  ingress: 'an ingress',
};

/**
 * Renders a FlinkDeployment as a standalone cluster. Which objects exist is
 * decided by the props (an HA configuration added with
 * `addFlinkConfiguration()` adds the HA RBAC); a mutator that needs other
 * objects than the props is reported.
 */
export class StandaloneClusterRenderer implements ResourceRenderer {
  private owner?: Construct;
  private source?: RenderSource;
  private readonly created = new Set<OptionalObject>();

  /**
   * @param built the manifest built from the props at creation
   * @param options what the manifest does not hold
   */
  constructor(private readonly built: any, private readonly options: StandaloneClusterOptions) {}

  public createObjects(owner: Construct, source: RenderSource): ApiObject[] {
    this.owner = owner;
    this.source = source;
    const initial = standaloneCluster(this.built, this.options);
    const objects = [
      this.object('Resource', initial, 'jobManager'),
      // The ConfigMap's name carries a hash of its content, so that the pods roll when it changes.
      lazyObject(owner, 'ConfigMap', initial.configMap, () => this.rendered('configMap'), ArgoCdSyncWave.CLUSTERS,
        () => (source.current() as StandaloneCluster | undefined)?.configMap.metadata.name ?? initial.configMap.metadata.name),
      this.object('TaskManager', initial, 'taskManager'),
      this.object('RpcService', initial, 'rpcService'),
      this.object('RestService', initial, 'restService'),
    ];
    return [...objects, ...this.createOptional(this.built)];
  }

  public update(built: any): void {
    this.createOptional(built);
  }

  public render(manifest: any): BackendRendering {
    const errors = standaloneDeploymentErrors(manifest);
    if (errors.length > 0) {
      return { errors };
    }
    const needed = optionalObjects(manifest, this.options);
    for (const key of Object.keys(OPTIONAL) as OptionalObject[]) {
      if (needed.has(key) !== this.created.has(key)) {
        errors.push(`${needed.has(key) ? 'a mutator turned on' : 'a mutator turned off'} ${OPTIONAL_WHAT[key]}: the FlinkBackend.KUBERNETES backend creates its objects from the construct's props, so set it in the props (or with addFlinkConfiguration())`);
      }
    }
    if (this.options.renderServiceAccount && manifest.spec?.serviceAccount !== this.built.spec?.serviceAccount) {
      errors.push(`spec.serviceAccount: a mutator changed it to ${JSON.stringify(manifest.spec?.serviceAccount)}, but the FlinkBackend.KUBERNETES backend renders the service account ${JSON.stringify(this.built.spec?.serviceAccount)} of the props; set 'serviceAccount' in the props`);
    }
    const cluster = standaloneCluster(manifest, this.options);
    const all = [...errors, ...cluster.errors];
    return all.length > 0 ? { errors: all } : { errors: [], rendering: cluster };
  }

  private createOptional(built: any): ApiObject[] {
    const objects: ApiObject[] = [];
    const missing = [...optionalObjects(built, this.options)].filter((key) => !this.created.has(key));
    if (missing.length === 0) {
      return objects;
    }
    const initial = standaloneCluster(built, this.options);
    for (const key of missing) {
      this.created.add(key);
      for (const [id, field] of OPTIONAL[key]) {
        objects.push(this.object(id, initial, field));
      }
    }
    return objects;
  }

  private object(id: string, initial: StandaloneCluster, field: keyof StandaloneCluster): ApiObject {
    return lazyObject(this.owner!, id, initial[field], () => this.rendered(field), ArgoCdSyncWave.CLUSTERS);
  }

  /** One object of the cluster rendered from the mutated manifest (the main one notifies the listeners). */
  private rendered(field: keyof StandaloneCluster): any {
    const cluster: StandaloneCluster = field === 'jobManager' ? this.source!.rendered() : this.source!.rendering();
    return (cluster as any)[field];
  }
}

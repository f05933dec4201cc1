/**
 * Server-side applies apps to the test cluster in sync order and checks each
 * answer: accepted, and every field sent came back. An app's objects are
 * deleted after it (CRDs and namespaces stay), so apps do not meet each other.
 */
import { ApiClient, KubeObject } from './api-client';
import { diffSentFields } from './field-diff';
import { isWebhookConfiguration, syncPasses } from './sync-order';

/** A problem found with one object. */
export interface ObjectFailure {
  readonly app: string;
  readonly object: string;
  readonly problem: string;
}

/** Counts and failures of a run. */
export class ApplyRun {
  public accepted = 0;
  public rejected = 0;
  public prunedFields = 0;
  public normalizedValues: string[] = [];
  public omittedZeroValues: string[] = [];
  public webhookConfigurations = 0;
  public readonly failures: ObjectFailure[] = [];
  private readonly namespaces = new Set<string>(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

  constructor(private readonly client: ApiClient, private readonly fieldManager = 'cdk8s-flink-cluster-test') {}

  /** Applies one app's objects, pass by pass, then deletes those it created (except CRDs and namespaces). */
  public async applyApp(app: string, objects: KubeObject[], options: { keep?: boolean } = {}): Promise<void> {
    const applied: KubeObject[] = [];
    try {
      for (const pass of syncPasses(objects)) {
        const stored = [];
        for (const obj of pass) {
          if (await this.applyOne(app, obj)) {
            stored.push(obj);
          }
        }
        applied.push(...stored);
        await this.waitForCrds(stored.filter((o) => o.kind === 'CustomResourceDefinition'));
      }
    } finally {
      if (!options.keep) {
        for (const obj of applied.reverse()) {
          if (obj.kind !== 'CustomResourceDefinition' && obj.kind !== 'Namespace') {
            await this.delete(obj);
          }
        }
      }
    }
  }

  /** Server-side applies one object and checks the answer; true when the server stored it. */
  public async applyOne(app: string, obj: KubeObject): Promise<boolean> {
    const name = describe(obj);
    try {
      await this.ensureNamespace(obj);
      const res = await this.client.serverSideApply(obj, this.fieldManager);
      if (res.status !== 200 && res.status !== 201) {
        this.rejected++;
        this.failures.push({ app, object: name, problem: `rejected (HTTP ${res.status}): ${res.json?.message ?? res.text.slice(0, 500)}` });
        return false;
      }
      this.accepted++;
      if (isWebhookConfiguration(obj)) {
        this.webhookConfigurations++;
      }
      const diff = diffSentFields(obj, res.json);
      this.prunedFields += diff.pruned.length;
      for (const field of diff.pruned) {
        this.failures.push({ app, object: name, problem: `field ${field} was pruned (sent, not returned)` });
      }
      this.normalizedValues.push(...diff.changed.map((c) => `${name} ${c}`));
      this.omittedZeroValues.push(...diff.omittedZero.map((c) => `${name} ${c}`));
      return true;
    } catch (e) {
      this.rejected++;
      this.failures.push({ app, object: name, problem: (e as Error).message });
      return false;
    }
  }

  /** Creates the object's namespace when the cluster has none of that name (no controller would). */
  private async ensureNamespace(obj: KubeObject): Promise<void> {
    const ns = obj.metadata.namespace;
    if (!ns || this.namespaces.has(ns) || !(await this.client.resource(obj.apiVersion, obj.kind)).namespaced) {
      return;
    }
    const res = await this.client.serverSideApply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, this.fieldManager);
    if (res.status !== 200 && res.status !== 201) {
      throw new Error(`namespace ${ns} could not be created: ${res.json?.message ?? res.status}`);
    }
    this.namespaces.add(ns);
  }

  /** Waits until every CRD is Established and forgets the old discovery of its versions. */
  private async waitForCrds(crds: KubeObject[]): Promise<void> {
    for (const crd of crds) {
      const deadline = Date.now() + 90_000;
      let conditions: unknown;
      for (;;) {
        const res = await this.client.request('GET', `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crd.metadata.name}`);
        conditions = res.json?.status?.conditions;
        const established = (res.json?.status?.conditions ?? []).some((c: any) => c.type === 'Established' && c.status === 'True');
        if (established) {
          break;
        }
        if (Date.now() > deadline) {
          throw new Error(`CRD ${crd.metadata.name} not Established after 90 s: ${JSON.stringify(conditions)}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      for (const version of crd.spec.versions as Array<{ name: string }>) {
        this.client.forgetDiscovery(`${crd.spec.group}/${version.name}`);
      }
    }
  }

  private async delete(obj: KubeObject): Promise<void> {
    const res = await this.client.request('DELETE', `${await this.client.objectPath(obj)}?propagationPolicy=Background`);
    if (res.status !== 200 && res.status !== 202 && res.status !== 404) {
      throw new Error(`could not delete ${describe(obj)}: HTTP ${res.status} ${res.json?.message ?? ''}`);
    }
  }
}

/** `Kind namespace/name (apiVersion)`. */
export function describe(obj: KubeObject): string {
  const ns = obj.metadata?.namespace ? `${obj.metadata.namespace}/` : '';
  return `${obj.kind} ${ns}${obj.metadata?.name} (${obj.apiVersion})`;
}

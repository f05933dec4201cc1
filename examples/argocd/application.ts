import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';

/** Where the rendered manifests live in Git. */
export interface GitSource {
  /** The repository Argo CD clones. */
  readonly repoUrl: string;
  /** The branch, tag or commit Argo CD follows. */
  readonly revision: string;
  /** The folder, in the repository, holding the app's rendered charts (one folder per chart). */
  readonly path: string;
}

/**
 * An Argo CD `Application` that syncs one rendered chart folder into the
 * cluster Argo CD runs in, with automated sync, pruning and self-heal.
 */
export class ArgoCdApplication extends ApiObject {
  constructor(scope: Construct, id: string, props: { source: GitSource; chart: Chart; namespace: string; syncWave: number }) {
    super(scope, id, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      // In the app of apps, the operator's Application syncs before the teams' ones.
      metadata: { name: props.chart.node.id, namespace: 'argocd', annotations: { 'argocd.argoproj.io/sync-wave': String(props.syncWave) } },
      spec: {
        project: 'default',
        source: { repoURL: props.source.repoUrl, targetRevision: props.source.revision, path: `${props.source.path}/${props.chart.node.id}` },
        destination: { server: 'https://kubernetes.default.svc', namespace: props.namespace },
        syncPolicy: {
          automated: { prune: true, selfHeal: true },
          syncOptions: ['CreateNamespace=true'],
        },
      },
    });
  }
}

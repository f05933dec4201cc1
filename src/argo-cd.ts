import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Lazy } from 'cdk8s';
import { IConstruct } from 'constructs';

/**
 * The order in which Argo CD applies the objects of this library: each wave
 * waits until the previous one is synced and healthy.
 *
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/sync-waves/
 */
export enum ArgoCdSyncWave {
  /** The Flink CustomResourceDefinitions. */
  CRDS = -3,
  /** cert-manager Issuer/Certificate of the operator webhook. */
  CERTIFICATES = -2,
  /** The operator: RBAC, ConfigMap, Deployment, webhook. */
  OPERATOR = -1,
  /** Flink clusters: FlinkDeployment, FlinkBlueGreenDeployment, standalone workloads. */
  CLUSTERS = 0,
  /** What runs on a cluster: FlinkSessionJob, FlinkStateSnapshot, submitter Jobs. */
  JOBS = 1,
}

/** Argo CD sync options this library sets. */
export enum ArgoCdSyncOption {
  /** Apply with server-side apply: needed for CRDs over the 262 KiB annotation limit of client-side apply. */
  SERVER_SIDE_APPLY = 'ServerSideApply=true',
  /** Do not fail the dry run of a custom resource whose CRD is created in the same sync. */
  SKIP_DRY_RUN_ON_MISSING_RESOURCE = 'SkipDryRunOnMissingResource=true',
}

const DISABLED = new WeakSet<IConstruct>();

/**
 * Argo CD annotations on everything this library renders: sync waves
 * (CRDs → certificates → operator → Flink clusters → jobs) and sync options.
 * On by default; `ArgoCd.disable(scope)` turns them off beneath a scope.
 */
export class ArgoCd {
  /** The sync-wave annotation key. */
  public static readonly SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';
  /** The sync-options annotation key. */
  public static readonly SYNC_OPTIONS_ANNOTATION = 'argocd.argoproj.io/sync-options';

  /**
   * The Lua health check for FlinkDeployment and FlinkSessionJob: Healthy
   * when the job runs (or finished, or the session cluster is ready),
   * Degraded on a failed lifecycle, a rollback, a failed JobManager
   * deployment, a failed job or a reconciliation error (with the operator's
   * message), Suspended when suspended or cancelled, Progressing otherwise.
   * Argo CD's built-in check ignores the job state.
   *
   * @see https://argo-cd.readthedocs.io/en/stable/operator-manual/health/#custom-health-checks
   */
  public static healthCheckLua(): string {
    return fs.readFileSync(path.join(__dirname, '..', 'assets', 'argocd', 'flink-health.lua'), 'utf8');
  }

  /**
   * The `argocd-cm` entries that install the health check for both kinds
   * (`resource.customizations.health.flink.apache.org_FlinkDeployment`, ...),
   * to merge into your Argo CD configuration (e.g. the Helm chart's
   * `configs.cm`, or a kustomize patch of `argocd-cm`).
   */
  public static healthCustomizations(): { [key: string]: string } {
    const lua = ArgoCd.healthCheckLua();
    return {
      'resource.customizations.health.flink.apache.org_FlinkDeployment': lua,
      'resource.customizations.health.flink.apache.org_FlinkSessionJob': lua,
    };
  }

  /**
   * Renders no Argo CD annotations for any object beneath the scope (for
   * Flux, kubectl or Helm users).
   *
   * @param scope an App, Chart or construct
   */
  public static disable(scope: IConstruct): void {
    DISABLED.add(scope);
  }

  /**
   * Whether the annotations are rendered for objects beneath a construct.
   *
   * @param construct any construct
   */
  public static isEnabled(construct: IConstruct): boolean {
    return !construct.node.scopes.some((s) => DISABLED.has(s));
  }

  /**
   * Annotates an object with its sync wave and sync options; the decision
   * to render them is taken at synth, so `disable()` may come later.
   * @internal
   */
  public static _annotate(obj: ApiObject, wave: ArgoCdSyncWave, options: ArgoCdSyncOption[] = []): void {
    const when = (value: string) => Lazy.any({ produce: () => ArgoCd.isEnabled(obj) ? value : undefined }) as unknown as string;
    obj.metadata.addAnnotation(ArgoCd.SYNC_WAVE_ANNOTATION, when(String(wave)));
    if (options.length > 0) {
      obj.metadata.addAnnotation(ArgoCd.SYNC_OPTIONS_ANNOTATION, when(options.join(',')));
    }
  }

  private constructor() {}
}

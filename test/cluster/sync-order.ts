/**
 * The order Argo CD syncs an app's objects in, as the cluster test applies
 * them: namespaces and CRDs first, then by sync wave, kind (Argo CD's kind
 * order) and name; admission webhook configurations last, in a pass of their
 * own, because they point at a service no one serves here.
 */
import { KubeObject } from './api-client';

/** Argo CD's sync order of kinds within a wave (gitops-engine `kindOrder`); other kinds come after. */
const KIND_ORDER = [
  'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget', 'ServiceAccount',
  'Secret', 'SecretList', 'ConfigMap', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim', 'CustomResourceDefinition',
  'ClusterRole', 'ClusterRoleList', 'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding',
  'RoleBindingList', 'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet', 'Deployment',
  'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService',
];

/** The annotation holding an object's Argo CD sync wave. */
export const SYNC_WAVE = 'argocd.argoproj.io/sync-wave';

/** Whether the object is an admission webhook configuration. */
export function isWebhookConfiguration(obj: KubeObject): boolean {
  return obj.apiVersion.startsWith('admissionregistration.k8s.io/') && /WebhookConfiguration$/.test(obj.kind);
}

/** Whether the object goes in the first pass (namespaces and CRDs). */
export function isFoundation(obj: KubeObject): boolean {
  return obj.kind === 'Namespace' || obj.kind === 'CustomResourceDefinition';
}

/** The objects in three passes: foundation, the rest by wave, webhook configurations. */
export function syncPasses(objects: KubeObject[]): KubeObject[][] {
  const sorted = [...objects].sort(compare);
  return [
    sorted.filter(isFoundation),
    sorted.filter((o) => !isFoundation(o) && !isWebhookConfiguration(o)),
    sorted.filter(isWebhookConfiguration),
  ];
}

function compare(a: KubeObject, b: KubeObject): number {
  return wave(a) - wave(b) || kindRank(a) - kindRank(b) || a.kind.localeCompare(b.kind) || a.metadata.name.localeCompare(b.metadata.name);
}

function wave(obj: KubeObject): number {
  const value = Number(obj.metadata.annotations?.[SYNC_WAVE] ?? 0);
  return Number.isFinite(value) ? value : 0;
}

function kindRank(obj: KubeObject): number {
  const i = KIND_ORDER.indexOf(obj.kind);
  return i < 0 ? KIND_ORDER.length : i;
}

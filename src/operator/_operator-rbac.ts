import { ApiObject, JsonPatch } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { ArgoCd, ArgoCdSyncWave } from '../argo-cd';

const ALL_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Names of the RBAC objects, as the Helm chart's default values name them. */
export const RBAC_NAMES = {
  operatorRole: 'flink-operator',
  operatorRoleBinding: 'flink-operator-role-binding',
  jobRole: 'flink',
  jobRoleBinding: 'flink-role-binding',
} as const;

/**
 * The rules of the operator's (Cluster)Role, exactly the chart's
 * `flink-operator.rbacRules` (no rule is widened or added); `nodes` adds
 * `list` on nodes (the chart's `rbac.nodesRule`, needed by NodePort REST
 * services). Each rule is what the operator's reconcilers use.
 */
export function operatorRules(nodes: boolean): k8s.PolicyRule[] {
  return [
    // JobManager/TaskManager pods and services, HA and config ConfigMaps, the Secrets of
    // `kubernetes.secrets`, events it records; deletecollection cleans up a deleted cluster's pods.
    { apiGroups: [''], resources: ['pods', 'services', 'events', 'configmaps', 'secrets'], verbs: [...ALL_VERBS, 'deletecollection'] },
    ...(nodes ? [{ apiGroups: [''], resources: ['nodes'], verbs: ['list'] }] : []),
    // The JobManager (and standalone TaskManager) Deployments it creates, observes and deletes.
    { apiGroups: ['apps'], resources: ['deployments', 'deployments/finalizers', 'replicasets'], verbs: ALL_VERBS },
    // Standalone-mode scaling of TaskManagers (autoscaler, reactive mode).
    { apiGroups: ['apps'], resources: ['deployments/scale'], verbs: ['get', 'update', 'patch'] },
    // Legacy API group kept as the chart has it: the operator falls back to it for ingresses on old clusters;
    // on Kubernetes >= 1.22 the group no longer exists, so the rule grants nothing there.
    { apiGroups: ['extensions'], resources: ['deployments', 'ingresses'], verbs: ALL_VERBS },
    // The Flink resources it reconciles, their finalizers (deletion) and status subresources.
    {
      apiGroups: ['flink.apache.org'],
      resources: [
        'flinkbluegreendeployments', 'flinkbluegreendeployments/finalizers',
        'flinkdeployments', 'flinkdeployments/finalizers',
        'flinksessionjobs', 'flinksessionjobs/finalizers',
        'flinkstatesnapshots', 'flinkstatesnapshots/finalizers',
      ],
      verbs: ALL_VERBS,
    },
    {
      apiGroups: ['flink.apache.org'],
      resources: ['flinkbluegreendeployments/status', 'flinkdeployments/status', 'flinksessionjobs/status', 'flinkstatesnapshots/status'],
      verbs: ['get', 'update', 'patch'],
    },
    // The ingress of `spec.ingress`.
    { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: ALL_VERBS },
    // Leader election.
    { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ALL_VERBS },
  ];
}

/**
 * The rules of the operator's Role in its own namespace when it watches
 * only other namespaces: leader-election leases and listing snapshots.
 */
export function operatorNamespaceRules(): k8s.PolicyRule[] {
  return [
    { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ALL_VERBS },
    { apiGroups: ['flink.apache.org'], resources: ['flinkstatesnapshots'], verbs: ['list'] },
  ];
}

/**
 * The rules of the Flink jobs' Role, exactly the chart's: in native mode the
 * JobManager creates and deletes its TaskManager pods, Kubernetes HA keeps
 * leader and checkpoint pointers in ConfigMaps, and the JobManager sets
 * its own Deployment as the owner of what it creates (hence deployments and
 * their finalizers).
 */
export function jobRules(): k8s.PolicyRule[] {
  return [
    { apiGroups: [''], resources: ['pods', 'configmaps'], verbs: ALL_VERBS },
    { apiGroups: ['apps'], resources: ['deployments', 'deployments/finalizers'], verbs: ALL_VERBS },
  ];
}

/** What the RBAC of one operator install needs to know. */
export interface OperatorRbacOptions {
  readonly namespace: string;
  /** Empty: the operator watches every namespace. */
  readonly watchNamespaces: string[];
  readonly labels: { [key: string]: string };
  readonly operatorServiceAccount: string;
  readonly jobServiceAccount: string;
  readonly jobServiceAccountAnnotations: { [key: string]: string };
  readonly listNodes: boolean;
}

/** Cluster-scoped objects carry no namespace, even in a chart that has one. */
export function clusterScoped(obj: ApiObject): void {
  if (obj.metadata.namespace !== undefined) {
    obj.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  }
}

function operatorWave(obj: ApiObject): void {
  ArgoCd._annotate(obj, ArgoCdSyncWave.OPERATOR);
}

/**
 * Renders the operator's RBAC as the chart does: a ClusterRole and
 * ClusterRoleBinding when it watches every namespace; otherwise a Role and
 * RoleBinding in each watched namespace, plus a lease Role in its own
 * namespace when that is not watched.
 */
export function renderOperatorRbac(scope: Construct, options: OperatorRbacOptions): void {
  const labels = options.labels;
  const subjects = [{ kind: 'ServiceAccount', name: options.operatorServiceAccount, namespace: options.namespace }];
  if (options.watchNamespaces.length === 0) {
    const role = new k8s.KubeClusterRole(scope, 'ClusterRole', {
      metadata: { name: RBAC_NAMES.operatorRole, labels },
      rules: operatorRules(options.listNodes),
    });
    const binding = new k8s.KubeClusterRoleBinding(scope, 'ClusterRoleBinding', {
      metadata: { name: RBAC_NAMES.operatorRoleBinding, labels },
      roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: RBAC_NAMES.operatorRole },
      subjects,
    });
    for (const obj of [role, binding]) {
      clusterScoped(obj);
      operatorWave(obj);
    }
    return;
  }
  const roles: Array<[string, k8s.PolicyRule[]]> = options.watchNamespaces.map((ns) => [ns, operatorRules(options.listNodes)]);
  if (!options.watchNamespaces.includes(options.namespace)) {
    roles.push([options.namespace, operatorNamespaceRules()]);
  }
  for (const [namespace, rules] of roles) {
    operatorWave(new k8s.KubeRole(scope, `Role-${namespace}`, {
      metadata: { name: RBAC_NAMES.operatorRole, namespace, labels },
      rules,
    }));
    operatorWave(new k8s.KubeRoleBinding(scope, `RoleBinding-${namespace}`, {
      metadata: { name: RBAC_NAMES.operatorRoleBinding, namespace, labels },
      roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: RBAC_NAMES.operatorRole },
      subjects,
    }));
  }
}

/**
 * Renders what Flink jobs run as in each namespace (the operator namespace
 * when it watches every namespace): the `flink` ServiceAccount, Role and
 * RoleBinding.
 */
export function renderJobRbac(scope: Construct, options: OperatorRbacOptions): void {
  const labels = options.labels;
  const namespaces = options.watchNamespaces.length === 0 ? [options.namespace] : options.watchNamespaces;
  for (const namespace of namespaces) {
    const suffix = options.watchNamespaces.length === 0 ? '' : `-${namespace}`;
    operatorWave(new k8s.KubeServiceAccount(scope, `JobServiceAccount${suffix}`, {
      metadata: { name: options.jobServiceAccount, namespace, labels, annotations: { ...options.jobServiceAccountAnnotations } },
    }));
    operatorWave(new k8s.KubeRole(scope, `JobRole${suffix}`, {
      metadata: { name: RBAC_NAMES.jobRole, namespace, labels },
      rules: jobRules(),
    }));
    operatorWave(new k8s.KubeRoleBinding(scope, `JobRoleBinding${suffix}`, {
      metadata: { name: RBAC_NAMES.jobRoleBinding, namespace, labels },
      roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: RBAC_NAMES.jobRole },
      subjects: [{ kind: 'ServiceAccount', name: options.jobServiceAccount, namespace }],
    }));
  }
}

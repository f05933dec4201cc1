import { k8s } from 'cdk8s-plus-27';

/** uid and gid of the `flink` user of the operator image (and of the Helm chart's `podSecurityContext`). */
export const OPERATOR_UID = 9999;

/** Pod security context meeting Pod Security Standards "restricted". */
export function restrictedPodSecurityContext(): k8s.PodSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: OPERATOR_UID,
    runAsGroup: OPERATOR_UID,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** Container security context meeting Pod Security Standards "restricted". */
export function restrictedContainerSecurityContext(): k8s.SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    runAsNonRoot: true,
  };
}

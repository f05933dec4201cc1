/**
 * The Pod Security Standards "restricted" profile as this library renders
 * it: the one definition of the pod and container security contexts of
 * every pod it renders (the operator Deployment, its init containers, the
 * Flink JobManager and TaskManager pods).
 *
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
import { k8s } from 'cdk8s-plus-27';

/**
 * uid and gid of the `flink` user of the official Flink and operator images
 * (and of the operator Helm chart's `podSecurityContext`).
 */
export const FLINK_UID = 9999;

/** Pod security context meeting Pod Security Standards "restricted" (the operator chart's, plus non-root and seccomp). */
export function restrictedPodSecurityContext(): k8s.PodSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: FLINK_UID,
    runAsGroup: FLINK_UID,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/**
 * Pod security context of the Flink pods: the restricted one, and volumes
 * owned by the `flink` group so that the Flink processes can write
 * checkpoints, savepoints and HA data to mounted volumes.
 */
export function flinkPodSecurityContext(): k8s.PodSecurityContext {
  return { ...restrictedPodSecurityContext(), fsGroup: FLINK_UID };
}

/** Container security context meeting Pod Security Standards "restricted". */
export function restrictedContainerSecurityContext(): k8s.SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    runAsNonRoot: true,
  };
}

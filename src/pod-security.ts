/**
 * Which security defaults the library puts into the pods it renders.
 *
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export enum PodSecurity {
  /**
   * Pod Security Standards "restricted": the pods run as the `flink` user
   * (uid and gid 9999, `runAsNonRoot`), with the `RuntimeDefault` seccomp
   * profile, volumes owned by group 9999 (`fsGroup`), and every container
   * (`flink-main-container`, sidecars, init containers) without privilege
   * escalation and with all capabilities dropped. Settings of the pod
   * templates are merged over these defaults, and a setting that weakens the
   * profile (root, privileged, host namespaces, ports or paths, added
   * capabilities, seccomp `Unconfined`) is a synth error.
   */
  RESTRICTED = 'restricted',

  /**
   * No security defaults and no checks: the pods get exactly the pod
   * templates given (and the operator's and Flink's defaults). An explicit
   * opt-out for images that must run as root or pods that need host access,
   * e.g. `hostPath` volumes; such pods are rejected by namespaces that
   * enforce the "restricted" profile.
   */
  CUSTOM = 'custom',
}

/**
 * The library's own policy on Flink resources, beyond the operator's
 * admission rules: no credential as plain text in a Flink configuration, and
 * Pod Security Standards "restricted" on the pod templates. It runs in the
 * hook pipeline on the mutated manifest, at synth and in `cdk8s-flink
 * validate` (unless `--policy operator`).
 *
 * A resource opts out through annotations, which the constructs render from
 * their props (`podSecurity: PodSecurity.CUSTOM`,
 * `allowPlaintextConfiguration(key)`), so the CLI applies to synthesized YAML
 * exactly the policy synth applied. Hand-written YAML uses the same
 * annotations.
 */
import { podSecurityErrors } from './_pod-security-checks';
import { FlinkResourceKind, isObject } from '../manifest/_fields';
import { plaintextCredentialErrors } from '../security/_plaintext-credentials';

/** Annotation listing the `flinkConfiguration` keys allowed to hold a literal credential (comma-separated). */
export const PLAINTEXT_KEYS_ANNOTATION = 'policy.cdk8s-flink.dev/plaintext-configuration-keys';

/** Annotation `custom` exempts a resource's pod templates from Pod Security "restricted". */
export const POD_SECURITY_ANNOTATION = 'policy.cdk8s-flink.dev/pod-security';

/** How a FlinkDeployment passes a credential instead of a literal configuration value. */
const DEPLOYMENT_HINT = 'expose it to the Flink pods with addSecretEnv(...) as an environment variable for the code or plugin that reads it';

/** How a FlinkSessionJob passes a credential instead of a literal configuration value. */
const SESSION_JOB_HINT = 'expose it to the session cluster\'s pods with addSecretEnv(...) on its FlinkDeployment, as an environment variable for the code that reads it';

/**
 * The annotations that record a resource's opt-outs of the policy (none
 * when it opts out of nothing).
 *
 * @param restricted whether the pod templates must meet Pod Security "restricted"
 * @param plaintextKeys the configuration keys allowed to hold a literal credential
 */
export function policyAnnotations(restricted: boolean, plaintextKeys: readonly string[]): Record<string, string> {
  const annotations: Record<string, string> = {};
  if (!restricted) {
    annotations[POD_SECURITY_ANNOTATION] = 'custom';
  }
  if (plaintextKeys.length > 0) {
    annotations[PLAINTEXT_KEYS_ANNOTATION] = [...new Set(plaintextKeys)].sort().join(',');
  }
  return annotations;
}

/**
 * Every message of the library's policy for one (mutated) Flink resource
 * manifest, each naming the field and how to fix or opt out.
 */
export function libraryPolicyErrors(kind: FlinkResourceKind, manifest: any): string[] {
  const annotations = isObject(manifest?.metadata?.annotations) ? manifest.metadata.annotations : {};
  const allowed = typeof annotations[PLAINTEXT_KEYS_ANNOTATION] === 'string'
    ? annotations[PLAINTEXT_KEYS_ANNOTATION].split(',').map((k: string) => k.trim()).filter(Boolean) : [];
  const restricted = annotations[POD_SECURITY_ANNOTATION] !== 'custom';
  switch (kind) {
    case 'FlinkDeployment':
      return deploymentSpecErrors(manifest?.spec, 'spec', allowed, restricted);
    case 'FlinkBlueGreenDeployment':
      return deploymentSpecErrors(manifest?.spec?.template?.spec, 'spec.template.spec', allowed, restricted);
    case 'FlinkSessionJob':
      return plaintextCredentialErrors(manifest?.spec?.flinkConfiguration, 'flinkConfiguration', allowed, SESSION_JOB_HINT);
    case 'FlinkStateSnapshot':
      return [];
  }
}

function deploymentSpecErrors(spec: any, path: string, allowed: readonly string[], restricted: boolean): string[] {
  if (!isObject(spec)) {
    return [];
  }
  return [
    ...plaintextCredentialErrors(spec.flinkConfiguration, 'flinkConfiguration', allowed, DEPLOYMENT_HINT),
    ...(restricted ? podSecurityErrors(spec, path) : []),
  ];
}

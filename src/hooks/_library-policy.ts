/**
 * The library's own policy on Flink resources, beyond the operator's
 * admission rules: no credential as plain text in a Flink configuration, and
 * Pod Security Standards "restricted" on the pod templates. It runs in the
 * hook pipeline on the mutated manifest, at synth and in `cdk8s-flink
 * validate` (unless `--policy operator`).
 *
 * A resource opts out through annotations (`security/_policy-opt-outs`),
 * which the constructs render from their props, so the CLI applies to
 * synthesized YAML exactly the policy synth applied.
 */
import { podSecurityErrors } from './_pod-security-checks';
import { FlinkResourceKind, isObject } from '../manifest/_fields';
import { plaintextCredentialErrors } from '../security/_plaintext-credentials';
import { PLAINTEXT_KEYS_ANNOTATION, POD_SECURITY_ANNOTATION } from '../security/_policy-opt-outs';

/** How a FlinkDeployment passes a credential instead of a literal configuration value. */
const DEPLOYMENT_HINT = 'expose it to the Flink pods with addSecretEnv(...) as an environment variable for the code or plugin that reads it';

/** How a FlinkSessionJob passes a credential instead of a literal configuration value. */
const SESSION_JOB_HINT = 'expose it to the session cluster\'s pods with addSecretEnv(...) on its FlinkDeployment, as an environment variable for the code that reads it';

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

/**
 * A Flink resource's opt-outs of the library's policy: the configuration
 * keys its owner allowed to hold a literal credential, and the annotations
 * that record the opt-outs. The constructs render the annotations from their
 * props (`podSecurity: PodSecurity.CUSTOM`, `allowPlaintextConfiguration(key)`);
 * the policy (`hooks/_library-policy`) reads them from the manifest, so
 * `cdk8s-flink validate` applies to synthesized YAML exactly the policy
 * synth applied. Hand-written YAML uses the same annotations.
 */
import { describeValue } from '../manifest/_describe';
import { checkAll, reject } from '../props/_prop-error';

/** Annotation listing the `flinkConfiguration` keys allowed to hold a literal credential (comma-separated). */
export const PLAINTEXT_KEYS_ANNOTATION = 'policy.cdk8s-flink.dev/plaintext-configuration-keys';

/** Annotation `custom` exempts a resource's pod templates from Pod Security "restricted". */
export const POD_SECURITY_ANNOTATION = 'policy.cdk8s-flink.dev/pod-security';

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
 * The keys of one Flink configuration that its owner allowed to hold a
 * literal credential (rendered as a policy annotation, read by the policy).
 */
export class PlaintextCredentials {
  private readonly allowed = new Set<string>();

  /** @param keys keys allowed in plain text from the props */
  constructor(keys: readonly string[] | undefined) {
    if (keys !== undefined && !Array.isArray(keys)) {
      reject('plaintextConfigurationKeys', `must be a list of configuration keys, got ${describeValue(keys)}`);
    }
    checkAll(...(keys ?? []).map((key) => () => this.allow(key)));
  }

  /** Allows a (flattened) key to hold a literal value. */
  public allow(key: string): void {
    if (typeof key !== 'string' || key.trim() === '' || key.includes(',')) {
      reject('plaintextConfigurationKeys', `entries must be non-empty configuration keys without commas, got ${describeValue(key)}`);
    }
    this.allowed.add(key);
  }

  /** The allowed keys, sorted. */
  public keys(): string[] {
    return [...this.allowed].sort();
  }
}

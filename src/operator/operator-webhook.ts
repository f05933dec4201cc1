import { ISecret, k8s } from 'cdk8s-plus-27';
import { describeValue, isNonEmptyString } from '../manifest/_describe';
import { reject } from '../props/_prop-error';

/**
 * Where the webhook's PKCS#12 keystore password comes from: a key of a
 * Kubernetes Secret in the operator namespace. cert-manager encrypts the
 * keystore with it and the webhook container reads it from the same key.
 *
 * The library never renders the password itself: create the Secret out of
 * band (`kubectl create secret generic ... --from-literal=password=$(openssl rand -base64 24)`),
 * through a SealedSecret/ExternalSecret, or pass an `ISecret` you define.
 */
export class WebhookKeystorePassword {
  /** The Secret name the operator uses when none is given (the Helm chart's name). */
  public static readonly DEFAULT_SECRET_NAME = 'flink-operator-webhook-secret';
  /** The key the operator uses when none is given (the Helm chart's key). */
  public static readonly DEFAULT_KEY = 'password';

  /**
   * A key of a Secret, by name, that exists in the operator namespace (it is
   * not rendered).
   *
   * @param secretName name of the Secret
   * @param key key of the password in the Secret (default `password`)
   */
  public static fromSecretName(secretName: string, key?: string): WebhookKeystorePassword {
    return new WebhookKeystorePassword(secretName, key ?? WebhookKeystorePassword.DEFAULT_KEY);
  }

  /**
   * A key of a Secret defined in this app (e.g. a cdk8s-plus `Secret`
   * construct, or `Secret.fromSecretName()`); it must live in the operator
   * namespace.
   *
   * @param secret the Secret
   * @param key key of the password in the Secret (default `password`)
   */
  public static fromSecret(secret: ISecret, key?: string): WebhookKeystorePassword {
    if (typeof secret !== 'object' || secret === null) {
      return new WebhookKeystorePassword('', '', `needs a Secret, got ${describeValue(secret)}`);
    }
    return new WebhookKeystorePassword(secret.name, key ?? WebhookKeystorePassword.DEFAULT_KEY);
  }

  private constructor(
    /** Name of the Secret. */
    public readonly secretName: string,
    /** Key of the password in the Secret. */
    public readonly key: string,
    private readonly problem?: string,
  ) {
    if (problem === undefined && (!isNonEmptyString(secretName) || !isNonEmptyString(key))) {
      this.problem = `needs a Secret name and key, got ${describeValue(secretName)} and ${describeValue(key)}`;
    }
  }

  /**
   * Throws the prop error of a password that cannot be used (reported at
   * synth by the FlinkOperator that uses it).
   * @internal
   */
  public _check(): void {
    if (this.problem !== undefined) {
      reject('webhook.keystorePassword', this.problem);
    }
  }
}

/**
 * How cert-manager encrypts the webhook's PKCS#12 keystore (the
 * Certificate's `keystores.pkcs12.profile`; the 1.16 chart's
 * `webhook.keystore.pkcs12Profile`).
 *
 * @see https://cert-manager.io/docs/reference/api-docs/#cert-manager.io/v1.PKCS12Profile
 */
export enum WebhookKeystoreProfile {
  /** AES-256-CBC with PBKDF2 and SHA-256: required in FIPS-compliant environments. */
  MODERN_2023 = 'Modern2023',
  /** Triple DES with SHA-1 (cert-manager's legacy encoding). */
  LEGACY_DES = 'LegacyDES',
  /** RC2 with SHA-1 (cert-manager's default when no profile is set). */
  LEGACY_RC2 = 'LegacyRC2',
}

/**
 * The operator's admission webhook: a second container of the operator pod
 * that validates and mutates Flink resources on admission, with a serving
 * certificate from cert-manager (injected into the webhook configurations
 * through `cert-manager.io/inject-ca-from`, never a rendered `caBundle`).
 *
 * @see https://nightlies.apache.org/flink/flink-kubernetes-operator-docs-release-1.16/docs/operations/helm/
 */
export interface FlinkOperatorWebhookOptions {
  /**
   * Whether the webhook is installed at all. Without it, nothing checks Flink
   * resources on admission (the synth-time validators still do).
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Whether the validating webhook configuration is installed.
   *
   * @default true
   */
  readonly validator?: boolean;

  /**
   * Whether the mutating webhook configuration is installed.
   *
   * @default true
   */
  readonly mutator?: boolean;

  /**
   * The keystore password: a Secret key in the operator namespace.
   *
   * @default - key `password` of the Secret `flink-operator-webhook-secret`, which must exist in the operator namespace
   */
  readonly keystorePassword?: WebhookKeystorePassword;

  /**
   * Encryption of the PKCS#12 keystore cert-manager writes for the webhook.
   * `MODERN_2023` is what FIPS-compliant environments need.
   *
   * @default - cert-manager's default (no `profile` rendered), as the chart with default values
   */
  readonly keystoreProfile?: WebhookKeystoreProfile;

  /**
   * JVM options of the webhook (`JVM_ARGS`).
   *
   * @default - none
   */
  readonly jvmArgs?: string;

  /**
   * Resources of the webhook container.
   *
   * @default - no requests or limits
   */
  readonly resources?: k8s.ResourceRequirements;

  /**
   * Extra environment variables of the webhook container.
   *
   * @default - none
   */
  readonly env?: k8s.EnvVar[];

  /**
   * Labels of the webhook Service.
   *
   * @default - none
   */
  readonly serviceLabels?: { [key: string]: string };
}

/**
 * Credentials set as plain text in a Flink configuration: keys that look
 * like a password, secret, access key or token, with a literal value. They
 * would end up in Git, in the custom resource and in the cluster's
 * ConfigMap; each is a synth error unless the user allowed its key
 * (`PlaintextCredentials`, `_policy-opt-outs`).
 */
import { flatConfigurationEntries } from '../manifest/_configuration';

/** Words of a configuration key that name a credential (matched case-insensitively on the flattened key). */
const CREDENTIAL = /password|passwd|secret|access[-_.]?key|private[-_.]?key|api[-_.]?key|token|credential/i;

/**
 * Flink options that contain those words but hold no credential: Secret
 * mounts and env references (`kubernetes.secrets`,
 * `kubernetes.env.secretKeyRef`), the delegation token framework's settings
 * and credential provider class names.
 */
const NOT_CREDENTIALS: readonly RegExp[] = [
  /^kubernetes\.secrets$/i,
  /^kubernetes\.env\.secretkeyref$/i,
  /^security\.delegation\.tokens?\./i,
  /credentials?\.provider/i,
];

/** A value that only names an environment variable, `${NAME}`: no credential in it. */
const REFERENCE = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/**
 * One message per credential-looking key of a configuration with a literal
 * value that is not allowed (never the value itself).
 *
 * @param configuration the `flinkConfiguration` (flat or nested)
 * @param field the field named in the messages, e.g. `flinkConfiguration`
 * @param allowed keys allowed to hold a literal value
 * @param hint how to pass the value instead, e.g. `expose it to the Flink pods with addSecretEnv(...)`
 */
export function plaintextCredentialErrors(configuration: unknown, field: string, allowed: readonly string[], hint: string): string[] {
  if (configuration === null || typeof configuration !== 'object' || Array.isArray(configuration)) {
    return [];
  }
  return [...flatConfigurationEntries(configuration)]
    .filter(([key, value]) => looksLikeCredential(key) && isLiteral(value) && !allowed.includes(key))
    .map(([key]) => `${field}.${key}: looks like a credential and is set as plain text; `
      + `put the value in a Secret and ${hint}, or allow it with allowPlaintextConfiguration('${key}')`);
}

function looksLikeCredential(key: string): boolean {
  return CREDENTIAL.test(key) && !NOT_CREDENTIALS.some((pattern) => pattern.test(key));
}

/** A value that is text; `true`/`false` and `${NAME}` references are not credentials. */
function isLiteral(value: string): boolean {
  return value !== '' && value !== 'true' && value !== 'false' && !REFERENCE.test(value);
}

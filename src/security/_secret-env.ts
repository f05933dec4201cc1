/**
 * Environment variables of `flink-main-container` read from Secrets
 * (`valueFrom.secretKeyRef`), rendered into a FlinkDeployment's
 * `spec.podTemplate` after the user's own variables.
 */
import { MAIN_CONTAINER, withMainContainer } from '../manifest/_ir';
import { checkAll, fail, reject } from '../props/_checks';

/** Environment variable names Kubernetes accepts (`C_IDENTIFIER`-like, as the API server checks them). */
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
/** Secret names: DNS subdomains. */
const SECRET_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Keys of a Secret's data. */
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * The Secret-backed variables of one FlinkDeployment spec; `add` checks
 * each one eagerly against the others and the variables of the user's pod
 * template.
 */
export class SecretEnvironment {
  private readonly variables = new Map<string, { readonly secretName: string; readonly key: string }>();

  /**
   * @param templateEnvNames the variables `flink-main-container` already has in the user's `podTemplate`
   */
  constructor(private readonly templateEnvNames: readonly string[]) {}

  /** Adds a variable; throws on a malformed name or a name already in use. */
  public add(name: string, secretName: string, key: string): void {
    checkAll(
      () => check('name', name, ENV_NAME, 'an environment variable name'),
      () => {
        check('secretName', secretName, SECRET_NAME, 'a Secret name (DNS subdomain)');
        if (secretName.length > 253) {
          reject('secretName', `must be at most 253 characters, got ${secretName.length}`);
        }
      },
      () => check('key', key, SECRET_KEY, 'a key of a Secret'),
    );
    if (this.templateEnvNames.includes(name)) {
      reject('name', `environment variable '${name}' is already set on ${MAIN_CONTAINER} by 'podTemplate'`);
    }
    const existing = this.variables.get(name);
    if (existing && (existing.secretName !== secretName || existing.key !== key)) {
      reject('name', `environment variable '${name}' already reads key '${existing.key}' of Secret '${existing.secretName}'; refusing to read key '${key}' of Secret '${secretName}' instead`);
    }
    this.variables.set(name, { secretName, key });
  }

  /** The pod template (wire JSON) with the variables on `flink-main-container`; unchanged without variables. */
  public applyTo(template: any): any {
    if (this.variables.size === 0) {
      return template;
    }
    const env = [...this.variables].map(([name, ref]) => ({ name, valueFrom: { secretKeyRef: { name: ref.secretName, key: ref.key } } }));
    return withMainContainer(template, (container) => ({ ...container, env: [...(container.env ?? []), ...env] }));
  }
}

function check(field: string, value: string, pattern: RegExp, what: string): void {
  if (typeof value !== 'string' || !pattern.test(value)) {
    fail(field, what, value);
  }
}

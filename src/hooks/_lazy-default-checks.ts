/**
 * The built-in checks (`_default-checks` and the rule modules it uses),
 * loaded when the first resource is validated: requiring the library does
 * not load them.
 */
type DefaultChecks = typeof import('./_default-checks');

let checks: DefaultChecks | undefined;

/** The built-in checks module, loaded on the first call. */
export function defaultChecks(): DefaultChecks {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  checks ??= require('./_default-checks') as DefaultChecks;
  return checks;
}

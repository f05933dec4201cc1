/**
 * The built-in checks (`_rules` and the rule modules it uses),
 * loaded when the first resource is validated: requiring the library does
 * not load them.
 */
type DefaultChecks = typeof import('./_rules');

let checks: DefaultChecks | undefined;

/** The built-in checks module, loaded on the first call. */
export function defaultChecks(): DefaultChecks {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  checks ??= require('./_rules') as DefaultChecks;
  return checks;
}

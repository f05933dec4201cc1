/**
 * The operator release whose diff rules a plan applies, as the CLI names it.
 * One adapter, so that the library's operator version setting can replace
 * the name in one place.
 */
import { UsageError } from './_usage-error';
import { PLAN_OPERATOR_VERSIONS } from '../plan/_spec-schema';

/** Releases whose rules the plan knows, oldest first. */
export const SUPPORTED_OPERATOR_VERSIONS: readonly string[] = PLAN_OPERATOR_VERSIONS;

/** The release named by `--operator-version` (`1.16`, `1.16.1`, `v1_16`), the newest by default. */
export function operatorVersionName(value: string | undefined): string {
  if (value === undefined) {
    return SUPPORTED_OPERATOR_VERSIONS[SUPPORTED_OPERATOR_VERSIONS.length - 1];
  }
  const match = /^v?(\d+)[._](\d+)(?:[._]\d+)?$/.exec(value.trim());
  const name = match ? `${match[1]}.${match[2]}` : undefined;
  if (!name || !SUPPORTED_OPERATOR_VERSIONS.includes(name)) {
    throw new UsageError(`--operator-version must be one of ${SUPPORTED_OPERATOR_VERSIONS.join(', ')}, got '${value}'`);
  }
  return name;
}

import { UsageError } from './_usage-error';
import { OperatorVersion } from '../operator-version';

/** The release named by `--operator-version` (`1.16`, `1.16.1`), the newest supported by default. */
export function parseOperatorVersion(value: string | undefined): OperatorVersion {
  if (value === undefined) {
    return OperatorVersion.LATEST;
  }
  try {
    return OperatorVersion.of(value);
  } catch {
    throw new UsageError(`--operator-version must be ${OperatorVersion.all().map((v) => v.minorVersion).join(' or ')}, got '${value}'`);
  }
}

import { at, LastReconciledSpec } from '../../manifest/_fields';
import { isSupportedFlinkVersion } from '../../manifest/_flink-versions';

/**
 * The Flink version check: the version must be set and supported (at
 * least `v1_15`; the deprecated `v1_15`–`v1_18` still pass), and must not
 * change while a job suspended with `last-state` waits to be restored,
 * unless the job is now stateless.
 */
export function flinkVersionErrors(spec: unknown, last: LastReconciledSpec): string[] {
  const version = at(spec, 'flinkVersion');
  if (version === undefined) {
    return ['Flink Version must be defined.'];
  }
  if (!isSupportedFlinkVersion(version)) {
    return [`Flink version ${version} is not supported by this operator version`];
  }
  if (last.state !== 'spec') {
    return [];
  }
  const job = at(spec, 'job');
  const lastJob = at(last.spec, 'job');
  if (job === undefined || lastJob === undefined || (at(job, 'upgradeMode') ?? 'stateless') === 'stateless') {
    return [];
  }
  const suspendedWithLastState = (at(lastJob, 'state') ?? 'running') === 'suspended'
    && (at(lastJob, 'upgradeMode') ?? 'stateless') === 'last-state';
  return suspendedWithLastState && at(last.spec, 'flinkVersion') !== version
    ? ['Changing flinkVersion after last-state suspend is not allowed. Restore your cluster with the current flinkVersion and perform the version upgrade afterwards.']
    : [];
}

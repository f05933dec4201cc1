import { FlinkConfig } from '../../jvm/_flink-config';
import { CLUSTER_OPTIONS, FORBIDDEN_KEYS, OPERATOR_OPTIONS } from '../../jvm/_flink-options';

/**
 * Checks on a deployment's effective configuration as a whole: keys the
 * operator owns, and operator features that need high availability or
 * deployment recovery.
 */

/**
 * Flink's `HighAvailabilityMode.isHighAvailabilityModeActivated`: any mode
 * but `NONE` (or the legacy `standalone`) counts, including a factory class
 * name.
 */
export function isHighAvailabilityActivated(conf: FlinkConfig): boolean {
  const mode = conf.string(CLUSTER_OPTIONS.haMode) ?? 'NONE';
  return mode.toUpperCase() !== 'NONE' && mode.toLowerCase() !== 'standalone';
}

/** The namespace, cluster id and HA cluster id are set by the operator. */
export function forbiddenKeyErrors(conf: FlinkConfig): string[] {
  return FORBIDDEN_KEYS.filter((key) => conf.containsKey(key)).map((key) => `Forbidden Flink config key: ${key}`);
}

/** Rolling back failed upgrades needs high availability. */
export function rollbackErrors(conf: FlinkConfig): string[] {
  return conf.boolean(OPERATOR_OPTIONS.deploymentRollbackEnabled) && !isHighAvailabilityActivated(conf)
    ? ['HA must be enabled for rollback support.']
    : [];
}

/** The cluster health check needs JobManager deployment recovery. */
export function healthCheckErrors(conf: FlinkConfig): string[] {
  const healthCheck = OPERATOR_OPTIONS.clusterHealthCheckEnabled;
  const recovery = OPERATOR_OPTIONS.jmDeploymentRecoveryEnabled;
  return conf.boolean(healthCheck) && !conf.boolean(recovery)
    ? [`Deployment recovery (${recovery.key}) must be enabled for job health check (${healthCheck.key}) support.`]
    : [];
}

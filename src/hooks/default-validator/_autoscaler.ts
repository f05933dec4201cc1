import { excludedPeriodsErrors } from './_excluded-periods';
import { ConfigValueError, FlinkConfig } from '../../jvm/_flink-config';
import { AUTOSCALER_OPTIONS, FlinkOption, OPERATOR_OPTIONS } from '../../jvm/_flink-options';
import { javaDurationToString } from '../../jvm/_java-duration';
import { javaDoubleToString } from '../../jvm/_java-numbers';
import { OperatorVersion } from '../../operator-version';

/**
 * The autoscaler options check (only when the autoscaler is enabled):
 * factors, utilization bounds and coefficients within their ranges, and
 * valid excluded periods. Operator 1.16 also checks the memory thresholds,
 * checks the options of the observed-scalability, scaling-effectiveness and
 * memory-tuning features only when the feature is enabled, and requires a
 * metric window no smaller than the reconcile interval.
 */

function rangeErrors(conf: FlinkConfig, option: FlinkOption, min?: number, max?: number): string[] {
  let value: number | undefined;
  try {
    value = conf.double(option);
  } catch (error) {
    if (error instanceof ConfigValueError) {
      return [`Invalid value in the autoscaler config ${option.key}`];
    }
    throw error;
  }
  if (value === undefined || !((min !== undefined && value < min) || (max !== undefined && value > max))) {
    return [];
  }
  const lower = min !== undefined ? javaDoubleToString(min) : '-Infinity';
  const upper = max !== undefined ? javaDoubleToString(max) : '+Infinity';
  return [`The AutoScalerOption ${option.key} is invalid, it should be a value within the range [${lower}, ${upper}]`];
}

/** `validateNumberIfEnabled` (1.16): the range only matters when the feature is on. */
function rangeErrorsIfEnabled(conf: FlinkConfig, enabled: FlinkOption, option: FlinkOption, min: number, max: number): string[] {
  return conf.boolean(enabled) ? rangeErrors(conf, option, min, max) : [];
}

/**
 * Errors of the autoscaler options. A utilization target or list of
 * excluded periods that cannot be read fails the whole check, as upstream.
 */
export function autoscalerErrors(conf: FlinkConfig, target: OperatorVersion): string[] {
  const o = AUTOSCALER_OPTIONS;
  if (!conf.boolean(o.enabled)) {
    return [];
  }
  const utilization = conf.double(o.utilizationTarget) as number;
  const excludedPeriods = conf.list(o.excludedPeriods);
  const common = [
    ...rangeErrors(conf, o.maxScaleDownFactor, 0.0),
    ...rangeErrors(conf, o.maxScaleUpFactor, 0.0),
    ...rangeErrors(conf, o.utilizationTarget, 0.0, 1.0),
    ...rangeErrors(conf, o.targetUtilizationBoundary, 0.0),
    ...rangeErrors(conf, o.utilizationMax, utilization, 1.0),
    ...rangeErrors(conf, o.utilizationMin, 0.0, utilization),
  ];
  if (!target.isAtLeast(OperatorVersion.V1_16)) {
    return [
      ...common,
      ...rangeErrors(conf, o.observedScalabilityCoefficientMin, 0.01, 1.0),
      ...excludedPeriodsErrors(excludedPeriods),
    ];
  }
  return [
    ...common,
    ...rangeErrors(conf, o.gcPressureThreshold, 0.0, 1.0),
    ...rangeErrors(conf, o.heapUsageThreshold, 0.0, 1.0),
    ...rangeErrorsIfEnabled(conf, o.observedScalabilityEnabled, o.observedScalabilityCoefficientMin, 0.01, 1.0),
    ...rangeErrorsIfEnabled(conf, o.scalingEffectivenessDetectionEnabled, o.scalingEffectivenessThreshold, 0.0, 1.0),
    ...rangeErrorsIfEnabled(conf, o.memoryTuningEnabled, o.memoryTuningOverhead, 0.0, 1.0),
    ...excludedPeriodsErrors(excludedPeriods),
    ...metricsWindowErrors(conf),
  ];
}

/**
 * 1.16: with the autoscaler on, its metric window must not be smaller than
 * the operator's reconcile interval (one sample per reconcile loop, two
 * needed to scale).
 */
function metricsWindowErrors(conf: FlinkConfig): string[] {
  const window = conf.duration(AUTOSCALER_OPTIONS.metricsWindow) as bigint;
  const interval = conf.duration(OPERATOR_OPTIONS.reconcileInterval) as bigint;
  if (window >= interval) {
    return [];
  }
  return [`The autoscaler metric window (${AUTOSCALER_OPTIONS.metricsWindow.key}=${javaDurationToString(window)}) must not be smaller than `
    + `the operator reconcile interval (${OPERATOR_OPTIONS.reconcileInterval.key}=${javaDurationToString(interval)}), `
    + 'otherwise fewer than two metric samples are retained and autoscaling is never applied.'];
}

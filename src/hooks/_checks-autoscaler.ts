import { excludedPeriodsErrors } from './_checks-excluded-periods';
import { ConfigValueError, FlinkConfig } from './_checks-flink-config';
import { AUTOSCALER_OPTIONS, FlinkOption } from './_checks-flink-options';
import { javaDoubleToString } from './_checks-java-numbers';

/**
 * The autoscaler options check (only when the autoscaler is enabled):
 * factors, utilization bounds and coefficients within their ranges, and
 * valid excluded periods.
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

/**
 * Errors of the autoscaler options. A utilization target or list of
 * excluded periods that cannot be read fails the whole check, as upstream.
 */
export function autoscalerErrors(conf: FlinkConfig): string[] {
  const o = AUTOSCALER_OPTIONS;
  if (!conf.boolean(o.enabled)) {
    return [];
  }
  const target = conf.double(o.utilizationTarget) as number;
  const excludedPeriods = conf.list(o.excludedPeriods);
  return [
    ...rangeErrors(conf, o.maxScaleDownFactor, 0.0),
    ...rangeErrors(conf, o.maxScaleUpFactor, 0.0),
    ...rangeErrors(conf, o.utilizationTarget, 0.0, 1.0),
    ...rangeErrors(conf, o.targetUtilizationBoundary, 0.0),
    ...rangeErrors(conf, o.utilizationMax, target, 1.0),
    ...rangeErrors(conf, o.utilizationMin, 0.0, target),
    ...rangeErrors(conf, o.observedScalabilityCoefficientMin, 0.01, 1.0),
    ...excludedPeriodsErrors(excludedPeriods),
  ];
}

import { AUTOSCALER_OPTIONS } from '../../jvm/_flink-options';
import { javaSplit, javaStrip } from '../../jvm/_java-text';
import { isQuartzCronExpression, isQuartzDailyRange } from '../../jvm/_quartz';

/**
 * The autoscaler's excluded periods: each is a daily time range
 * (`9:30-10:50:20`), a Quartz cron expression, or one of each joined with
 * `&&`.
 */

function expressionError(expression: string): string | undefined {
  const key = AUTOSCALER_OPTIONS.excludedPeriods.key;
  const parts = javaSplit(expression, '&&');
  if (parts.length > 2) {
    return `Invalid value ${expression} in the autoscaler config ${key}`;
  }
  let anyDaily = false;
  let anyCron = false;
  for (const part of parts) {
    const stripped = javaStrip(part);
    const daily = isQuartzDailyRange(stripped);
    const cron = isQuartzCronExpression(stripped);
    anyDaily ||= daily;
    anyCron ||= cron;
    if (!daily && !cron) {
      return `Invalid value ${expression} in the autoscaler config ${key}, the value is neither a valid daily expression nor a valid cron expression`;
    }
  }
  if (parts.length === 2 && (!anyDaily || !anyCron)) {
    return `Invalid value ${expression} in the autoscaler config ${key}, the value can not be configured as dailyExpression && dailyExpression or cronExpression && cronExpression`;
  }
  return undefined;
}

/** The message for the first invalid expression, if any. */
export function excludedPeriodsErrors(expressions: readonly string[]): string[] {
  for (const expression of expressions) {
    const error = expressionError(expression);
    if (error !== undefined) {
      return [error];
    }
  }
  return [];
}

import { Duration } from 'cdk8s';
import { durationMillis } from './_checks';

const UNITS: ReadonlyArray<readonly [number, string]> = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'min'], [1000, 's'], [1, 'ms']];

/**
 * A duration in Flink's notation (`30s`, `10min`), in its largest whole
 * unit, as `TimeUtils.parseDuration` reads it; throws naming the prop for
 * anything but a whole, non-negative number of milliseconds.
 */
export function flinkDuration(field: string, duration: Duration): string {
  const millis = durationMillis(field, duration);
  const [unit, label] = UNITS.find(([size]) => millis % size === 0 && millis >= size) ?? [1, 'ms'];
  return `${millis / unit}${label}`;
}

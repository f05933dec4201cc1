import { Duration } from 'cdk8s';

/**
 * Options of the fixed-delay restart strategy.
 */
export interface FixedDelayRestartOptions {
  /**
   * How many restarts are tried before the job fails
   * (`restart-strategy.fixed-delay.attempts`).
   *
   * @default - Flink's default, 1
   */
  readonly attempts?: number;

  /**
   * The wait before each restart (`restart-strategy.fixed-delay.delay`).
   *
   * @default - Flink's default, 1 second
   */
  readonly delay?: Duration;
}

/**
 * Options of the exponential-delay restart strategy.
 */
export interface ExponentialDelayRestartOptions {
  /**
   * The wait before the first restart
   * (`restart-strategy.exponential-delay.initial-backoff`).
   *
   * @default - Flink's default, 1 second
   */
  readonly initialBackoff?: Duration;

  /**
   * The longest wait between restarts
   * (`restart-strategy.exponential-delay.max-backoff`).
   *
   * @default - Flink's default, 1 minute
   */
  readonly maxBackoff?: Duration;

  /**
   * What the wait is multiplied by after each failure
   * (`restart-strategy.exponential-delay.backoff-multiplier`).
   *
   * @default - Flink's default, 1.5
   */
  readonly backoffMultiplier?: number;

  /**
   * How long the job must run without failure for the wait to go back to
   * `initialBackoff` (`restart-strategy.exponential-delay.reset-backoff-threshold`).
   *
   * @default - Flink's default, 1 hour
   */
  readonly resetBackoffThreshold?: Duration;

  /**
   * The random share, 0 to 1, added to or taken from each wait
   * (`restart-strategy.exponential-delay.jitter-factor`).
   *
   * @default - Flink's default, 0.1
   */
  readonly jitterFactor?: number;

  /**
   * How many restarts are tried before the wait is reset or the job fails
   * (`restart-strategy.exponential-delay.attempts-before-reset-backoff`).
   *
   * @default - Flink's default, no limit
   */
  readonly attemptsBeforeResetBackoff?: number;
}

/**
 * Options of the failure-rate restart strategy.
 */
export interface FailureRateRestartOptions {
  /**
   * How many failures within `interval` fail the job
   * (`restart-strategy.failure-rate.max-failures-per-interval`).
   *
   * @default - Flink's default, 1
   */
  readonly maxFailuresPerInterval?: number;

  /**
   * The window failures are counted in
   * (`restart-strategy.failure-rate.failure-rate-interval`).
   *
   * @default - Flink's default, 1 minute
   */
  readonly interval?: Duration;

  /**
   * The wait before each restart (`restart-strategy.failure-rate.delay`).
   *
   * @default - Flink's default, 1 second
   */
  readonly delay?: Duration;
}

/**
 * How a failed job is restarted (`restart-strategy.type` and its options).
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/ops/state/task_failure_recovery/
 */
export class RestartStrategy {
  /**
   * Restarts with a wait that grows after each failure, up to a maximum.
   *
   * @param options the waits and limits
   */
  public static exponentialDelay(options: ExponentialDelayRestartOptions = {}): RestartStrategy {
    return new RestartStrategy('exponential-delay', options);
  }

  /**
   * Restarts a fixed number of times with a fixed wait.
   *
   * @param options the attempts and the wait
   */
  public static fixedDelay(options: FixedDelayRestartOptions = {}): RestartStrategy {
    return new RestartStrategy('fixed-delay', options);
  }

  /**
   * Restarts until failures come faster than a rate.
   *
   * @param options the rate and the wait
   */
  public static failureRate(options: FailureRateRestartOptions = {}): RestartStrategy {
    return new RestartStrategy('failure-rate', options);
  }

  /** Never restarts: the job fails with its first failure. */
  public static none(): RestartStrategy {
    return new RestartStrategy('none', {});
  }

  /** The value of `restart-strategy.type`. */
  public readonly type: string;

  /**
   * The options of the strategy.
   * @internal
   */
  public readonly _options: FixedDelayRestartOptions & ExponentialDelayRestartOptions & FailureRateRestartOptions;

  private constructor(type: string, options: object) {
    this.type = type;
    this._options = options;
  }
}

package io.frmonitor.collect;

import java.time.Duration;

/**
 * When to run next. After a success: the interval. After {@code n} consecutive failures: the
 * interval doubled {@code n-1} times, capped at {@code maxBackoff}. From {@code breakerThreshold}
 * failures on, the circuit counts as open: the source is only probed once per {@code maxBackoff}
 * until a probe succeeds.
 */
public record RetryPolicy(Duration interval, Duration maxBackoff, int breakerThreshold) {
  public RetryPolicy {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    if (maxBackoff.compareTo(interval) < 0) {
      throw new IllegalArgumentException("maxBackoff must be at least the interval");
    }
    if (breakerThreshold < 1) {
      throw new IllegalArgumentException("breakerThreshold must be at least 1");
    }
  }

  /** The default for a poll interval: backoff capped at 12 intervals (at least 1 minute). */
  public static RetryPolicy forInterval(Duration interval) {
    Duration cap = interval.multipliedBy(12);
    Duration minute = Duration.ofMinutes(1);
    return new RetryPolicy(interval, cap.compareTo(minute) < 0 ? minute : cap, 5);
  }

  /** The delay before the next run, given the consecutive failures so far (0 after a success). */
  public Duration delayAfter(int consecutiveFailures) {
    if (consecutiveFailures <= 0) {
      return interval;
    }
    if (circuitOpen(consecutiveFailures)) {
      return maxBackoff;
    }
    int doublings = Math.min(consecutiveFailures - 1, 30);
    Duration d = interval.multipliedBy(1L << doublings);
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }

  public boolean circuitOpen(int consecutiveFailures) {
    return consecutiveFailures >= breakerThreshold;
  }
}

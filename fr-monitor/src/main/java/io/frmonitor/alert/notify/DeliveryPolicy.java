package io.frmonitor.alert.notify;

import java.time.Duration;

/**
 * How a notifier delivers its messages: queue size, attempts, backoff and HTTP timeouts.
 *
 * @param capacity messages that may wait; when full, the oldest is dropped (and counted)
 * @param maxAttempts attempts per message before it is given up (and counted dropped)
 * @param firstBackoff the wait after the first failed attempt; it doubles after each one
 * @param maxBackoff the longest wait between attempts
 * @param connectTimeout how long connecting may take
 * @param requestTimeout how long one request may take, from sending to the response's headers
 */
public record DeliveryPolicy(
    int capacity,
    int maxAttempts,
    Duration firstBackoff,
    Duration maxBackoff,
    Duration connectTimeout,
    Duration requestTimeout) {
  /**
   * 64 messages, 5 attempts 1 s, 2 s, 4 s, 8 s apart (capped at 30 s), 5 s to connect, 10 s per
   * request: a receiver down for about 15 s (plus timeouts) loses nothing.
   */
  public static final DeliveryPolicy DEFAULTS =
      new DeliveryPolicy(
          64,
          5,
          Duration.ofSeconds(1),
          Duration.ofSeconds(30),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10));

  public DeliveryPolicy {
    if (capacity < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException(
          "capacity and maxAttempts must be at least 1: " + capacity + ", " + maxAttempts);
    }
    for (Duration d : new Duration[] {firstBackoff, maxBackoff, connectTimeout, requestTimeout}) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("negative duration: " + d);
      }
    }
    if (connectTimeout.isZero() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }

  /** The wait after {@code failures} consecutive failed attempts (1 = after the first one). */
  public Duration backoff(int failures) {
    Duration d = firstBackoff;
    for (int i = 1; i < failures && d.compareTo(maxBackoff) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }
}

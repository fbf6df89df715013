package io.frmonitor.testing;

import io.frmonitor.registry.MetricRegistry;
import java.time.Clock;
import java.time.Duration;

/** Registries for the collector integration tests. */
public final class Registries {
  private Registries() {}

  /** On the system clock: 5 minutes of history in 60 points, room for 1,000 series. */
  public static MetricRegistry forCollectorTests() {
    return new MetricRegistry(
        Clock.systemUTC(), Duration.ofMinutes(5), 60, 1000, 100, Duration.ofSeconds(30));
  }
}

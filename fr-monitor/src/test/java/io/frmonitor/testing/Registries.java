package io.frmonitor.testing;

import io.frmonitor.app.Families;
import io.frmonitor.registry.MetricRegistry;
import java.time.Clock;
import java.time.Duration;

/** Registries for tests, with every registered family's history series defined. */
public final class Registries {
  private Registries() {}

  /** On the system clock: 5 minutes of history in 60 points, room for 1,000 series. */
  public static MetricRegistry forCollectorTests() {
    return withFamilies(
        new MetricRegistry(
            Clock.systemUTC(), Duration.ofMinutes(5), 60, 1000, 100, Duration.ofSeconds(30)));
  }

  /** As the service keeps it at a 5 s interval: an hour in 720 points, stale after 18 s. */
  public static MetricRegistry forApiTests(Clock clock) {
    return withFamilies(
        new MetricRegistry(
            clock,
            Duration.ofMinutes(60),
            720,
            1000,
            100,
            Duration.ofSeconds(18),
            Duration.ofHours(24)));
  }

  /** {@code registry}, with every registered family's history series defined. */
  public static MetricRegistry withFamilies(MetricRegistry registry) {
    Families.CATALOG.defineSeries(registry);
    return registry;
  }
}

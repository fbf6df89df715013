package io.frmonitor.state.redis;

import io.frmonitor.model.Family;
import io.frmonitor.registry.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Two families of plain series for the stream tests, and registries that know them. */
final class Readings {
  /** A snapshot that is its own series: full series name to value. */
  record Reading(Map<String, Double> series) {}

  static final Family<Reading> SYSTEM = new Family<>("system", Reading.class);
  static final Family<Reading> QUEUES = new Family<>("queues", Reading.class);
  static final Family<Reading> NO_SERIES = new Family<>("gateways", Reading.class);

  private Readings() {}

  /** An hour of history in 720 points (a 5 s interval), 100 events. */
  static MetricRegistry registry(Clock clock) {
    MetricRegistry r =
        new MetricRegistry(clock, Duration.ofHours(1), 720, 1000, 100, Duration.ofSeconds(18));
    r.defineSeries(SYSTEM, Reading::series);
    r.defineSeries(QUEUES, Reading::series);
    r.defineSeries(NO_SERIES, s -> Map.of());
    return r;
  }
}

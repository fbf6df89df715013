package io.frmonitor.family.pipelines;

import io.frmonitor.family.BadQueryException;
import io.frmonitor.family.Query;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.registry.MetricRegistry;
import java.time.Duration;
import java.util.List;

/** The latency windows the taps keep, and how a requested window maps onto them. */
final class LatencyWindows {
  private LatencyWindows() {}

  /** The latency window a request asks for ({@code window}, rounded up), else the default. */
  static Duration of(Query query, MetricRegistry registry) {
    return roundUp(query.window(registry.historyWindow()).orElse(PipelinesSnapshot.LATENCY_WINDOW));
  }

  /**
   * The smallest kept window at least as long as {@code requested}.
   *
   * @throws BadQueryException when it is longer than the longest kept window
   */
  static Duration roundUp(Duration requested) {
    for (Duration w : PipelinesSnapshot.LATENCY_WINDOWS) {
      if (w.compareTo(requested) >= 0) {
        return w;
      }
    }
    List<Duration> kept = PipelinesSnapshot.LATENCY_WINDOWS;
    throw new BadQueryException(
        "latency percentiles are kept for windows up to "
            + kept.get(kept.size() - 1).toMinutes()
            + "m; window "
            + requested.toMinutes()
            + "m is longer");
  }
}

package io.frmonitor.api;

import io.frmonitor.model.PipelinesSnapshot;
import java.time.Duration;
import java.util.List;

/** The latency windows the taps keep, and how a requested window maps onto them. */
final class LatencyWindows {
  private LatencyWindows() {}

  /**
   * The smallest kept window at least as long as {@code requested}.
   *
   * @throws ApiException 400 when it is longer than the longest kept window
   */
  static Duration roundUp(Duration requested) {
    for (Duration w : PipelinesSnapshot.LATENCY_WINDOWS) {
      if (w.compareTo(requested) >= 0) {
        return w;
      }
    }
    List<Duration> kept = PipelinesSnapshot.LATENCY_WINDOWS;
    throw ApiException.badRequest(
        "latency percentiles are kept for windows up to "
            + kept.get(kept.size() - 1).toMinutes()
            + "m; window "
            + requested.toMinutes()
            + "m is longer");
  }
}

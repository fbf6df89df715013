package io.frmonitor.api;

import java.time.Duration;
import java.util.List;

/** The latency windows the taps keep, and how a requested window maps onto them. */
final class LatencyWindows {
  /** Must match the windows the collectors keep (1, 5, 15, 30, 60 minutes). */
  static final List<Duration> KEPT =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofMinutes(60));

  private LatencyWindows() {}

  /**
   * The smallest kept window at least as long as {@code requested}.
   *
   * @throws ApiException 400 when it is longer than the longest kept window
   */
  static Duration roundUp(Duration requested) {
    for (Duration w : KEPT) {
      if (w.compareTo(requested) >= 0) {
        return w;
      }
    }
    throw ApiException.badRequest(
        "latency percentiles are kept for windows up to 60m; window "
            + requested.toMinutes()
            + "m is longer");
  }
}

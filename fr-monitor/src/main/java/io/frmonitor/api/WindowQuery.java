package io.frmonitor.api;

import io.frmonitor.config.Durations;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Parses and checks the {@code window} query parameter against the history kept. */
final class WindowQuery {
  private WindowQuery() {}

  /**
   * Empty when the parameter is absent; the window otherwise.
   *
   * @throws ApiException 400 when malformed, zero, or longer than {@code history}
   */
  static Optional<Duration> parse(String raw, Duration history) {
    if (raw == null) {
      return Optional.empty();
    }
    Duration window =
        Durations.parse(raw, ChronoUnit.SECONDS)
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "window '" + raw + "' is not a duration such as 30s, 15m or 1h"));
    if (window.isZero()) {
      throw ApiException.badRequest("window must be longer than zero");
    }
    if (window.compareTo(history) > 0) {
      throw ApiException.badRequest(
          "window "
              + raw
              + " is longer than the history kept ("
              + Durations.format(history)
              + ", MONITORING_HISTORY_WINDOW)");
    }
    return Optional.of(window);
  }
}

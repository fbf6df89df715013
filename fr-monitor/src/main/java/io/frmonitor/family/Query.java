package io.frmonitor.family;

import io.frmonitor.config.Durations;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of a request, as a family's REST body reads them. A parameter that does not
 * fit is refused with {@link BadQueryException}, which the API answers with a 400 and its message.
 */
@FunctionalInterface
public interface Query {
  /** No parameters: the plain request, and what the live feed renders. */
  Query NONE = name -> null;

  /** The parameter's value, or null when absent. */
  @Nullable String param(String name);

  /** Whether the request has none of {@code names}. */
  default boolean lacks(Iterable<String> names) {
    for (String name : names) {
      if (param(name) != null) {
        return false;
      }
    }
    return true;
  }

  /** An integer parameter in {@code [min, max]}, or {@code fallback} when absent. */
  default int integer(String name, int fallback, int min, int max) {
    String raw = param(name);
    if (raw == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(raw.trim());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadQueryException(
          name + " must be an integer " + min + "-" + max + ", got '" + raw + "'");
    }
  }

  /**
   * {@code window}: empty when absent, else a duration no longer than {@code history}.
   *
   * @throws BadQueryException when malformed, zero, or longer than the history kept
   */
  default Optional<Duration> window(Duration history) {
    return window(history, "MONITORING_HISTORY_WINDOW");
  }

  /**
   * {@code window}: empty when absent, else a duration no longer than {@code history}, which the
   * variable {@code limitedBy} sets.
   *
   * @throws BadQueryException when malformed, zero, or longer than the history kept
   */
  default Optional<Duration> window(Duration history, String limitedBy) {
    String raw = param("window");
    if (raw == null) {
      return Optional.empty();
    }
    Duration window =
        Durations.parse(raw, ChronoUnit.SECONDS)
            .orElseThrow(
                () ->
                    new BadQueryException(
                        "window '" + raw + "' is not a duration such as 30s, 15m or 1h"));
    if (window.isZero()) {
      throw new BadQueryException("window must be longer than zero");
    }
    if (window.compareTo(history) > 0) {
      throw new BadQueryException(
          "window "
              + raw
              + " is longer than the history kept ("
              + Durations.format(history)
              + ", "
              + limitedBy
              + ")");
    }
    return Optional.of(window);
  }
}

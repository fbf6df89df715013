package io.frmonitor.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the durations used in configuration and API parameters: {@code 500ms}, {@code
 * 5s}, {@code 2m}, {@code 1h}, {@code 1d}, or a bare number in a caller-chosen unit.
 */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)?");

  private Durations() {}

  /**
   * Parses {@code text}; a bare number is read in {@code plainUnit}. Returns empty when the text is
   * not of that form (never throws).
   */
  public static Optional<Duration> parse(String text, ChronoUnit plainUnit) {
    Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(m.group(1));
    String suffix = m.group(2);
    if (suffix == null) {
      return Optional.of(Duration.of(amount, plainUnit));
    }
    return Optional.of(
        switch (suffix) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        });
  }

  /**
   * Prints a duration in the largest unit that divides it exactly, e.g. {@code 90s}, {@code 1h}.
   */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000L == 0 && ms > 0) {
      return ms / 86_400_000L + "d";
    }
    if (ms % 3_600_000L == 0 && ms > 0) {
      return ms / 3_600_000L + "h";
    }
    if (ms % 60_000L == 0 && ms > 0) {
      return ms / 60_000L + "m";
    }
    if (ms % 1000L == 0) {
      return ms / 1000L + "s";
    }
    return ms + "ms";
  }
}

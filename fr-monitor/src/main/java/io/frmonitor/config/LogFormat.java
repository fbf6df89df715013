package io.frmonitor.config;

import java.util.Locale;
import java.util.Optional;

/**
 * How log lines are written ({@code MONITORING_LOG_FORMAT}): {@code text}, one human-readable line
 * per event, or {@code json}, one JSON object per line for Docker's log drivers, Loki and the like.
 */
public enum LogFormat {
  TEXT,
  JSON;

  /** How the configuration writes it: {@code text}, {@code json}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format a value names (any case, surrounding blanks ignored); empty when none. */
  public static Optional<LogFormat> parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "text" -> Optional.of(TEXT);
      case "json" -> Optional.of(JSON);
      default -> Optional.empty();
    };
  }
}

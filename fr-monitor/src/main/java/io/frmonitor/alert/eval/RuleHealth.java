package io.frmonitor.alert.eval;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * How a rule fared at its last evaluation: {@code ok}; {@code no_data} (its metric's collector is
 * stale or has not run); or {@code inactive} (its metric is not observable on this deployment, for
 * the reason given, e.g. results published where nothing can see them).
 */
public record RuleHealth(
    Status status, Optional<String> reason, Instant lastEvaluation, int series) {
  /** The three kinds. */
  public enum Status {
    OK,
    NO_DATA,
    INACTIVE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}

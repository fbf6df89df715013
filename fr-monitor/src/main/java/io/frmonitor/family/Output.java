package io.frmonitor.family;

import java.util.Locale;

/** Where a family's readings go. A family reaches each one or says why it does not. */
public enum Output {
  /** {@code GET /metrics/<family>}. */
  REST,
  /** The {@code <family>} topic of {@code /ws/metrics}; its value is the REST body. */
  LIVE,
  /** {@code GET /prometheus}, through the family's samples. */
  PROMETHEUS,
  /** {@code GET /history}: the family's numeric series. */
  HISTORY,
  /** A card on the dashboard. */
  CARD;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

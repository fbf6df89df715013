package io.frmonitor.model;

import java.util.Locale;

/** A collector's health. */
public enum Health {
  /** Started, first run not finished yet. */
  PENDING,
  /** The last run succeeded. */
  OK,
  /** The last run succeeded in part; the reason says which part failed. */
  DEGRADED,
  /** The last run failed; the collector's values are stale. */
  DOWN,
  /** The collector does not run (switched off, or its source does not exist on this host). */
  DISABLED;

  /** The lower-case name used in JSON and Prometheus labels. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

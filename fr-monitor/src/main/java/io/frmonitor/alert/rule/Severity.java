package io.frmonitor.alert.rule;

import java.util.Locale;

/** How urgent an alert is, as Alertmanager routes commonly name it. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

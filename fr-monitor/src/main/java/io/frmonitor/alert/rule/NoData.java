package io.frmonitor.alert.rule;

import java.util.Locale;

/**
 * What an alert instance does while its series has no data — its collector is stale or down, or the
 * signal is not observable now. Its state is {@code no_data} whatever the policy, never silently
 * {@code resolved}; the policy decides what the notifiers are told.
 */
public enum NoData {
  /** Tell them nothing new: a firing alert stays firing, a pending one keeps its {@code for}. */
  KEEP_STATE,
  /** The missing data is itself the alarm: it fires after {@code for}. */
  ALERTING,
  /** Missing data means all is well: a firing alert resolves. */
  OK;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

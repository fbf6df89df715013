package io.frmonitor.family.alerts;

import io.frmonitor.model.AlertsSnapshot;
import java.util.Comparator;
import java.util.List;

/** The order an operator reads alerts in: critical first, then the oldest. */
final class Ordering {
  private static final List<String> SEVERITIES = List.of("critical", "warning", "info");

  private Ordering() {}

  static List<AlertsSnapshot.Alert> bySeverityThenAge(List<AlertsSnapshot.Alert> alerts) {
    return alerts.stream()
        .sorted(
            Comparator.comparingInt((AlertsSnapshot.Alert a) -> rank(a.severity()))
                .thenComparing(AlertsSnapshot.Alert::activeAt)
                .thenComparing(AlertsSnapshot.Alert::rule)
                .thenComparing(AlertsSnapshot.Alert::fingerprint))
        .toList();
  }

  private static int rank(String severity) {
    int i = SEVERITIES.indexOf(severity);
    return i < 0 ? SEVERITIES.size() : i;
  }
}

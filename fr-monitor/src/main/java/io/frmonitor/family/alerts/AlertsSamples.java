package io.frmonitor.family.alerts;

import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.AlertsSnapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The alert engine's own figures: instances by state, rules by health, evaluation, delivery. */
final class AlertsSamples {
  static final MetricDef ALERTS =
      MetricDef.gauge(
          "fr_alerts",
          "Alert instances by rule, severity and state (pending, firing, no_data), as Prometheus's"
              + " ALERTS; a rule without instances writes none.",
          "alertname",
          "severity",
          "alertstate");
  static final MetricDef EVALUATION =
      MetricDef.gauge(
          "fr_alert_evaluation_seconds", "CPU time the latest evaluation of the alert rules took.");
  static final MetricDef EVALUATIONS =
      MetricDef.counter("fr_alert_evaluations", "Evaluations of the alert rules since the start.");
  static final MetricDef RULES =
      MetricDef.gauge(
          "fr_alert_rules",
          "Alert rules by health: ok, no_data (their collector is stale), inactive (their metric is"
              + " not observable on this deployment).",
          "health");
  static final MetricDef NOTIFICATIONS =
      MetricDef.counter(
          "fr_alert_notifications",
          "Notifications by notifier and result: sent, failed (an attempt that failed), dropped"
              + " (given up, or its queue was full).",
          "notifier",
          "result");
  static final MetricDef SILENCES = MetricDef.gauge("fr_alert_silences", "Silences in force.");

  static final List<MetricDef> METRICS =
      List.of(ALERTS, EVALUATION, EVALUATIONS, RULES, NOTIFICATIONS, SILENCES);

  private AlertsSamples() {}

  static void write(AlertsSnapshot s, SampleWriter out) {
    Map<List<String>, Integer> instances = new TreeMap<>(AlertsSamples::compare);
    for (AlertsSnapshot.Alert a : s.alerts()) {
      if (!a.state().equals("resolved")) {
        instances.merge(List.of(a.rule(), a.severity(), a.state()), 1, Integer::sum);
      }
    }
    instances.forEach((k, n) -> out.value(ALERTS, n, k.get(0), k.get(1), k.get(2)));
    out.value(EVALUATION, s.lastEvaluation().toNanos() / 1e9);
    out.value(EVALUATIONS, s.evaluations());
    Map<String, Integer> health = new TreeMap<>();
    for (String h : List.of("ok", "no_data", "inactive")) {
      health.put(h, 0);
    }
    s.rules().forEach(r -> health.merge(r.health(), 1, Integer::sum));
    health.forEach((h, n) -> out.value(RULES, n, h));
    for (AlertsSnapshot.Notifier n : s.notifiers()) {
      n.results().forEach((result, count) -> out.value(NOTIFICATIONS, count, n.name(), result));
    }
    out.value(SILENCES, s.silences());
  }

  private static int compare(List<String> a, List<String> b) {
    return String.join("\u0000", a).compareTo(String.join("\u0000", b));
  }
}

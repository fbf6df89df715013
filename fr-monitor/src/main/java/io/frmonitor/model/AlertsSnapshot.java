package io.frmonitor.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The alert engine's state after its latest evaluation: every alert instance (pending, firing,
 * without data, or resolved within the last 15 minutes), every rule with its health, and the
 * notifiers' delivery figures. What {@code /alerts}, {@code /alerts/rules}, the {@code alerts}
 * topic and {@code fr_alerts} are rendered from.
 *
 * @param evaluatedAt when the latest evaluation ran
 * @param evaluations evaluations since the start
 * @param lastEvaluation the CPU time the latest evaluation took
 * @param silences silences in force now
 */
public record AlertsSnapshot(
    Instant evaluatedAt,
    long evaluations,
    Duration lastEvaluation,
    List<Alert> alerts,
    List<Rule> rules,
    List<Notifier> notifiers,
    int silences) {
  /** The alerts family: what the outputs call this snapshot. */
  public static final Family<AlertsSnapshot> FAMILY = new Family<>("alerts", AlertsSnapshot.class);

  public AlertsSnapshot {
    alerts = List.copyOf(alerts);
    rules = List.copyOf(rules);
    notifiers = List.copyOf(notifiers);
  }

  /**
   * One alert instance.
   *
   * @param state {@code pending}, {@code firing}, {@code no_data} or (within 15 minutes of it) the
   *     resolution
   * @param firing whether notifiers are told it fires (a firing instance without data still is)
   * @param value the rule's value at the last evaluation with data
   * @param noDataReason why its data is missing, while it is
   * @param silenced whether a silence matches it: shown, but nobody is notified
   */
  public record Alert(
      String rule,
      Map<String, String> labels,
      Map<String, String> annotations,
      String state,
      boolean firing,
      Instant activeAt,
      Optional<Instant> firedAt,
      Optional<Instant> resolvedAt,
      OptionalDouble value,
      Optional<String> noDataReason,
      boolean silenced,
      String fingerprint) {
    public Alert {
      labels = Map.copyOf(labels);
      annotations = Map.copyOf(annotations);
    }

    /** The severity label. */
    public String severity() {
      return labels.getOrDefault("severity", "");
    }
  }

  /**
   * One rule as loaded and as it fared at the latest evaluation.
   *
   * @param expression the condition as PromQL writes it
   * @param health {@code ok}, {@code no_data} or {@code inactive}
   * @param reason why it is not {@code ok}
   * @param series the series its selector matched
   * @param source {@code default} or the rules file's path
   */
  public record Rule(
      String name,
      String severity,
      String expression,
      Duration forDuration,
      Duration keepFiringFor,
      OptionalDouble clear,
      String noData,
      Map<String, String> labels,
      Map<String, String> annotations,
      String source,
      String health,
      Optional<String> reason,
      Instant lastEvaluation,
      int series) {
    public Rule {
      labels = Map.copyOf(labels);
      annotations = Map.copyOf(annotations);
    }
  }

  /**
   * One notifier's delivery.
   *
   * @param name how it is named in {@code fr_alert_notifications_total{notifier}} and {@code
   *     /healthz}: its kind and its URL without credentials or query
   * @param kind {@code webhook} or {@code alertmanager}
   * @param health {@code ok}, {@code degraded} (its last delivery failed) or {@code pending} (none
   *     tried yet)
   * @param results deliveries by result: {@code sent}, {@code failed} (an attempt that failed and
   *     was retried or given up), {@code dropped} (its queue was full or it gave up)
   * @param queued notifications waiting to be delivered
   */
  public record Notifier(
      String name,
      String kind,
      Health health,
      Map<String, Long> results,
      Optional<String> lastError,
      Optional<Instant> lastSuccess,
      int queued) {
    public Notifier {
      results = Map.copyOf(results);
    }
  }
}

package io.frmonitor.alert.notify;

import io.frmonitor.alert.eval.AlertInstance;
import io.frmonitor.alert.eval.AlertInstance.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Alert instances and batches for the notifiers' tests. */
final class TestAlerts {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private TestAlerts() {}

  /** A firing instance of {@code rule} (severity warning) on the series {@code series}. */
  static AlertInstance firing(String rule, Map<String, String> series, Instant firedAt) {
    Map<String, String> labels = new TreeMap<>(series);
    labels.put("alertname", rule);
    labels.put("severity", "warning");
    return new AlertInstance(
        rule,
        labels,
        Map.of("summary", rule + " on " + series, "runbook", "docs/runbook.md#" + rule),
        Phase.FIRING,
        firedAt.minusSeconds(60),
        Optional.of(firedAt),
        Optional.empty(),
        firedAt,
        OptionalDouble.of(0.97),
        Optional.empty(),
        Optional.empty());
  }

  /** A firing instance of {@code rule} on {@code instance=<instance>}. */
  static AlertInstance firing(String rule, String instance, Instant firedAt) {
    return firing(rule, Map.of("instance", instance), firedAt);
  }

  /** {@code a} resolved at {@code at}. */
  static AlertInstance resolved(AlertInstance a, Instant at) {
    return with(a, Phase.RESOLVED, Optional.of(at), Optional.empty());
  }

  /** {@code a} pending: its condition holds, {@code for} not yet over. */
  static AlertInstance pending(AlertInstance a) {
    return new AlertInstance(
        a.rule(),
        a.labels(),
        a.annotations(),
        Phase.PENDING,
        a.activeAt(),
        Optional.empty(),
        Optional.empty(),
        a.lastActiveAt(),
        a.value(),
        Optional.empty(),
        Optional.empty());
  }

  /** {@code a} without data since {@code since}, its phase kept. */
  static AlertInstance noData(AlertInstance a, Instant since) {
    return with(a, a.phase(), a.resolvedAt(), Optional.of(since));
  }

  static AlertBatch batch(Instant at, AlertInstance... alerts) {
    return new AlertBatch(at, List.of(alerts), List.of());
  }

  private static AlertInstance with(
      AlertInstance a, Phase phase, Optional<Instant> resolvedAt, Optional<Instant> noDataSince) {
    return new AlertInstance(
        a.rule(),
        a.labels(),
        a.annotations(),
        phase,
        a.activeAt(),
        a.firedAt(),
        resolvedAt,
        a.lastActiveAt(),
        a.value(),
        noDataSince,
        noDataSince.map(s -> "no samples"));
  }
}

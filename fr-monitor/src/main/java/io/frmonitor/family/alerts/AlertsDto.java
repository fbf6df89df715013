package io.frmonitor.family.alerts;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.model.AlertsSnapshot;
import io.frmonitor.registry.Latest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code GET /alerts}: the alert instances in force — pending, firing, or without data. */
public record AlertsDto(
    @JsonPropertyDescription("When the rules were last evaluated; null before the first time")
        @Nullable Long timestamp,
    boolean stale,
    @JsonPropertyDescription("Why there is nothing to show yet") @Nullable String reason,
    int firing,
    int pending,
    @JsonPropertyDescription("Instances whose data is missing: kept in their phase, never resolved")
        int noData,
    @JsonPropertyDescription("Instances a silence matches: shown, but nobody is notified")
        int silenced,
    List<Alert> alerts,
    @JsonPropertyDescription("Where alerts are delivered, and how that goes")
        List<Notifier> notifiers,
    @JsonPropertyDescription("CPU time of the latest evaluation") @Nullable Double evaluationMs,
    long evaluations) {

  /** One instance, most severe and oldest first. */
  public record Alert(
      String alertname,
      String severity,
      @JsonPropertyDescription("pending, firing or no_data") String state,
      @Nullable String summary,
      Map<String, String> labels,
      Map<String, String> annotations,
      @JsonPropertyDescription("When the condition started to hold (epoch ms)") long activeSince,
      @Nullable Long firedAt,
      @JsonPropertyDescription("The rule's value at the last evaluation with data")
          @Nullable Double value,
      @Nullable String noDataReason,
      boolean silenced,
      String fingerprint) {}

  /** One notifier's delivery. */
  public record Notifier(
      String name,
      @JsonPropertyDescription("webhook or alertmanager") String kind,
      @JsonPropertyDescription("pending (nothing sent yet), ok or degraded") String status,
      Map<String, Long> results,
      @Nullable String lastError,
      @Nullable Long lastSuccess,
      int queued) {}

  static final String NOT_EVALUATED = "the alert rules have not been evaluated yet";

  static AlertsDto of(Optional<Latest<AlertsSnapshot>> latest) {
    if (latest.isEmpty()) {
      return new AlertsDto(null, true, NOT_EVALUATED, 0, 0, 0, 0, List.of(), List.of(), null, 0);
    }
    AlertsSnapshot s = latest.get().value();
    List<Alert> alerts = new ArrayList<>();
    int firing = 0;
    int pending = 0;
    int noData = 0;
    int silenced = 0;
    for (AlertsSnapshot.Alert a : Ordering.bySeverityThenAge(s.alerts())) {
      if (a.state().equals("resolved")) {
        continue;
      }
      firing += a.state().equals("firing") ? 1 : 0;
      pending += a.state().equals("pending") ? 1 : 0;
      noData += a.state().equals("no_data") ? 1 : 0;
      silenced += a.silenced() ? 1 : 0;
      alerts.add(alert(a));
    }
    return new AlertsDto(
        s.evaluatedAt().toEpochMilli(),
        latest.get().stale(),
        null,
        firing,
        pending,
        noData,
        silenced,
        alerts,
        s.notifiers().stream().map(AlertsDto::notifier).toList(),
        s.lastEvaluation().toNanos() / 1e6,
        s.evaluations());
  }

  static Alert alert(AlertsSnapshot.Alert a) {
    return new Alert(
        a.rule(),
        a.severity(),
        a.state(),
        a.annotations().get("summary"),
        new java.util.TreeMap<>(a.labels()),
        new java.util.TreeMap<>(a.annotations()),
        a.activeAt().toEpochMilli(),
        a.firedAt().map(java.time.Instant::toEpochMilli).orElse(null),
        a.value().isPresent() ? a.value().getAsDouble() : null,
        a.noDataReason().orElse(null),
        a.silenced(),
        a.fingerprint());
  }

  /** A notifier as the API shows it (here and in /healthz). */
  public static Notifier notifier(AlertsSnapshot.Notifier n) {
    return new Notifier(
        n.name(),
        n.kind(),
        n.health().label(),
        new java.util.TreeMap<>(n.results()),
        n.lastError().orElse(null),
        n.lastSuccess().map(java.time.Instant::toEpochMilli).orElse(null),
        n.queued());
  }
}

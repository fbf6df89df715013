package io.frmonitor.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.family.alerts.AlertsDto;
import io.frmonitor.model.AlertsSnapshot;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.ComponentStatus;
import io.frmonitor.model.Health;
import io.frmonitor.registry.MetricRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /healthz}: {@code ok} unless some collector is down or degraded, or some alert
 * notifier fails to deliver ({@code degraded}); always HTTP 200 while the process works.
 */
record HealthDto(
    String status,
    @JsonPropertyDescription(
            "the fr-server stack this instance watches: MONITORING_SERVER_NAME, the server label")
        String server,
    long timestamp,
    Map<String, Collector> collectors,
    Map<String, AlertsDto.Notifier> notifiers,
    @JsonPropertyDescription(
            "fr-monitor's own parts that are not collectors, e.g. the state writer (state)")
        Map<String, Component> components) {

  /** One of fr-monitor's own parts. */
  record Component(
      String status, String detail, @Nullable Long lastSuccess, @Nullable String lastError) {}

  record Collector(
      String status,
      List<String> families,
      @Nullable Long lastSuccess,
      @Nullable String lastError,
      int consecutiveFailures,
      @Nullable Long nextRetry,
      boolean circuitOpen,
      long runs,
      long skippedRuns,
      double lastRunMs,
      double lastRunCpuMs) {}

  static HealthDto of(MetricRegistry registry, String server) {
    List<AlertsSnapshot.Notifier> notifiers =
        registry.latest(AlertsSnapshot.FAMILY).map(l -> l.value().notifiers()).orElse(List.of());
    return of(
        server, registry.statuses(), notifiers, registry.components(), registry.clock().instant());
  }

  static HealthDto of(
      String server,
      Map<String, CollectorStatus> statuses,
      List<AlertsSnapshot.Notifier> notifierStatuses,
      Map<String, ComponentStatus> componentStatuses,
      Instant now) {
    Map<String, Collector> collectors = new LinkedHashMap<>();
    boolean degraded = false;
    for (CollectorStatus s : statuses.values()) {
      degraded |= s.health() == Health.DOWN || s.health() == Health.DEGRADED;
      collectors.put(s.name(), collector(s));
    }
    Map<String, AlertsDto.Notifier> notifiers = new LinkedHashMap<>();
    for (AlertsSnapshot.Notifier n : notifierStatuses) {
      degraded |= n.health() == Health.DEGRADED;
      notifiers.put(n.name(), AlertsDto.notifier(n));
    }
    Map<String, Component> components = new LinkedHashMap<>();
    for (ComponentStatus c : componentStatuses.values()) {
      degraded |= c.health() == Health.DEGRADED || c.health() == Health.DOWN;
      components.put(
          c.name(),
          new Component(
              c.health().label(),
              c.detail(),
              c.lastSuccess().map(Instant::toEpochMilli).orElse(null),
              c.lastError().orElse(null)));
    }
    return new HealthDto(
        degraded ? "degraded" : "ok",
        server,
        now.toEpochMilli(),
        collectors,
        notifiers,
        components);
  }

  private static Collector collector(CollectorStatus s) {
    return new Collector(
        s.health().label(),
        s.families(),
        s.lastSuccess().map(Instant::toEpochMilli).orElse(null),
        s.lastError().orElse(null),
        s.consecutiveFailures(),
        s.nextRun().map(Instant::toEpochMilli).orElse(null),
        s.circuitOpen(),
        s.runs(),
        s.skippedRuns(),
        s.lastRunDuration().toNanos() / 1e6,
        s.lastRunCpu().toNanos() / 1e6);
  }
}

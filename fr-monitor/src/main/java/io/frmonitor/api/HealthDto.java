package io.frmonitor.api;

import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Health;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /healthz}: {@code ok} unless some collector is down or degraded ({@code degraded});
 * always HTTP 200 while the process works.
 */
record HealthDto(String status, long timestamp, Map<String, Collector> collectors) {

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

  static HealthDto of(Map<String, CollectorStatus> statuses, Instant now) {
    Map<String, Collector> collectors = new LinkedHashMap<>();
    boolean degraded = false;
    for (CollectorStatus s : statuses.values()) {
      degraded |= s.health() == Health.DOWN || s.health() == Health.DEGRADED;
      collectors.put(s.name(), collector(s));
    }
    return new HealthDto(degraded ? "degraded" : "ok", now.toEpochMilli(), collectors);
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

package io.frmonitor.family;

import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Health;
import io.frmonitor.registry.MetricRegistry;
import java.util.List;

/** The monitor's own metrics: each collector's health and the registry's bounds. */
final class MonitorSamples implements RegistrySamples {
  static final MetricDef STATE =
      MetricDef.gauge(
          "fr_collector_state",
          "1 for the collector's current state, 0 for the others.",
          "collector",
          "state");
  static final MetricDef UP =
      MetricDef.gauge("fr_collector_up", "1 when the collector's last run succeeded.", "collector");
  static final MetricDef FAILURES =
      MetricDef.gauge("fr_collector_consecutive_failures", "Failed runs in a row.", "collector");
  static final MetricDef LAST_SUCCESS =
      MetricDef.gauge(
          "fr_collector_last_success_timestamp_seconds",
          "When the collector last succeeded.",
          "collector");
  static final MetricDef RUNS =
      MetricDef.counter("fr_collector_runs", "Runs finished.", "collector");
  static final MetricDef SKIPPED =
      MetricDef.counter(
          "fr_collector_skipped_runs",
          "Ticks skipped because the previous run was still going.",
          "collector");
  static final MetricDef RUN_DURATION =
      MetricDef.gauge(
          "fr_collector_last_run_duration_seconds", "Wall time of the last run.", "collector");
  static final MetricDef SERIES =
      MetricDef.gauge("fr_registry_series", "History series held in memory.");
  static final MetricDef DROPPED_SERIES =
      MetricDef.counter(
          "fr_registry_dropped_series",
          "Series refused because MONITORING_MAX_SERIES was reached.");
  static final MetricDef DROPPED_EVENTS =
      MetricDef.counter("fr_events_dropped", "Events dropped from the full event log.");

  static final List<MetricDef> METRICS =
      List.of(
          STATE,
          UP,
          FAILURES,
          LAST_SUCCESS,
          RUNS,
          SKIPPED,
          RUN_DURATION,
          SERIES,
          DROPPED_SERIES,
          DROPPED_EVENTS);

  @Override
  public List<MetricDef> metrics() {
    return METRICS;
  }

  @Override
  public void write(MetricRegistry registry, SampleWriter out) {
    registry.statuses().values().forEach(s -> collector(s, out));
    out.value(SERIES, registry.seriesCount());
    out.value(DROPPED_SERIES, registry.droppedSeries());
    out.value(DROPPED_EVENTS, registry.events().dropped());
  }

  private static void collector(CollectorStatus s, SampleWriter out) {
    String name = s.name();
    for (Health h : Health.values()) {
      out.flag(STATE, s.health() == h, name, h.label());
    }
    if (s.health() == Health.DISABLED) {
      return;
    }
    out.flag(UP, s.health() == Health.OK || s.health() == Health.DEGRADED, name);
    out.value(FAILURES, s.consecutiveFailures(), name);
    s.lastSuccess().ifPresent(t -> out.value(LAST_SUCCESS, t.toEpochMilli() / 1000.0, name));
    out.value(RUNS, s.runs(), name);
    out.value(SKIPPED, s.skippedRuns(), name);
    out.value(RUN_DURATION, s.lastRunDuration().toNanos() / 1e9, name);
  }
}

package io.frmonitor.family.alerts;

import io.frmonitor.family.Card;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Points;
import io.frmonitor.family.Rest;
import io.frmonitor.family.SampleSource;
import io.frmonitor.model.AlertsSnapshot;
import io.frmonitor.model.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The alert engine's state ({@code alerts}), published after each evaluation: served at {@code
 * /alerts}, on the {@code alerts} topic, as {@code fr_alerts} and on a card.
 */
public final class AlertsFamily {
  public static final FamilySpec<AlertsSnapshot> SPEC =
      FamilySpec.of(AlertsSnapshot.FAMILY, "Alerts")
          .path("/alerts")
          .rest(
              Rest.of(
                  AlertsDto.class,
                  registry -> AlertsDto.of(registry.latest(AlertsSnapshot.FAMILY)),
                  "The alerts in force: pending, firing, or without data",
                  "One instance per rule and matching series, most severe and oldest first."
                      + " Evaluated after every collection of the families the rules read."
                      + " /alerts/rules lists every rule with its health, /alerts/history the"
                      + " state changes."))
          .example(example())
          .samples(AlertsSamples.METRICS, SampleSource.whenFresh(AlertsSamples::write))
          .series(AlertsFamily::series)
          // the alerts panel: ui/alerts.js draws it, with the silences and their actions
          .card(Card.custom())
          .build();

  private AlertsFamily() {}

  static Map<String, Double> series(AlertsSnapshot s) {
    Points p = new Points(AlertsSnapshot.FAMILY);
    p.put("firing", s.alerts().stream().filter(a -> a.state().equals("firing")).count());
    p.put("pending", s.alerts().stream().filter(a -> a.state().equals("pending")).count());
    p.put("no_data", s.alerts().stream().filter(a -> a.state().equals("no_data")).count());
    return p.map();
  }

  /** A GPU at capacity for two minutes, on a deployment whose gateways do not report. */
  static AlertsSnapshot example() {
    Instant at = Instant.parse("2026-11-28T12:00:05Z");
    AlertsSnapshot.Alert gpu =
        new AlertsSnapshot.Alert(
            "GpuUtilizationHigh",
            Map.of("alertname", "GpuUtilizationHigh", "severity", "warning", "gpu", "0"),
            Map.of(
                "summary", "GPU 0 is 97% busy",
                "runbook_url", "docs/alerts.md#gpuutilizationhigh"),
            "firing",
            true,
            at.minusSeconds(180),
            Optional.of(at.minusSeconds(120)),
            Optional.empty(),
            OptionalDouble.of(0.97),
            Optional.empty(),
            false,
            "5c3b1f0e2d4a6978");
    AlertsSnapshot.Rule rule =
        new AlertsSnapshot.Rule(
            "GpuUtilizationHigh",
            "warning",
            "avg_over_time(fr_gpu_utilization_ratio[1m]) > 0.9",
            Duration.ofMinutes(1),
            Duration.ZERO,
            OptionalDouble.of(0.85),
            "keep_state",
            Map.of(),
            Map.of("summary", "GPU {{ $labels.gpu }} is {{ $value | humanizePercentage }} busy"),
            "default",
            "ok",
            Optional.empty(),
            at,
            1);
    AlertsSnapshot.Notifier webhook =
        new AlertsSnapshot.Notifier(
            "webhook http://alerts.example:9000/hook",
            "webhook",
            Health.OK,
            Map.of("sent", 3L, "failed", 0L, "dropped", 0L),
            Optional.empty(),
            Optional.of(at.minusSeconds(120)),
            0);
    return new AlertsSnapshot(
        at, 412, Duration.ofNanos(180_000), List.of(gpu), List.of(rule), List.of(webhook), 0);
  }
}

package io.frmonitor.alert.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.alert.Rules;
import io.frmonitor.alert.eval.AlertInstance;
import io.frmonitor.alert.eval.Observation;
import io.frmonitor.alert.eval.Series;
import io.frmonitor.alert.eval.SeriesWindows;
import io.frmonitor.alert.notify.AlertBatch;
import io.frmonitor.alert.notify.Notifier;
import io.frmonitor.alert.rule.LabelMatcher;
import io.frmonitor.app.Families;
import io.frmonitor.family.pipelines.PipelinesFamily;
import io.frmonitor.family.pipelines.ResultsFamily;
import io.frmonitor.family.system.SystemFamily;
import io.frmonitor.model.AlertsSnapshot;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Event;
import io.frmonitor.model.Health;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.model.ResultsSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertEngineTest {
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

  private final ManualClock clock = new ManualClock(T0);
  private final MetricRegistry registry =
      new MetricRegistry(clock, Duration.ofHours(1), 720, 10_000, 1_000, Duration.ofMinutes(1));
  private final RecordingNotifier notifier = new RecordingNotifier();
  private final List<Runnable> queued = new ArrayList<>();

  private AlertEngine engine(String yaml) {
    AlertEngine engine =
        new AlertEngine(
            Rules.of(yaml),
            Families.CATALOG,
            registry,
            List.of(notifier),
            new Silences(),
            new AlertHistory(100),
            queued::add);
    registry.addListener(engine);
    return engine;
  }

  private static final String COLLECTOR_DOWN =
      """
      rules:
        - alert: XDown
          metric: 'fr_collector_up{collector="x"}'
          op: "=="
          threshold: 0
          for: 30s
          severity: critical
          annotations:
            summary: "collector {{ $labels.collector }} is down"
      """;

  @Test
  void firesAfterForThenResolvesWithEveryChangeInTheHistoryTheEventLogAndTheNotifiers() {
    AlertEngine engine = engine(COLLECTOR_DOWN);
    status("x", Health.DOWN);
    engine.evaluate();
    assertThat(alert().state()).isEqualTo("pending");

    clock.advance(Duration.ofSeconds(30));
    engine.evaluate();
    assertThat(alert().state()).isEqualTo("firing");
    assertThat(alert().annotations()).containsEntry("summary", "collector x is down");
    assertThat(notifier.last().alerts()).extracting(AlertInstance::state).containsExactly("firing");

    status("x", Health.OK);
    clock.advance(Duration.ofSeconds(5));
    engine.evaluate();
    assertThat(alert().state()).isEqualTo("resolved");
    assertThat(engine.history().after(0, 10))
        .extracting(AlertHistory.Entry::id, AlertHistory.Entry::from, AlertHistory.Entry::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, "inactive", "pending"),
            org.assertj.core.groups.Tuple.tuple(2L, "pending", "firing"),
            org.assertj.core.groups.Tuple.tuple(3L, "firing", "resolved"));
    assertThat(engine.history().after(2, 10)).hasSize(1);
    assertThat(registry.events().newest(10, "alert"))
        .extracting(e -> e.fields().get("state"))
        .containsExactly("resolved", "firing", "pending");
    Event fired = registry.events().newest(10, "alert").get(1);
    assertThat(fired.fields())
        .containsEntry("alertname", "XDown")
        .containsEntry("severity", "critical")
        .containsEntry("series", "{collector=\"x\"}");
    assertThat(notifier.last().alerts())
        .extracting(AlertInstance::state)
        .containsExactly("resolved");
  }

  @Test
  void aStaleFamilyTurnsItsAlertsToNoDataNeverToResolved() {
    AlertEngine engine =
        engine(
            """
            rules:
              - alert: MemoryUsed
                metric: fr_system_memory_used_ratio
                op: ">"
                threshold: 0
            """);
    registry.publish(HostSnapshot.FAMILY, SystemFamily.SPEC.example());
    engine.evaluate();
    assertThat(alert().state()).isEqualTo("firing");

    registry.markStale(HostSnapshot.FAMILY);
    clock.advance(Duration.ofSeconds(5));
    engine.evaluate();
    assertThat(alert().state()).isEqualTo("no_data");
    assertThat(alert().firing()).isTrue();
    assertThat(alert().noDataReason()).hasValueSatisfying(r -> assertThat(r).startsWith("stale"));
    assertThat(rule().health()).isEqualTo("no_data");
  }

  @Test
  void aRuleOnAMetricNoSourceObservesIsInactiveWithTheReason() {
    AlertEngine engine =
        engine(
            """
            rules:
              - alert: Spoofs
                metric: 'fr_pipeline_results_total{outcome="spoof"}'
                reduce: increase
                window: 1m
                op: ">"
                threshold: 0
            """);
    // results counted, but none came through the tap or the firehose: no outcomes can be seen
    ResultsSnapshot example = ResultsFamily.SPEC.example();
    registry.publish(
        ResultsSnapshot.FAMILY,
        new ResultsSnapshot(example.pipelines(), example.malformed(), 0, 0));
    engine.evaluate();
    assertThat(rule().health()).isEqualTo("inactive");
    assertThat(rule().reason())
        .hasValueSatisfying(r -> assertThat(r).startsWith("metric not observable: "));
    assertThat(latest().alerts()).isEmpty();
  }

  @Test
  void aSilencedAlertIsShownButNotifiesNobody() {
    AlertEngine engine = engine(COLLECTOR_DOWN);
    engine
        .silences()
        .add(
            List.of(LabelMatcher.of("alertname", LabelMatcher.Op.EQ, "XDown")),
            Optional.empty(),
            T0.plus(Duration.ofHours(1)),
            "ops",
            "maintenance",
            T0);
    status("x", Health.DOWN);
    clock.advance(Duration.ofSeconds(30));
    engine.evaluate();
    clock.advance(Duration.ofSeconds(30));
    engine.evaluate();
    assertThat(alert().state()).isEqualTo("firing");
    assertThat(alert().silenced()).isTrue();
    assertThat(notifier.last().alerts()).isEmpty();
    assertThat(notifier.last().transitions()).isEmpty();
    assertThat(latest().silences()).isEqualTo(1);
  }

  @Test
  void evaluatesAfterTheCollectionsOfTheFamiliesItReadsFoldingRequestsTogether() {
    engine(
        """
        rules:
          - alert: MemoryUsed
            metric: fr_system_memory_used_ratio
            op: ">"
            threshold: 0.99
        """);
    registry.publish(HostSnapshot.FAMILY, SystemFamily.SPEC.example());
    registry.publish(HostSnapshot.FAMILY, SystemFamily.SPEC.example());
    assertThat(queued).hasSize(1);
    queued.remove(0).run();
    assertThat(registry.latest(AlertsSnapshot.FAMILY)).isPresent();
    // its own publication does not ask for another
    assertThat(queued).isEmpty();
    registry.publish(HostSnapshot.FAMILY, SystemFamily.SPEC.example());
    assertThat(queued).hasSize(1);
  }

  @Test
  void aRuleOnAFamilyWhoseCollectorsAreDisabledIsInactiveNotWithoutData() {
    AlertEngine engine =
        engine(
            """
            rules:
              - alert: GpuHot
                metric: fr_gpu_temperature_celsius
                op: ">"
                threshold: 85
            """);
    registry.updateStatus(
        new CollectorStatus(
            "gpu",
            List.of("gpu"),
            Health.DISABLED,
            Optional.empty(),
            Optional.of("NVML not found"),
            0,
            Optional.empty(),
            false,
            0,
            0,
            Duration.ZERO,
            Duration.ZERO));
    engine.evaluate();
    assertThat(rule().health()).isEqualTo("inactive");
    assertThat(rule().reason())
        .hasValueSatisfying(
            r -> assertThat(r).contains("collector gpu is disabled: NVML not found"));
  }

  private void status(String collector, Health health) {
    registry.updateStatus(
        new CollectorStatus(
            collector,
            List.of(),
            health,
            Optional.of(clock.instant()),
            health == Health.OK ? Optional.empty() : Optional.of("refused"),
            health == Health.OK ? 0 : 1,
            Optional.empty(),
            false,
            1,
            0,
            Duration.ZERO,
            Duration.ZERO));
  }

  private AlertsSnapshot latest() {
    return registry.latest(AlertsSnapshot.FAMILY).orElseThrow().value();
  }

  private AlertsSnapshot.Alert alert() {
    assertThat(latest().alerts()).hasSize(1);
    return latest().alerts().get(0);
  }

  private AlertsSnapshot.Rule rule() {
    return latest().rules().get(0);
  }

  private AlertsSnapshot.Rule rule(String name) {
    return latest().rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  /** Keeps what it is offered. */
  private static final class RecordingNotifier implements Notifier {
    private final List<AlertBatch> batches = new ArrayList<>();

    @Override
    public void offer(AlertBatch batch) {
      batches.add(batch);
    }

    AlertBatch last() {
      return batches.get(batches.size() - 1);
    }

    @Override
    public AlertsSnapshot.Notifier status() {
      return new AlertsSnapshot.Notifier(
          "recording", "webhook", Health.OK, Map.of(), Optional.empty(), Optional.empty(), 0);
    }

    @Override
    public void close() {}
  }

  @Test
  void aHistogramIsReadAsTheBucketSeriesPrometheusShows() {
    registry.publish(PipelinesSnapshot.FAMILY, PipelinesFamily.SPEC.example());
    registry.publish(ResultsSnapshot.FAMILY, ResultsFamily.SPEC.example());
    String bucket = "fr_pipeline_latency_seconds_bucket";
    Observation seen =
        new Observer(Set.of(bucket), Families.CATALOG, registry)
            .observe(T0, new SeriesWindows(Map.of(bucket, Duration.ofMinutes(1)), 1000));

    List<Series> face =
        seen.of(bucket).stream()
            .filter(s -> s.labels().get("pipeline").equals("face"))
            .filter(s -> s.labels().get("stage").equals("ingest_to_result"))
            .toList();
    assertThat(face)
        .extracting(s -> s.labels().get("le"))
        .containsExactly(
            "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0",
            "+Inf");
    assertThat(face).extracting(Series::value).isSorted();
    assertThat(face.get(face.size() - 1).value())
        .isEqualTo(
            (double)
                ResultsFamily.SPEC.example().pipelines().stream()
                    .filter(p -> p.id().equals("face"))
                    .findFirst()
                    .orElseThrow()
                    .ingestToResult()
                    .count());
    assertThat(seen.of(bucket))
        .as("both families' stages")
        .anyMatch(s -> s.labels().get("stage").equals("ingest_to_routing"));
  }

  @Test
  void aRuleOnTheResultStageIsInactiveWhileResultsAreNotSeenOneByOne() {
    AlertEngine engine =
        engine(
            """
            rules:
              - alert: Slow
                metric: 'fr_pipeline_latency_seconds_bucket{stage="ingest_to_result"}'
                reduce: increase
                window: 1m
                by: [pipeline]
                quantile: 0.95
                op: ">"
                threshold: 2
              - alert: SlowRouting
                metric: 'fr_pipeline_latency_seconds_bucket{stage="ingest_to_routing"}'
                reduce: increase
                window: 1m
                quantile: 0.95
                op: ">"
                threshold: 2
            """);
    registry.publish(PipelinesSnapshot.FAMILY, PipelinesFamily.SPEC.example());
    ResultsSnapshot example = ResultsFamily.SPEC.example();
    registry.publish(ResultsSnapshot.FAMILY, example);
    engine.evaluate();
    assertThat(rule("Slow").health()).isEqualTo("ok");
    assertThat(rule("Slow").series()).as("one group per pipeline").isEqualTo(2);

    registry.publish(
        ResultsSnapshot.FAMILY,
        new ResultsSnapshot(example.pipelines(), example.malformed(), 0, 0));
    engine.evaluate();
    assertThat(rule("Slow").health()).isEqualTo("inactive");
    assertThat(rule("Slow").reason())
        .hasValueSatisfying(r -> assertThat(r).startsWith("metric not observable: "));
    assertThat(rule("SlowRouting").health()).as("the routing stage is seen").isEqualTo("ok");
  }
}

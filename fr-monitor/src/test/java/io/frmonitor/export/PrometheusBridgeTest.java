package io.frmonitor.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.app.Families;
import io.frmonitor.family.Snapshots;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.model.Health;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.model.HostView;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.model.ResultsSnapshot;
import io.frmonitor.model.StorageSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.StorageSnapshots;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PrometheusBridgeTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final MetricRegistry registry =
      new MetricRegistry(clock, Duration.ofMinutes(5), 60, 100, 10, Duration.ofSeconds(15));
  private final PrometheusBridge bridge = new PrometheusBridge(Families.CATALOG, registry, "S1");

  /** The scrape, its server label checked on every sample and then left out, for brevity. */
  private String scrape() {
    String text = new String(bridge.scrape(null).body(), StandardCharsets.UTF_8);
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        assertThat(line).as("every series names its server").contains("server=\"S1\"");
      }
    }
    return text.replace("{server=\"S1\"}", "")
        .replace("{server=\"S1\",", "{")
        .replace(",server=\"S1\"", "");
  }

  @Test
  void everySeriesTheJvmsIncludedCarriesTheServerLabel() {
    registry.publish(HostSnapshot.FAMILY, host());
    String text = new String(bridge.scrape(null).body(), StandardCharsets.UTF_8);
    List<String> samples = text.lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    assertThat(samples)
        .anySatisfy(l -> assertThat(l).startsWith("jvm_"))
        .anySatisfy(l -> assertThat(l).startsWith("process_"))
        .anySatisfy(l -> assertThat(l).startsWith("fr_system_cpu_ratio{server=\"S1\"} 0.5"))
        .allSatisfy(l -> assertThat(l).contains("server=\"S1\""));
  }

  private static HostSnapshot host() {
    return new HostSnapshot(
        OptionalDouble.of(50),
        List.of(50.0),
        List.of(OptionalDouble.of(1.0), OptionalDouble.empty(), OptionalDouble.empty()),
        1,
        2048,
        1024,
        0,
        0,
        OptionalDouble.empty(),
        List.of(),
        List.of(),
        100,
        5,
        HostView.LOCAL);
  }

  private static CollectorStatus status(String name, Health health) {
    return new CollectorStatus(
        name,
        List.of(name),
        health,
        Optional.of(Instant.parse("2026-03-01T11:59:55Z")),
        Optional.empty(),
        health == Health.DOWN ? 2 : 0,
        Optional.empty(),
        false,
        4,
        0,
        Duration.ofMillis(3),
        Duration.ofMillis(1));
  }

  @Test
  void exportsHostValuesInBaseUnits() {
    registry.publish(HostSnapshot.FAMILY, host());
    assertThat(scrape())
        .contains("fr_system_cpu_ratio 0.5")
        .contains("fr_system_memory_total_bytes 2048.0")
        .contains("fr_system_load_average{window=\"1m\"} 1.0")
        .doesNotContain("window=\"5m\"");
  }

  @Test
  void staleFamilyIsLeftOutAndCollectorUpSaysWhy() {
    registry.publish(HostSnapshot.FAMILY, host());
    scrape();
    clock.advance(PrometheusBridge.REUSE_FOR);
    registry.markStale(HostSnapshot.FAMILY);
    registry.updateStatus(status("host", Health.DOWN));
    String text = scrape();
    assertThat(text).doesNotContain("fr_system_cpu_ratio");
    assertThat(text)
        .contains("fr_collector_up{collector=\"host\"} 0.0")
        .contains("fr_collector_consecutive_failures{collector=\"host\"} 2.0")
        .contains("fr_collector_state{collector=\"host\",state=\"down\"} 1.0");
  }

  @Test
  void disabledCollectorHasAStateButNoUpGauge() {
    registry.updateStatus(CollectorStatus.disabled("gpu", List.of("gpu"), "NVML not found"));
    registry.updateStatus(status("host", Health.OK));
    String text = scrape();
    assertThat(text)
        .contains("fr_collector_state{collector=\"gpu\",state=\"disabled\"} 1.0")
        .contains("fr_collector_up{collector=\"host\"} 1.0")
        .doesNotContain("fr_collector_up{collector=\"gpu\"}")
        .contains("fr_collector_runs_total{collector=\"host\"} 4.0")
        .contains("fr_collector_last_success_timestamp_seconds{collector=\"host\"} 1.772366395E9");
  }

  @Test
  void reusesARenderingWithinOneSecondOnly() {
    registry.publish(HostSnapshot.FAMILY, host());
    String first = scrape();
    registry.markStale(HostSnapshot.FAMILY);
    assertThat(scrape()).isEqualTo(first);

    clock.advance(PrometheusBridge.REUSE_FOR);
    assertThat(scrape()).doesNotContain("fr_system_cpu_ratio");
  }

  @Test
  void latencyIsAPrometheusHistogramInSeconds() {
    registry.publish(
        PipelinesSnapshot.FAMILY,
        new io.frmonitor.model.PipelinesSnapshot(
            3,
            OptionalDouble.empty(),
            300,
            0,
            List.of(
                new io.frmonitor.model.PipelinesSnapshot.Routing(
                    0, 3, OptionalDouble.empty(), Optional.of(true), 1)),
            List.of(),
            Map.of(),
            new io.frmonitor.model.LatencyHistogram(
                3, 1204, 1000, 200, 1000, 1000, List.of(100.0, 500.0), List.of(1L, 1L, 1L))));
    String text = scrape();
    assertThat(text)
        .contains("# TYPE fr_pipeline_latency_seconds histogram")
        .contains(
            "fr_pipeline_latency_seconds_bucket{pipeline=\"routing\",stage=\"ingest_to_routing\",le=\"0.1\"} 1")
        .contains(
            "fr_pipeline_latency_seconds_bucket{pipeline=\"routing\",stage=\"ingest_to_routing\",le=\"0.5\"} 2")
        .contains(
            "fr_pipeline_latency_seconds_bucket{pipeline=\"routing\",stage=\"ingest_to_routing\",le=\"+Inf\"} 3")
        .contains(
            "fr_pipeline_latency_seconds_count{pipeline=\"routing\",stage=\"ingest_to_routing\"} 3")
        .contains("fr_frames_total{pipeline_id=\"0\"} 3.0")
        .contains("fr_pipeline_has_worker{pipeline_id=\"0\"} 1.0");
  }

  @Test
  void storageIsUpWithCountsPerPrefixAndZeroUpWhenStale() {
    registry.publish(StorageSnapshot.FAMILY, StorageSnapshots.sample(clock.instant()));
    String text = scrape();
    assertThat(text)
        .contains("fr_storage_up 1.0")
        .contains("fr_storage_probe_latency_seconds 0.0125")
        .contains("fr_storage_ready 1.0")
        .contains("fr_storage_cluster_healthy 0.0")
        .contains("fr_storage_listing_duration_seconds 0.84")
        .contains("fr_storage_objects{bucket=\"face-frames\",prefix=\"frames/\"} 3.0")
        .contains("fr_storage_bytes{bucket=\"face-frames\",prefix=\"frames/\"} 3000.0")
        .contains("fr_storage_objects{bucket=\"face-frames\",prefix=\"actions/\"} 0.0")
        .contains("fr_storage_orphaned_frames{bucket=\"face-frames\"} 2.0")
        .doesNotContain("bucket=\"archive\"")
        .doesNotContain("fr_storage_capacity");

    registry.markStale(StorageSnapshot.FAMILY);
    clock.advance(PrometheusBridge.REUSE_FOR);
    assertThat(scrape()).contains("fr_storage_up 0.0").doesNotContain("fr_storage_objects");
  }

  @Test
  void storageCapacityAndWholeBucketUsageFromMinioMetrics() {
    registry.publish(StorageSnapshot.FAMILY, StorageSnapshots.withUsage(clock.instant()));

    assertThat(scrape())
        .contains("fr_storage_capacity_usable_bytes 1.0E11")
        .contains("fr_storage_capacity_free_bytes 4.0E10")
        .contains("fr_storage_bucket_objects{bucket=\"face-frames\"} 1310.0")
        .contains("fr_storage_bucket_bytes{bucket=\"face-frames\"} 5.2837376E7")
        .contains("fr_storage_bucket_objects{bucket=\"exports\"} 5.0");
  }

  @Test
  void everyOwnMetricHasTheFrPrefixAndHelp() {
    registry.publish(HostSnapshot.FAMILY, host());
    registry.publish(StorageSnapshot.FAMILY, StorageSnapshots.withUsage(clock.instant()));
    registry.updateStatus(status("host", Health.OK));
    for (String line : scrape().split("\n", -1)) {
      if (line.startsWith("# HELP fr") || line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String name = line.substring(0, line.indexOf(line.contains("{") ? '{' : ' '));
      if (!name.startsWith("jvm_") && !name.startsWith("process_")) {
        assertThat(name).startsWith("fr_");
        assertThat(scrape()).contains("# HELP " + name.replaceAll("_total$", ""));
      }
    }
  }

  @Test
  void aSignalNoSourceSeesHasNoSamplesAndItsSourceSaysNone() {
    registry.publish(
        QueuesSnapshot.FAMILY,
        Snapshots.queues(false, Snapshots.queue("face_pipeline_results", 0, 1, 10, 10, 2)));
    // results counted by the result tap's collector, but neither through the tap nor traced
    registry.publish(ResultsSnapshot.FAMILY, Snapshots.results(10, 0));
    registry.publish(DecisionsSnapshot.FAMILY, Snapshots.decisions(false));

    String untraced = scrape();
    assertThat(untraced)
        .contains("fr_signal_source{signal=\"outcomes\",source=\"none\"} 1")
        .contains("fr_signal_source{signal=\"results\",source=\"queue_counters\"} 1")
        .contains(
            "fr_queue_published_total{owner=\"fr-server\",queue=\"face_pipeline_results\"} 10")
        .contains("fr_vhost_tracing 0")
        .doesNotContain("fr_pipeline_results_total")
        .doesNotContain("fr_actions_total")
        .doesNotContain("fr_saved_actions_total");

    clock.advance(Duration.ofSeconds(1));
    registry.publish(DecisionsSnapshot.FAMILY, Snapshots.decisions(true));
    String traced = scrape();
    assertThat(traced)
        .contains("fr_signal_source{signal=\"outcomes\",source=\"firehose\"} 1")
        .contains("fr_pipeline_results_total{outcome=\"pass\",pipeline=\"face\"} 9")
        .contains("fr_actions_total{action=\"lock_screen\",reason=\"no_face\"} 3")
        .contains("fr_saved_actions_total 20");
  }
}

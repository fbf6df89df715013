package io.frmonitor.collect.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.config.MinioSettings;
import io.frmonitor.model.StorageSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.Registries;
import io.frmonitor.testing.TestMinioSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The poller against {@link FakeMinio}: MinIO's health and metrics, no S3 API. */
class StoragePollerTest {
  private final MetricRegistry registry = Registries.forCollectorTests();
  private FakeMinio minio;

  @BeforeEach
  void start() throws Exception {
    minio =
        FakeMinio.start()
            .healthy()
            .serve("/minio/v2/metrics/cluster", "metrics-v2-cluster.prom")
            .serve("/minio/v2/metrics/bucket", "metrics-v2-bucket.prom");
  }

  @AfterEach
  void stop() {
    minio.close();
  }

  private StorageSnapshot pollOnce() throws Exception {
    MinioSettings settings =
        TestMinioSettings.of(
            minio.endpoint().getAuthority(), "", "", List.of("face-frames"), List.of("frames/"));
    try (StoragePoller p =
        StoragePoller.create(settings, Clock.systemUTC(), Duration.ofSeconds(2))) {
      p.poll(registry);
    }
    return registry.latest(StorageSnapshot.FAMILY).orElseThrow().value();
  }

  @Test
  void publicMetricsGiveCapacityAndUsageWithoutKeysOrListing() throws Exception {
    StorageSnapshot s = pollOnce();

    assertThat(s.minio()).isTrue();
    assertThat(s.usage().orElseThrow().usableTotalBytes()).hasValue(250_053_931_008L);
    assertThat(s.usage().orElseThrow().buckets().get("face-frames").bytes()).isEqualTo(52_837_376);
    assertThat(s.usageUnavailable()).isEmpty();
    assertThat(s.listedAt()).isEmpty();
    assertThat(registry.allSeries()).containsKey("storage.capacity_free_bytes");
  }

  @Test
  void refusedMetricsLeaveHealthAndSayWhy() throws Exception {
    minio.requireToken("someone", "else");

    StorageSnapshot s = pollOnce();

    assertThat(s.live()).contains(true);
    assertThat(s.usage()).isEmpty();
    assertThat(s.usageUnavailable().orElseThrow())
        .contains("HTTP 403")
        .contains("no keys configured");
  }
}

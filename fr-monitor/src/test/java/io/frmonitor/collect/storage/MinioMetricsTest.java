package io.frmonitor.collect.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.testing.ManualClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against {@link FakeMinio}, which checks the bearer token the way MinIO does. */
class MinioMetricsTest {
  private static final String CLUSTER = "/minio/v2/metrics/cluster";
  private static final String BUCKET = "/minio/v2/metrics/bucket";

  // the fake checks expiry against the wall clock, as MinIO would
  private final ManualClock clock = new ManualClock(Instant.now());
  private FakeMinio minio;

  @BeforeEach
  void start() throws Exception {
    minio =
        FakeMinio.start()
            .serve(CLUSTER, "metrics-v2-cluster.prom")
            .serve(BUCKET, "metrics-v2-bucket.prom");
  }

  @AfterEach
  void stop() {
    minio.close();
  }

  private MinioMetrics metrics(String accessKey, String secretKey) {
    return new MinioMetrics(
        HttpClient.newHttpClient(),
        minio.endpoint(),
        accessKey,
        secretKey,
        Duration.ofSeconds(2),
        Duration.ofSeconds(60),
        clock);
  }

  @Test
  void aTokenFromTheKeysIsAccepted() throws Exception {
    minio.requireToken("monitor", "monitor-secret");

    MinioMetrics.Reading r = metrics("monitor", "monitor-secret").readIfDue();

    assertThat(r.unavailable()).isNull();
    assertThat(r.usage().usableFreeBytes()).hasValue(199_926_929_408L);
    assertThat(r.usage().buckets().get("face-frames").objects()).isEqualTo(1310);
  }

  @Test
  void aRefusedTokenSaysWhatPermissionIsMissingAndNotTheSecret() throws Exception {
    minio.requireToken("monitor", "monitor-secret");

    MinioMetrics.Reading r = metrics("monitor", "wrong-secret-value").readIfDue();

    assertThat(r.usage()).isNull();
    assertThat(r.unavailable())
        .contains(CLUSTER)
        .contains("HTTP 403")
        .contains("admin:Prometheus")
        .doesNotContain("wrong-secret-value");
  }

  @Test
  void publicMetricsNeedNoKeys() throws Exception {
    MinioMetrics.Reading r = metrics("", "").readIfDue();

    assertThat(r.usage().buckets()).containsKeys("archive", "face-frames");
  }

  @Test
  void withoutKeysARefusalSaysSo() throws Exception {
    minio.requireToken("monitor", "monitor-secret");

    assertThat(metrics("", "").readIfDue().unavailable())
        .contains("no keys configured")
        .contains("MINIO_PROMETHEUS_AUTH_TYPE=public");
  }

  @Test
  void anOlderServerWithoutTheBucketEndpointStillGivesUsage() throws Exception {
    minio.status(BUCKET, 404).serve(CLUSTER, "metrics-v2-cluster-legacy.prom");

    MinioMetrics.Reading r = metrics("", "").readIfDue();

    assertThat(r.usage().buckets().get("face-frames").bytes()).isEqualTo(1_048_576);
  }

  @Test
  void readsAtMostOncePerInterval() throws Exception {
    MinioMetrics m = metrics("", "");

    m.readIfDue();
    clock.advance(Duration.ofSeconds(59));
    m.readIfDue();
    assertThat(minio.requests(CLUSTER)).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    m.readIfDue();
    assertThat(minio.requests(CLUSTER)).isEqualTo(2);
  }

  @Test
  void anUnreachableEndpointIsAReasonNotAnException() throws Exception {
    minio.close();

    assertThat(metrics("", "").readIfDue().unavailable())
        .startsWith("MinIO metrics: ")
        .contains("ConnectException");
  }

  @Test
  void aServerWithoutMetricsEndpointsSaysSo() throws Exception {
    minio.status(CLUSTER, 404).status(BUCKET, 404);

    assertThat(metrics("", "").readIfDue().unavailable()).contains("no capacity or bucket usage");
  }
}

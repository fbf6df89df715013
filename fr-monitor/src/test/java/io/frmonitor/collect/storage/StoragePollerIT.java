package io.frmonitor.collect.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.frmonitor.collect.PollOutcome;
import io.frmonitor.config.MinioSettings;
import io.frmonitor.model.StorageSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.Registries;
import io.frmonitor.testing.S3ProxyServer;
import io.frmonitor.testing.TestMinioSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage collector end to end against a real S3 server (S3Proxy, a plain S3 server). */
class StoragePollerIT {
  @TempDir static Path dir;
  static S3ProxyServer server;

  private final MetricRegistry registry = Registries.forCollectorTests();

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start(dir);
    server.putObject("face-frames", "frames/obama/old.jpg", 100, Duration.ofMinutes(45));
    server.putObject("face-frames", "frames/obama/new.jpg", 200, Duration.ofSeconds(3));
    server.putObject("face-frames", "actions/Lock_screen/obama/a.jpg", 300, Duration.ofHours(2));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static MinioSettings settings(String secret, List<String> buckets) {
    return TestMinioSettings.of(
        server.endpoint().getAuthority(),
        S3ProxyServer.ACCESS_KEY,
        secret,
        buckets,
        List.of("frames/", "actions/"));
  }

  private static StoragePoller poller(MinioSettings s) {
    return StoragePoller.create(s, Clock.systemUTC(), Duration.ofSeconds(5));
  }

  /** Polls until the first listing has landed in the snapshot; returns that poll's outcome. */
  private PollOutcome pollUntilListed(StoragePoller p) {
    PollOutcome[] last = new PollOutcome[1];
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              last[0] = p.poll(registry);
              return snapshot().listedAt().isPresent();
            });
    return last[0];
  }

  private StorageSnapshot snapshot() {
    return registry.latest(StorageSnapshot.FAMILY).orElseThrow().value();
  }

  @Test
  void reportsBucketsPrefixesAndOrphansFromAPlainS3Server() throws Exception {
    try (StoragePoller p = poller(settings(S3ProxyServer.SECRET_KEY, List.of("face-frames")))) {
      assertThat(pollUntilListed(p)).isEqualTo(PollOutcome.ok());
    }
    StorageSnapshot s = snapshot();
    assertThat(s.minio()).isFalse();
    assertThat(s.live()).isEmpty();
    // not a MinIO: its metrics endpoint is not asked for, and that is no problem
    assertThat(s.usage()).isEmpty();
    assertThat(s.usageUnavailable()).isEmpty();
    assertThat(s.bucketNames().orElseThrow()).contains("face-frames");
    assertThat(s.listingMs().getAsDouble()).isPositive();
    StorageSnapshot.Bucket bucket = s.buckets().get(0);
    assertThat(bucket.error()).isEmpty();
    assertThat(bucket.prefixes().get("frames/").objects()).isEqualTo(2);
    assertThat(bucket.prefixes().get("frames/").bytes()).isEqualTo(300);
    assertThat(bucket.prefixes().get("actions/").objects()).isEqualTo(1);
    assertThat(bucket.orphanedFrames()).isEqualTo(1);
    assertThat(registry.allSeries()).containsKey("storage.orphaned_frames:face-frames");
  }

  @Test
  void aWrongSecretIsDegradedNamingTheProblemNotTheSecret() {
    try (StoragePoller p = poller(settings("wrong-secret-value", List.of("face-frames")))) {
      PollOutcome outcome = pollUntilListed(p);
      assertThat(outcome.degradedReason())
          .hasValueSatisfying(
              r ->
                  assertThat(r)
                      .contains("SignatureDoesNotMatch")
                      .doesNotContain("wrong-secret-value"));
    }
    assertThat(snapshot().buckets().get(0).error()).contains("SignatureDoesNotMatch");
  }

  @Test
  void aMissingBucketIsReportedAndTheOthersStillListed() {
    try (StoragePoller p =
        poller(settings(S3ProxyServer.SECRET_KEY, List.of("no-such-bucket", "face-frames")))) {
      assertThat(pollUntilListed(p).degradedReason())
          .hasValueSatisfying(
              r -> assertThat(r).contains("no-such-bucket").contains("NoSuchBucket"));
    }
    assertThat(snapshot().buckets())
        .extracting(StorageSnapshot.Bucket::error)
        .containsExactly(Optional.of("NoSuchBucket"), Optional.empty());
    assertThat(snapshot().buckets().get(1).objects()).isEqualTo(3);
  }

  @Test
  void withoutKeysOnlyHealthIsProbed() throws Exception {
    MinioSettings s = settings("", List.of("face-frames"));
    try (StoragePoller p = poller(s)) {
      assertThat(p.poll(registry).degradedReason())
          .hasValueSatisfying(r -> assertThat(r).contains("MONITORING_MINIO_SECRET_KEY"));
    }
    assertThat(snapshot().listedAt()).isEmpty();
    assertThat(snapshot().buckets()).isEmpty();
  }

  @Test
  void aStoppedServerFailsThePollAndARestartedOneRecovers() throws Exception {
    try (StoragePoller p = poller(settings(S3ProxyServer.SECRET_KEY, List.of("face-frames")))) {
      pollUntilListed(p);
      server.stop();
      try {
        assertThatThrownBy(() -> p.poll(registry)).isInstanceOf(IOException.class);
      } finally {
        server.restart();
      }
      assertThat(p.poll(registry)).isEqualTo(PollOutcome.ok());
    }
  }

  @Test
  void offDisablesTheCollector() {
    MinioSettings off =
        TestMinioSettings.of(MinioSettings.OFF, "", "", List.of("face-frames"), List.of("frames/"));
    try (StoragePoller p = poller(off)) {
      assertThat(p.unavailableReason()).hasValue("MONITORING_MINIO_ENDPOINT=off");
    }
  }

  @Test
  void noEndpointDisablesTheCollectorAndSaysWhereTheFrServerPublishesMinio() {
    MinioSettings unset = TestMinioSettings.of("", "", "", List.of("face-frames"), List.of());
    try (StoragePoller p = poller(unset)) {
      assertThat(p.unavailableReason().orElseThrow())
          .contains("MONITORING_MINIO_ENDPOINT is not set")
          .contains("127.0.0.1:9100");
    }
  }
}

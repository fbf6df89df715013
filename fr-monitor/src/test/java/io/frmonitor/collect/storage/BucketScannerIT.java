package io.frmonitor.collect.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.model.StorageSnapshot;
import io.frmonitor.testing.S3ProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bucket statistics and orphaned frames from a real S3 server laid out like the fr-server's. */
class BucketScannerIT {
  private static final String FRAME = "20251103T120307123456Z-1a2b3c4d5e6f.jpg";

  @TempDir static Path dir;
  static S3ProxyServer server;
  static S3Client s3;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start(dir);
    server.putObject("face-frames", "frames/obama/a-" + FRAME, 100, Duration.ofMinutes(30));
    server.putObject("face-frames", "frames/obama/b-" + FRAME, 200, Duration.ofMinutes(11));
    server.putObject("face-frames", "frames/obama/c-" + FRAME, 300, Duration.ofMinutes(9));
    server.putObject("face-frames", "frames/alice/d-" + FRAME, 400, Duration.ofSeconds(2));
    server.putObject(
        "face-frames",
        "actions/Lock_screen/obama/20251103T120308456789Z__Lock_screen__No_face.jpg",
        5000,
        Duration.ofHours(3));
    server.putObject(
        "face-frames",
        "actions/Sign_out/alice/20251103T120309456789Z__Sign_out__Spoof.jpg",
        7000,
        Duration.ofHours(1));
    s3 =
        new S3Client(
            HttpClient.newHttpClient(),
            server.endpoint(),
            new SigV4(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY, "us-east-1"),
            Duration.ofSeconds(5),
            Clock.systemUTC());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static BucketScanner scanner(int maxObjects) {
    return new BucketScanner(
        s3, List.of("frames/", "actions/"), "frames/", Duration.ofMinutes(10), maxObjects);
  }

  @Test
  void countsObjectsBytesAgesAndOrphansPerPrefix() throws Exception {
    Instant now = Instant.now();
    StorageSnapshot.Bucket stats = scanner(10_000).scan("face-frames", now);

    assertThat(stats.truncated()).isFalse();
    assertThat(stats.prefixes()).containsOnlyKeys("frames/", "actions/");
    StorageSnapshot.Prefix frames = stats.prefixes().get("frames/");
    assertThat(frames.objects()).isEqualTo(4);
    assertThat(frames.bytes()).isEqualTo(1000);
    assertThat(Duration.between(frames.oldest().orElseThrow(), now))
        .isBetween(Duration.ofMinutes(30).minusSeconds(5), Duration.ofMinutes(30).plusSeconds(5));
    StorageSnapshot.Prefix actions = stats.prefixes().get("actions/");
    assertThat(actions.objects()).isEqualTo(2);
    assertThat(actions.bytes()).isEqualTo(12_000);
    assertThat(stats.orphanedFrames()).as("frames older than 10 minutes").isEqualTo(2);
    assertThat(stats.objects()).isEqualTo(6);
    assertThat(stats.bytes()).isEqualTo(13_000);
  }

  @Test
  void stopsAtTheBudgetAndSaysSo() throws Exception {
    StorageSnapshot.Bucket stats = scanner(3).scan("face-frames", Instant.now());

    assertThat(stats.truncated()).isTrue();
    assertThat(stats.prefixes()).containsOnlyKeys("frames/");
    assertThat(stats.prefixes().get("frames/").objects()).isLessThan(4);
  }

  @Test
  void anEmptyPrefixHasNoOldestObject() throws Exception {
    server.createBucket("empty-bucket");
    StorageSnapshot.Bucket stats = scanner(100).scan("empty-bucket", Instant.now());

    assertThat(stats.prefixes().get("frames/")).isEqualTo(BucketScanner.EMPTY_PREFIX);
    assertThat(stats.orphanedFrames()).isZero();
  }

  @Test
  void leavesEveryObjectAsItWas() throws Exception {
    List<String> before = layout();
    scanner(10_000).scan("face-frames", Instant.now());
    scanner(3).scan("face-frames", Instant.now());
    assertThat(layout()).isEqualTo(before).hasSizeGreaterThan(6);
  }

  /** Every file and directory under the server's data: path, size, modification time. */
  private static List<String> layout() throws IOException {
    try (Stream<Path> files = Files.walk(server.root())) {
      return files
          .sorted()
          .map(
              p -> {
                try {
                  return p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    }
  }
}

package io.frmonitor.collect.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frmonitor.testing.S3ProxyServer;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 client against a real S3 server (S3Proxy) checking every SigV4 signature. */
class S3ClientIT {
  @TempDir static Path dir;
  static S3ProxyServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start(dir);
    server.putObject("face-frames", "frames/client-1/a.jpg", 1000, Duration.ofMinutes(20));
    server.putObject("face-frames", "frames/client-1/b.jpg", 2000, Duration.ofMinutes(1));
    server.putObject("face-frames", "frames/client 2/c +~*.jpg", 30, Duration.ofSeconds(5));
    server.putObject("face-frames", "actions/x.jpg", 7, Duration.ofHours(2));
    server.createBucket("empty-bucket");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static S3Client client(String secret) {
    return new S3Client(
        HttpClient.newHttpClient(),
        server.endpoint(),
        new SigV4(S3ProxyServer.ACCESS_KEY, secret, "us-east-1"),
        Duration.ofSeconds(5),
        Clock.systemUTC());
  }

  @Test
  void aRealPlainS3ServerIsReportedAsNotAMinio() throws Exception {
    HealthProbe p =
        new MinioHealth(HttpClient.newHttpClient(), server.endpoint(), Duration.ofSeconds(5))
            .probe();
    assertThat(p.minio()).isFalse();
    assertThat(p.live()).isNull();
  }

  @Test
  void listsBuckets() throws Exception {
    assertThat(client(S3ProxyServer.SECRET_KEY).listBuckets())
        .containsExactlyInAnyOrder("face-frames", "empty-bucket");
  }

  @Test
  void listsOnePrefixWithSizesAndTimesAcrossPages() throws Exception {
    S3Client s3 = client(S3ProxyServer.SECRET_KEY);
    List<S3Object> all = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String token = null;
    do {
      ObjectPage page = s3.listObjects("face-frames", "frames/", token, 2);
      all.addAll(page.objects());
      pageSizes.add(page.objects().size());
      token = page.nextToken();
    } while (token != null);

    // S3Proxy's filesystem backend also lists each directory as a "frames/<client>/" marker
    // object, as S3 does for folders made in a console: 5 keys, so pages of 2, 2 and 1.
    assertThat(pageSizes).containsExactly(2, 2, 1);
    all.removeIf(o -> o.key().endsWith("/"));
    assertThat(all)
        .extracting(S3Object::key)
        .containsExactly(
            "frames/client 2/c +~*.jpg", "frames/client-1/a.jpg", "frames/client-1/b.jpg");
    assertThat(all).extracting(S3Object::size).containsExactly(30L, 1000L, 2000L);
    Instant twentyMinutesAgo = Instant.now().minus(Duration.ofMinutes(20));
    assertThat(all.get(1).lastModified())
        .isBetween(twentyMinutesAgo.minusSeconds(5), twentyMinutesAgo.plusSeconds(5));
  }

  @Test
  void signsPrefixesThatNeedEncoding() throws Exception {
    ObjectPage page =
        client(S3ProxyServer.SECRET_KEY)
            .listObjects("face-frames", "frames/client 2/c +", null, 10);
    assertThat(page.objects())
        .extracting(S3Object::key)
        .containsExactly("frames/client 2/c +~*.jpg");
  }

  @Test
  void anEmptyPrefixIsOnePageWithNothing() throws Exception {
    ObjectPage page =
        client(S3ProxyServer.SECRET_KEY).listObjects("empty-bucket", "frames/", null, 100);
    assertThat(page.objects()).isEmpty();
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void aWrongSecretIsRefusedWithTheServersReasonAndNoSecret() {
    assertThatThrownBy(() -> client("not-the-secret").listBuckets())
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
              assertThat(e.getMessage()).doesNotContain("not-the-secret");
            });
  }

  @Test
  void aMissingBucketIsNoSuchBucket() {
    assertThatThrownBy(() -> client(S3ProxyServer.SECRET_KEY).listObjects("no-such", "", null, 10))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.code()).isEqualTo("NoSuchBucket");
              assertThat(e.getMessage()).contains("list no-such/");
            });
  }
}

package io.frmonitor.collect.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a local HTTP server that answers the health paths as MinIO's documentation describes: 200
 * when healthy, 503 when not (cluster: no write quorum), and as a plain S3 server does (404).
 */
class MinioHealthTest {
  private FakeMinio server;

  @BeforeEach
  void start() throws IOException {
    server = FakeMinio.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HealthProbe probe() throws Exception {
    return new MinioHealth(HttpClient.newHttpClient(), server.endpoint(), Duration.ofSeconds(2))
        .probe();
  }

  @Test
  void aHealthyMinio() throws Exception {
    server.healthy();

    HealthProbe p = probe();

    assertThat(p.minio()).isTrue();
    assertThat(p.live()).isTrue();
    assertThat(p.ready()).isTrue();
    assertThat(p.clusterHealthy()).isTrue();
    assertThat(p.latencyMs()).isPositive();
  }

  @Test
  void aMinioWithoutWriteQuorum() throws Exception {
    server
        .status("/minio/health/live", 200)
        .status("/minio/health/ready", 503)
        .status("/minio/health/cluster", 503);

    HealthProbe p = probe();

    assertThat(p.live()).isTrue();
    assertThat(p.ready()).isFalse();
    assertThat(p.clusterHealthy()).isFalse();
  }

  @Test
  void aPlainS3ServerIsNotAMinioRatherThanDown() throws Exception {
    HealthProbe p = probe();

    assertThat(p.minio()).isFalse();
    assertThat(p.live()).isNull();
    assertThat(p.ready()).isNull();
    assertThat(p.clusterHealthy()).isNull();
  }

  @Test
  void noServerThrows() {
    int port = server.port();
    server.close();
    assertThatThrownBy(
            () ->
                new MinioHealth(
                        HttpClient.newHttpClient(),
                        URI.create("http://127.0.0.1:" + port),
                        Duration.ofSeconds(2))
                    .probe())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("MinIO health probe http://127.0.0.1:" + port + "/minio/health/live")
        .hasMessageContaining("ConnectException");
  }
}

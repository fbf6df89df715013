package io.frmonitor.collect.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a local HTTP server that answers the health paths as MinIO's documentation describes: 200
 * when healthy, 503 when not (cluster: no write quorum), and as a plain S3 server does (404).
 */
class MinioHealthTest {
  private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          int status = statuses.getOrDefault(exchange.getRequestURI().getPath(), 404);
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HealthProbe probe() throws Exception {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    return new MinioHealth(HttpClient.newHttpClient(), endpoint, Duration.ofSeconds(2)).probe();
  }

  @Test
  void aHealthyMinio() throws Exception {
    statuses.put("/minio/health/live", 200);
    statuses.put("/minio/health/ready", 200);
    statuses.put("/minio/health/cluster", 200);

    HealthProbe p = probe();

    assertThat(p.minio()).isTrue();
    assertThat(p.live()).isTrue();
    assertThat(p.ready()).isTrue();
    assertThat(p.clusterHealthy()).isTrue();
    assertThat(p.latencyMs()).isPositive();
  }

  @Test
  void aMinioWithoutWriteQuorum() throws Exception {
    statuses.put("/minio/health/live", 200);
    statuses.put("/minio/health/ready", 503);
    statuses.put("/minio/health/cluster", 503);

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
    int port = server.getAddress().getPort();
    server.stop(0);
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

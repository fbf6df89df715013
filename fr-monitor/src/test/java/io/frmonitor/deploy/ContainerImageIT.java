package io.frmonitor.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frmonitor.testing.DockerDaemon;
import io.frmonitor.testing.S3ProxyServer;
import io.frmonitor.testing.TestVhost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The image built by {@code deploy/docker/build-image}, run for real: against the machine's Redis,
 * RabbitMQ and an S3 server, with the host's {@code /proc} and root mounted read-only, health
 * checked by Docker itself, and stopped with {@code docker stop}.
 */
@ExtendWith(BuiltImage.Extension.class)
class ContainerImageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DOCKER = Duration.ofSeconds(60);
  private static final int REDIS_DB = 14;

  @Test
  void imageRunsUnprivilegedWithLabelsStateVolumeHealthCheckAndItsClassArchive(BuiltImage image)
      throws Exception {
    DockerDaemon docker = image.daemon();
    JsonNode config =
        JSON.readTree(
            docker.ok(DOCKER, "docker", "image", "inspect", "-f", "{{json .Config}}", image.tag()));
    assertThat(config.path("User").asText()).isEqualTo("10001:10001");
    assertThat(config.path("Labels").path("org.opencontainers.image.version").asText())
        .isEqualTo("0.1.0");
    assertThat(config.path("Labels").path("org.opencontainers.image.revision").asText())
        .matches("[0-9a-f]{40}");
    assertThat(config.path("Volumes").has("/data")).isTrue();
    assertThat(config.path("Healthcheck").path("Test").toString()).contains("fr-monitor status");
    assertThat(config.path("Entrypoint").get(0).asText())
        .isEqualTo("/opt/fr-monitor/bin/fr-monitor");

    // the archive recorded at build time matches the jlinked runtime and the jar: the service's
    // classes are mapped from it, not loaded from the jar
    String loaded =
        docker.ok(
            DOCKER,
            "docker",
            "run",
            "--rm",
            "--network",
            "none",
            "-e",
            "JAVA_TOOL_OPTIONS=-Xlog:class+load=info:stdout",
            image.tag(),
            "--version");
    assertThat(loaded)
        .contains("io.frmonitor.app.Cli source: shared objects file (top)")
        .contains("fr-monitor 0.1.0");
    String modules =
        docker.ok(
            DOCKER,
            "docker",
            "run",
            "--rm",
            "--network",
            "none",
            "--entrypoint",
            "/opt/fr-monitor/jre/bin/java",
            image.tag(),
            "--list-modules");
    assertThat(modules).contains("jdk.crypto.ec", "java.net.http").doesNotContain("java.desktop");
    String size = docker.ok(DOCKER, "docker", "image", "inspect", "-f", "{{.Size}}", image.tag());
    System.out.printf("[figures] image size %d MB%n", Long.parseLong(size.trim()) / 1_000_000);
  }

  @Test
  void containerServesTheSeedEndpointsReadsTheHostAndStopsCleanlyOnSigterm(
      BuiltImage image, @TempDir Path dir) throws Exception {
    DockerDaemon docker = image.daemon();
    String name = "fr-monitor-it-" + UUID.randomUUID().toString().substring(0, 8);
    String key = "fr-monitor-it:" + UUID.randomUUID();
    int port = Http.freePort();
    try (TestVhost vhost = TestVhost.create("^monitoring\\.", "^monitoring\\.", "^monitoring\\.");
        S3ProxyServer s3 = S3ProxyServer.start(dir);
        Jedis redis = new Jedis("127.0.0.1", 6379)) {
      redis.select(REDIS_DB);
      redis.hset(key, "active_clients", "[\"cam-1\", \"cam-2\"]");
      s3.createBucket("face-frames");
      s3.putObject("face-frames", "frames/cam-1/a.jpg", 1000, Duration.ofSeconds(5));
      long start = System.nanoTime();
      docker.ok(
          DOCKER,
          List.of(
                  "docker",
                  "run",
                  "-d",
                  "--name",
                  name,
                  "--network",
                  "host",
                  "--memory",
                  "256m",
                  "-v",
                  "/proc:/host/proc:ro",
                  "-v",
                  "/:/host:ro",
                  // the image's probe, run every second instead of every 15 s to time it
                  "--health-interval",
                  "1s",
                  "-e",
                  "MONITORING_HTTP_HOST=127.0.0.1",
                  "-e",
                  "MONITORING_HTTP_PORT=" + port,
                  "-e",
                  "MONITORING_POLL_INTERVAL=1s",
                  "-e",
                  "MONITORING_HOST_PROC=/host/proc",
                  "-e",
                  "MONITORING_HOST_ROOT=/host",
                  "-e",
                  "MONITORING_REDIS_DB=" + REDIS_DB,
                  "-e",
                  "MONITORING_REDIS_CLIENTS_KEY=" + key,
                  "-e",
                  "MONITORING_RMQ_URL=" + vhost.amqpUri(),
                  "-e",
                  "MONITORING_RMQ_MANAGEMENT_URL=" + vhost.managementUri(),
                  "-e",
                  "MONITORING_MINIO_ENDPOINT=" + s3.endpoint().getAuthority(),
                  "-e",
                  "MONITORING_MINIO_ACCESS_KEY=" + S3ProxyServer.ACCESS_KEY,
                  "-e",
                  "MONITORING_MINIO_SECRET_KEY=" + S3ProxyServer.SECRET_KEY,
                  image.tag())
              .toArray(String[]::new));
      try {
        Http http = new Http("http://127.0.0.1:" + port);
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> http.status("/readyz") == 200);
        long ready = System.nanoTime();
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> health(docker, name).equals("healthy"));
        long healthy = System.nanoTime();
        System.out.printf(
            "[figures] container start to ready %d ms, to healthy %d ms (probe every 1 s)%n",
            (ready - start) / 1_000_000, (healthy - start) / 1_000_000);

        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  JsonNode collectors = http.json("/healthz").path("collectors");
                  assertThat(collectors.path("redis").path("status").asText()).isEqualTo("ok");
                  assertThat(collectors.path("redis_server").path("status").asText())
                      .isEqualTo("ok");
                  assertThat(collectors.path("host").path("status").asText()).isEqualTo("ok");
                  assertThat(collectors.path("rabbitmq_stats").path("status").asText())
                      .isEqualTo("ok");
                  assertThat(collectors.path("storage").path("status").asText()).isEqualTo("ok");
                  assertThat(
                          http.json("/metrics/storage")
                              .path("buckets")
                              .get(0)
                              .path("objects")
                              .asInt())
                      .isEqualTo(1);
                });
        JsonNode clients = http.json("/metrics/clients");
        assertThat(clients.path("active_clients").asInt()).isEqualTo(2);
        // the host's memory and processors, although the container may have only 256 MiB
        JsonNode system = http.json("/metrics/system");
        assertThat(system.path("mem_total_bytes").asLong()).isEqualTo(HostFacts.memTotalBytes());
        assertThat(system.path("cpu_count").asInt()).isEqualTo(HostFacts.processors());

        long stop = System.nanoTime();
        docker.ok(DOCKER, "docker", "stop", "--time", "10", name);
        long stopped = System.nanoTime();
        System.out.printf("[figures] docker stop %d ms%n", (stopped - stop) / 1_000_000);
        assertThat(Duration.ofNanos(stopped - stop)).isLessThan(Duration.ofSeconds(5));
        String exit = docker.ok(DOCKER, "docker", "inspect", "-f", "{{.State.ExitCode}}", name);
        assertThat(exit.trim()).isIn("143", "0");
        assertThat(docker.ok(DOCKER, "docker", "logs", name))
            .contains("fr-monitor stopping")
            .containsPattern("fr-monitor stopped in \\d+ ms");
        // the state was written to the volume at the stop
        Path copy = dir.resolve("container-data");
        docker.ok(DOCKER, "docker", "cp", name + ":/data", copy.toString());
        assertThat(copy.resolve("state.bin")).isNotEmptyFile();
      } finally {
        // the service's last lines in the test's output, for whoever reads a failure
        System.out.println(docker.run(DOCKER, "docker", "logs", "--tail", "40", name).output());
        docker.run(DOCKER, "docker", "rm", "-f", "-v", name);
        redis.del(key);
      }
    }
  }

  static String health(DockerDaemon docker, String container) throws Exception {
    return docker
        .ok(DOCKER, "docker", "inspect", "-f", "{{.State.Health.Status}}", container)
        .trim();
  }
}

package io.frmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frmonitor.testing.RabbitBroker;
import io.frmonitor.testing.S3ProxyServer;
import io.frmonitor.testing.WsClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, started as an operator would start it. */
class JarIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JarProcess service;
  private static S3ProxyServer storage;
  @TempDir static Path storageDir;

  private static final String VHOST = "fr-monitor-jar-it-" + java.util.UUID.randomUUID();

  @BeforeAll
  static void start() throws Exception {
    // every collector gets its source: a vhost of the test's own with the exchange the frame tap
    // binds to (the pipelines manager declares it in the real system)
    RabbitBroker.ensureManagement();
    RabbitBroker.put("/api/vhosts/" + RabbitBroker.enc(VHOST), "{}");
    RabbitBroker.put(
        "/api/permissions/" + RabbitBroker.enc(VHOST) + "/guest",
        "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
    for (String exchange : new String[] {"received_clients_data", "pipeline_results"}) {
      RabbitBroker.put(
          "/api/exchanges/" + RabbitBroker.enc(VHOST) + "/" + exchange,
          "{\"type\":\"direct\",\"durable\":true}");
    }
    // and a real S3 server standing in for MinIO, with one fresh and one orphaned frame
    storage = S3ProxyServer.start(storageDir);
    storage.putObject("face-frames", "frames/obama/fresh.jpg", 1500, Duration.ofSeconds(1));
    storage.putObject("face-frames", "frames/obama/lost.jpg", 2500, Duration.ofMinutes(30));
    service =
        JarProcess.start(
            Map.of(
                "MONITORING_POLL_INTERVAL",
                "1s",
                "MONITORING_RMQ_URL",
                "amqp://guest:guest@127.0.0.1:5672/" + RabbitBroker.enc(VHOST),
                "MONITORING_MINIO_ENDPOINT",
                storage.endpoint().getAuthority(),
                "MONITORING_MINIO_ACCESS_KEY",
                S3ProxyServer.ACCESS_KEY,
                "MONITORING_MINIO_SECRET_KEY",
                S3ProxyServer.SECRET_KEY));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !service.alive() || service.status("/readyz") == 200);
    assertThat(service.alive()).as("service exited:\n%s", service.log()).isTrue();
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
    storage.close();
    RabbitBroker.delete("/api/vhosts/" + RabbitBroker.enc(VHOST));
  }

  @Test
  void reportsTheMemoryProcMeminfoReports() throws Exception {
    JsonNode system = JSON.readTree(service.get("/metrics/system").body());
    long procTotal = memTotalFromProc();
    assertThat((double) system.path("mem_total_bytes").asLong())
        .isBetween(procTotal * 0.99, procTotal * 1.01);
    assertThat(system.path("stale").asBoolean()).isFalse();
    assertThat(system.path("cpu_count").asInt())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void cpuPercentAppearsFromTheSecondCollection() {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                JSON.readTree(service.get("/metrics/system").body())
                    .path("cpu_percent")
                    .isNumber());
  }

  @Test
  void healthzListsEveryCollector() throws Exception {
    JsonNode health = JSON.readTree(service.get("/healthz").body());
    assertThat(health.path("collectors").path("host").path("status").asText()).isEqualTo("ok");
    assertThat(health.path("collectors").path("redis").path("status").asText()).isEqualTo("ok");
    assertThat(health.path("collectors").path("rabbitmq_stats").path("status").asText())
        .isEqualTo("ok");
    assertThat(health.path("collectors").path("frame_tap").path("status").asText()).isEqualTo("ok");
    assertThat(health.path("collectors").path("gpu").path("status").asText())
        .isIn("disabled", "ok");
    assertThat(health.path("collectors").path("storage").path("status").asText()).isEqualTo("ok");
  }

  @Test
  void storageCountsTheFramesAndTheOrphanOnTheS3Server() {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                !JSON.readTree(service.get("/metrics/storage").body()).path("listed_at").isNull());
    JsonNode bucket =
        await()
            .atMost(Duration.ofSeconds(5))
            .until(
                () -> JSON.readTree(service.get("/metrics/storage").body()).path("buckets").get(0),
                b -> b != null && b.path("orphaned_frames").asLong() == 1);
    assertThat(bucket.path("name").asText()).isEqualTo("face-frames");
    assertThat(bucket.path("prefixes").path("frames/").path("objects").asLong()).isEqualTo(2);
    assertThat(bucket.path("prefixes").path("frames/").path("bytes").asLong()).isEqualTo(4000);
    assertThat(bucket.path("prefixes").path("actions/").path("objects").asLong()).isZero();
  }

  @Test
  void theLiveFeedSendsTheRealHostAndThenADeltaPerCollection() throws Exception {
    try (WsClient ws =
        WsClient.connect(URI.create("ws://127.0.0.1:" + service.port() + "/ws/metrics"))) {
      JsonNode snapshot = ws.next();
      assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
      long total = snapshot.path("data").path("system").path("mem_total_bytes").asLong();
      assertThat((double) total).isBetween(memTotalFromProc() * 0.99, memTotalFromProc() * 1.01);
      assertThat(snapshot.path("data").path("collectors").path("collectors").has("host")).isTrue();

      // the host collector runs every second: its next collection arrives as a delta
      JsonNode delta = ws.next();
      while (!delta.path("data").has("system")) {
        delta = ws.next();
      }
      assertThat(delta.path("type").asText()).isEqualTo("delta");
      assertThat(delta.path("seq").asLong()).isGreaterThan(1);
      assertThat(delta.path("data").path("system").path("timestamp").asLong())
          .isGreaterThan(snapshot.path("data").path("system").path("timestamp").asLong());
    }
  }

  @Test
  void prometheusOutputPassesPromtool() throws Exception {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              String body = service.get("/prometheus").body();
              return body.contains("fr_system_cpu_ratio") && body.contains("fr_storage_objects");
            });
    String text = service.get("/prometheus").body();
    Path file = Files.createTempFile("scrape", ".prom");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Process check =
        new ProcessBuilder(promtool().toString(), "check", "metrics")
            .redirectInput(file.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Files.delete(file);
    assertThat(check.exitValue()).as("promtool says:\n%s", output).isZero();
    assertThat(output).isBlank();
  }

  @Test
  void badConfigurationExitsNonZeroWithOneLineNamingTheVariable() throws Exception {
    Process p =
        JarProcess.command(Map.of("MONITORING_POLL_INTERVAL", "fast"))
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(output.strip().lines()).hasSize(1);
    assertThat(output)
        .contains("MONITORING_POLL_INTERVAL=\"fast\"")
        .contains("expected a duration");
  }

  @Test
  void statusCommandSummarisesTheRunningInstance() throws Exception {
    Process p =
        JarProcess.command(Map.of("MONITORING_HTTP_PORT", service.port() + ""), "status")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(output).contains("fr-monitor at http://127.0.0.1:").contains("host");
    assertThat(p.exitValue()).isZero();
  }

  /** promtool from PATH or from .tools/bin (installed by scripts/install-test-tools). */
  private static Path promtool() {
    Path local = Path.of(System.getProperty("frmonitor.tools", "../.tools/bin"), "promtool");
    if (Files.isExecutable(local)) {
      return local;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
      Path p = Path.of(dir, "promtool");
      if (!dir.isEmpty() && Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "promtool not found on PATH or in .tools/bin; run scripts/install-test-tools");
  }

  private static long memTotalFromProc() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    throw new IllegalStateException("no MemTotal in /proc/meminfo");
  }
}

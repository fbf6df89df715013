package io.frmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar with {@code MONITORING_LOG_FORMAT=json}: every line it writes is JSON. */
class JsonLogsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  /** Every non-empty line of {@code file}, parsed; fails on the first that is no JSON object. */
  private static List<JsonNode> jsonLines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isEmpty()) {
        continue;
      }
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (IOException e) {
        throw new AssertionError("not a JSON line: " + line, e);
      }
      assertThat(n.isObject()).as(line).isTrue();
      for (String field : new String[] {"time", "level", "logger", "thread", "message"}) {
        assertThat(n.hasNonNull(field)).as(field + " in " + line).isTrue();
      }
      assertThat(n.get("time").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      out.add(n);
    }
    return out;
  }

  /** Whether the service says it listens and a line about redis has come with an exception. */
  private static boolean startedAndRedisFailed(List<String> lines) {
    return lines.stream().anyMatch(l -> l.contains("listening on http://"))
        && lines.stream()
            .anyMatch(l -> l.contains("\"collector\":\"redis\"") && l.contains("\"stack_trace\""));
  }

  private Process start(Map<String, String> extra, Path out, Path err) throws IOException {
    Map<String, String> env = new HashMap<>(extra);
    env.put("MONITORING_LOG_FORMAT", "json");
    return JarProcess.command(env, "serve")
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
  }

  @Test
  void aServiceWithFailingCollectorsWritesOnlyJsonAndTagsTheFailuresWithTheirCollector()
      throws Exception {
    int closed = JarProcess.freePort(); // nothing listens there
    Path out = tmp.resolve("stdout");
    Path err = tmp.resolve("stderr");
    Process p =
        start(
            Map.of(
                "MONITORING_LOG_LEVEL", "debug",
                "MONITORING_HTTP_PORT", Integer.toString(JarProcess.freePort()),
                "MONITORING_POLL_INTERVAL", "2s",
                "MONITORING_COLLECT_TIMEOUT", "2s",
                "MONITORING_REDIS_PORT", Integer.toString(closed),
                "MONITORING_RMQ_URL", "amqp://guest:guest@127.0.0.1:" + closed + "/",
                "MONITORING_GPU_ENABLED", "false",
                "MONITORING_STATE_DIR", "off"),
            out,
            err);
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !p.isAlive() || startedAndRedisFailed(Files.readAllLines(err)));
      assertThat(p.isAlive()).as("exited:\n%s", Files.readString(err)).isTrue();
    } finally {
      p.destroy(); // SIGTERM: the shutdown is logged too
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    List<JsonNode> lines = jsonLines(err);
    assertThat(jsonLines(out)).as("stdout").isEmpty();
    assertThat(lines)
        .anySatisfy(
            n -> {
              assertThat(n.get("level").asText()).isEqualTo("WARN");
              assertThat(n.path("collector").asText()).isEqualTo("redis");
              assertThat(n.get("logger").asText())
                  .isEqualTo("io.frmonitor.collect.CollectorRunner");
              assertThat(n.get("message").asText())
                  .startsWith("collector redis failed (1 in a row)");
            });
    // at debug the failure's exception comes too, with its stack trace as one string
    assertThat(lines)
        .anySatisfy(
            n -> {
              assertThat(n.path("collector").asText()).isEqualTo("redis");
              assertThat(n.path("error").path("type").asText()).isNotEmpty();
              assertThat(n.path("error").path("stack_trace").asText()).contains("\n\tat ");
            });
    assertThat(lines)
        .anySatisfy(n -> assertThat(n.get("message").asText()).contains("listening on http://"));
  }

  @Test
  void aBadSettingIsOneJsonErrorLineNamingTheVariable() throws Exception {
    Path out = tmp.resolve("stdout");
    Path err = tmp.resolve("stderr");
    Process p = start(Map.of("MONITORING_HTTP_PORT", "http"), out, err);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(Cli.EXIT_USAGE);
    List<JsonNode> lines = jsonLines(err);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("level").asText()).isEqualTo("ERROR");
    assertThat(lines.get(0).get("message").asText())
        .contains("invalid configuration: MONITORING_HTTP_PORT=");
  }

  @Test
  void aBadLogFormatStopsTheServiceNamingTheVariable() throws Exception {
    Process p =
        JarProcess.command(Map.of("MONITORING_LOG_FORMAT", "xml"), "serve")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(Cli.EXIT_USAGE);
    assertThat(output)
        .isEqualTo(
            "fr-monitor: invalid configuration: MONITORING_LOG_FORMAT=\"xml\": expected text or"
                + " json (one JSON object per line)\n");
  }
}

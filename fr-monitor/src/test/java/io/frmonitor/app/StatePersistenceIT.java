package io.frmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar keeping its state across restarts: {@code kill -9} loses at most one state interval,
 * a graceful stop nothing; history, events, alert states and silences come back; a corrupt file is
 * kept aside; an unwritable directory leaves the service running, degraded; a second instance on
 * one directory is refused.
 */
class StatePersistenceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERIES = "system.mem_percent";

  @TempDir Path tmp;
  private final List<JarProcess> running = new ArrayList<>();

  @AfterEach
  void stopAll() throws IOException {
    for (JarProcess p : running) {
      p.close();
    }
  }

  private Map<String, String> env(Path stateDir) throws IOException {
    Path rules =
        Files.writeString(
            tmp.resolve("rules.yml"),
            """
            rules:
              - alert: MonitorUp
                metric: fr_monitor_uptime_seconds
                op: ">"
                threshold: 0
                for: 1h
            """);
    Map<String, String> env = new HashMap<>();
    env.put("MONITORING_POLL_INTERVAL", "1s");
    env.put("MONITORING_STATE_DIR", stateDir.toString());
    env.put("MONITORING_STATE_INTERVAL", "2s");
    env.put("MONITORING_GPU_ENABLED", "false");
    env.put("MONITORING_MINIO_ENDPOINT", "off");
    env.put("MONITORING_ALERT_RULES", rules.toString());
    return env;
  }

  private JarProcess start(Map<String, String> env) throws IOException {
    JarProcess p = JarProcess.start(env);
    running.add(p);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !p.alive() || p.status("/readyz") == 200);
    assertThat(p.alive()).as("service exited:\n%s", p.log()).isTrue();
    return p;
  }

  private static JsonNode json(JarProcess p, String path) throws Exception {
    return JSON.readTree(p.get(path).body());
  }

  /** The series' points, epoch ms to value. */
  /** The points RedisStreamMirror keeps: each at least {@code minGapMs} after the last kept. */
  private static Map<Long, Double> thinned(Map<Long, Double> points, long minGapMs) {
    Map<Long, Double> kept = new java.util.TreeMap<>();
    long last = Long.MIN_VALUE;
    for (Map.Entry<Long, Double> p : new java.util.TreeMap<>(points).entrySet()) {
      if (last == Long.MIN_VALUE || p.getKey() - last >= minGapMs) {
        kept.put(p.getKey(), p.getValue());
        last = p.getKey();
      }
    }
    return kept;
  }

  private static Map<Long, Double> points(JarProcess p) throws Exception {
    Map<Long, Double> out = new java.util.TreeMap<>();
    for (JsonNode point : json(p, "/history?series=" + SERIES).path("series").path(SERIES)) {
      out.put(point.get(0).asLong(), point.get(1).asDouble());
    }
    return out;
  }

  private static long lastWrite(JarProcess p) throws Exception {
    return json(p, "/healthz").path("components").path("state").path("last_success").asLong(-1);
  }

  @Test
  void killMinus9LosesAtMostOneIntervalAndAlertStatesSilencesAndEventsComeBack() throws Exception {
    Path dir = tmp.resolve("state");
    JarProcess first = start(env(dir));
    await().atMost(Duration.ofSeconds(20)).until(() -> points(first).size() >= 4);
    String silence =
        JSON.readTree(
                first
                    .post(
                        "/alerts/silences",
                        "{\"matchers\":[{\"name\":\"alertname\",\"value\":\"MonitorUp\","
                            + "\"isRegex\":false}],\"endsAt\":\""
                            + Instant.now().plus(Duration.ofHours(1))
                            + "\",\"createdBy\":\"it\",\"comment\":\"kept across restarts\"}")
                    .body())
            .path("silenceID")
            .asText();
    assertThat(silence).isNotEmpty();
    long silencedAt = System.currentTimeMillis();
    await().atMost(Duration.ofSeconds(10)).until(() -> lastWrite(first) > silencedAt);
    long written = lastWrite(first);
    JsonNode pending = monitorUp(first);
    assertThat(pending.path("state").asText()).isEqualTo("pending");
    Map<Long, Double> before = points(first);
    List<String> eventsBefore = events(first);
    first.kill();

    JarProcess second = start(env(dir));
    Map<Long, Double> after = points(second);
    before.forEach(
        (t, v) -> {
          if (t < written) {
            assertThat(after).as("a point written before the kill").containsEntry(t, v);
          }
        });
    JsonNode restored = json(second, "/history?series=" + SERIES).path("restored");
    long upTo = restored.path("up_to").asLong();
    long at = restored.path("at").asLong();
    assertThat(upTo).isLessThanOrEqualTo(written).isGreaterThan(written - 3_000);
    assertThat(restored.path("gap").path("from").asLong()).isEqualTo(upTo);
    assertThat(restored.path("gap").path("to").asLong()).isEqualTo(at);
    assertThat(after.keySet())
        .as("nothing made up for the time it was down")
        .noneMatch(t -> t > upTo && t < at);

    JsonNode alert = monitorUp(second);
    assertThat(alert.path("active_since").asLong())
        .as("the for goes on from where it was")
        .isEqualTo(pending.path("active_since").asLong());
    assertThat(alert.path("silenced").asBoolean()).isTrue();
    assertThat(json(second, "/alerts/silences").findValuesAsText("id")).contains(silence);
    assertThat(events(second)).containsAll(eventsBefore);
  }

  private static JsonNode monitorUp(JarProcess p) throws Exception {
    for (JsonNode a : json(p, "/alerts").path("alerts")) {
      if (a.path("alertname").asText().equals("MonitorUp")) {
        return a;
      }
    }
    throw new AssertionError("no MonitorUp alert: " + json(p, "/alerts"));
  }

  /** The event log, each event as its time and kind. */
  private static List<String> events(JarProcess p) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode e : json(p, "/metrics/actions?limit=1000").path("events")) {
      out.add(e.path("timestamp").asText() + " " + e.path("kind").asText());
    }
    return out;
  }

  @Test
  void aGracefulStopLosesNothing() throws Exception {
    Path dir = tmp.resolve("state");
    Map<String, String> env = env(dir);
    // no periodic write before the stop: only the one at the stop can keep the points
    env.put("MONITORING_STATE_INTERVAL", "1h");
    JarProcess first = start(env);
    await().atMost(Duration.ofSeconds(20)).until(() -> points(first).size() >= 3);
    Map<Long, Double> before = points(first);
    assertThat(first.stop()).as("exit status of a graceful stop").isIn(0, 143);

    JarProcess second = start(env);
    assertThat(points(second)).containsAllEntriesOf(before);
  }

  @Test
  void aCorruptFileIsKeptAsideWithAWarningAndTheServiceStartsAfresh() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("state"));
    Files.writeString(dir.resolve("state.bin"), "{\"this\": \"is not a state file\"}");
    JarProcess p = start(env(dir));
    await().atMost(Duration.ofSeconds(5)).until(() -> p.log().contains("is unreadable"));
    assertThat(p.log()).contains("not an fr-monitor state file").contains("starting afresh");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .anyMatch(n -> n.startsWith("state.bin.corrupt-"));
    }
    assertThat(json(p, "/history?series=" + SERIES).has("restored")).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("state.bin")));
  }

  @Test
  void anUnwritableDirectoryLeavesTheServiceRunningDegraded() throws Exception {
    Path blocker = Files.writeString(tmp.resolve("not-a-directory"), "x");
    JarProcess p = start(env(blocker.resolve("state")));
    JsonNode health = json(p, "/healthz");
    assertThat(health.path("status").asText()).isEqualTo("degraded");
    JsonNode state = health.path("components").path("state");
    assertThat(state.path("status").asText()).isEqualTo("degraded");
    assertThat(state.path("last_error").asText())
        .startsWith("cannot open " + blocker.resolve("state"));
    await().atMost(Duration.ofSeconds(10)).until(() -> points(p).size() >= 2);
  }

  @Test
  void aSecondInstanceOnTheSameDirectoryIsRefused() throws Exception {
    Path dir = tmp.resolve("state");
    start(env(dir));
    Map<String, String> env = env(dir);
    env.put("MONITORING_HTTP_PORT", Integer.toString(JarProcess.freePort()));
    Process second = JarProcess.command(env).redirectErrorStream(true).start();
    assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out =
        new String(second.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(second.exitValue()).as(out).isEqualTo(2);
    assertThat(out)
        .contains("the state directory " + dir + " is in use by another fr-monitor (pid ");
  }

  @Test
  void aNewContainerWithoutTheStateFileTakesTheHistoryAndEventsBackFromTheRedisStream()
      throws Exception {
    String server = "it-" + java.util.UUID.randomUUID();
    Map<String, String> env = env(tmp.resolve("first-container"));
    // database 15, which no other test uses (RedisStreamIT checks every key of 14 stays as it was)
    env.put("MONITORING_PERSIST_REDIS_URL", "redis://127.0.0.1:6379/15");
    env.put("MONITORING_SERVER_NAME", server);
    try {
      JarProcess first = start(env);
      await().atMost(Duration.ofSeconds(20)).until(() -> points(first).size() >= 3);
      JsonNode component = json(first, "/healthz").path("components").path("redis_stream");
      assertThat(component.path("status").asText()).as(component.toString()).isEqualTo("ok");
      assertThat(component.path("detail").asText())
          .isEqualTo(
              "appends to fr-monitor:"
                  + server
                  + ":history and fr-monitor:"
                  + server
                  + ":events at 127.0.0.1:6379/15");
      Map<Long, Double> before = points(first);
      List<String> eventsBefore = events(first);
      assertThat(first.stop()).as("exit status of a graceful stop").isIn(0, 143);

      env.put("MONITORING_STATE_DIR", tmp.resolve("second-container").toString());
      JarProcess second = start(env);
      // every point the mirror wrote: it skips one closer than 3/4 of a poll interval to the last
      // it wrote (a collection late after a busy moment), by design
      assertThat(points(second)).containsAllEntriesOf(thinned(before, 750));
      assertThat(events(second)).containsAll(eventsBefore);
      assertThat(json(second, "/history?series=" + SERIES).path("restored").path("source").asText())
          .isEqualTo("redis stream fr-monitor:" + server + ":history at 127.0.0.1:6379/15");
      assertThat(second.log()).contains("redis stream: restored");
    } finally {
      try (redis.clients.jedis.Jedis admin = new redis.clients.jedis.Jedis("127.0.0.1", 6379)) {
        admin.select(15);
        admin.del("fr-monitor:" + server + ":history", "fr-monitor:" + server + ":events");
      }
    }
  }
}

package io.frmonitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frmonitor.testing.AlertmanagerProcess;
import io.frmonitor.testing.RabbitBroker;
import io.frmonitor.testing.Receiver;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The alerts end to end: the real fr-monitor jar watching a deployment the simulator set up,
 * conditions provoked for real — pipeline queues without a worker, a collector whose source is
 * unreachable, a client kept active after its block — the alerts firing within {@code for} plus an
 * interval and resolving when the condition ends, delivered to a webhook (the body checked field by
 * field) and to a real Alertmanager.
 */
class AlertsEndToEndIT {
  private static final Path MONITOR_JAR =
      Path.of(System.getProperty("frmonitor.jar", "../fr-monitor/target/fr-monitor.jar"));
  private static final Path SIMULATOR_JAR =
      Path.of(System.getProperty("frsimulator.jar", "target/fr-simulator.jar"));
  private static final int REDIS_DB = 12;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration WORKER_FOR = Duration.ofSeconds(2);

  /** The shipped rules, with shorter {@code for}s so that the test runs in a minute. */
  private static final String RULES =
      """
      rules:
        - alert: PipelineWorkerDown
          for: 2s
        - alert: CollectorDown
          for: 3s
        - alert: ResultsStalled
          window: 15s
          for: 3s
          and:
            metric: 'fr_queue_published_total{queue="clients_data", owner="fr-server"}'
            reduce: increase
            window: 15s
            op: ">"
            threshold: 0
        - alert: QueueBacklogGrowing
          window: 10s
          for: 3s
      """;

  @TempDir Path dir;
  private final String vhost = "fr-alerts-" + System.nanoTime();
  private final String clientsKey = "alerts:" + System.nanoTime() + ":Clients_status";
  private final Map<String, String> env = new HashMap<>();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private Receiver hook;
  private AlertmanagerProcess alertmanager;
  private JarRun monitor;
  private int port;

  @BeforeEach
  void setUp() throws Exception {
    RabbitBroker.createVhost(vhost);
    env.put("MONITORING_RMQ_URL", RabbitBroker.amqpUrl(vhost));
    env.put("MONITORING_REDIS_DB", Integer.toString(REDIS_DB));
    env.put("MONITORING_REDIS_CLIENTS_KEY", clientsKey);
    hook = Receiver.start();
    closing.add(hook);
    alertmanager =
        AlertmanagerProcess.start(
            AlertmanagerProcess.required(),
            "route:\n  receiver: blackhole\nreceivers:\n  - name: blackhole\n");
    closing.add(alertmanager);
    port = freePort();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (monitor != null) {
      monitor.close();
    }
    for (AutoCloseable c : closing) {
      c.close();
    }
    RabbitBroker.deleteVhost(vhost);
    try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
      redis.select(REDIS_DB);
      redis.del(clientsKey, TargetGuard.redisMarker(clientsKey));
    }
  }

  @Test
  void realConditionsFireWithinForAndAnIntervalReachTheReceiversAndResolve() throws Exception {
    // a deployment before any worker runs: its pipeline queues have no consumer
    JarRun setup = JarRun.start(SIMULATOR_JAR, env, "--pipelines", "2", "--duration", "0s");
    assertThat(setup.waitFor(60)).as(setup.log()).isZero();
    startMonitor();

    JsonNode fired = awaitState("PipelineWorkerDown", "queue", "PipeLine_0_face_data", "firing");
    assertThat(fired.path("severity").asText()).isEqualTo("critical");
    assertFiredWithinForAndAnInterval("PipelineWorkerDown", "PipeLine_0_face_data", WORKER_FOR);
    awaitState("CollectorDown", "collector", "storage", "firing");

    JsonNode webhook = awaitWebhook("PipelineWorkerDown", "firing");
    assertWebhookBody(webhook, "firing");
    awaitAlertmanager("PipelineWorkerDown", "PipeLine_0_face_data", true);

    // the workers start: every pipeline queue gets its consumer, the alert resolves
    JarRun sim =
        JarRun.start(
            SIMULATOR_JAR,
            env,
            "--pipelines",
            "2",
            "--clients",
            "2",
            "--fps",
            "5",
            "--duration",
            "8s");
    awaitState("PipelineWorkerDown", "queue", "PipeLine_0_face_data", "resolved");
    assertThat(sim.waitFor(60)).as(sim.log()).isZero();
    assertWebhookBody(awaitWebhook("PipelineWorkerDown", "resolved"), "resolved");
    awaitAlertmanager("PipelineWorkerDown", "PipeLine_0_face_data", false);

    // a client the server manager blocked stays in active_clients (a stale entry, facts §5)
    writeClients(List.of("mallory", "alice"), List.of("mallory"));
    awaitState("ClientBlockedButActive", "kind", "active_after_block", "firing");
    writeClients(List.of("alice"), List.of("mallory"));
    awaitState("ClientBlockedButActive", "kind", "active_after_block", "resolved");
  }

  @Test
  void aStuckConsumerAndAPipelineWithoutWorkerFireTheirAlerts() throws Exception {
    startMonitor();
    // pipeline 1 has no worker, pipeline 0's face consumer stops acknowledging: no face result
    // comes any more while frames arrive, and PipeLine_0_face_data grows
    JarRun sim =
        JarRun.start(
            SIMULATOR_JAR,
            env,
            "--pipelines",
            "2",
            "--route-to-missing",
            "--stuck-consumer",
            "face:0",
            "--clients",
            "2",
            "--fps",
            "5",
            "--duration",
            "90s");
    closing.add(sim);
    awaitState("FramesRoutedToMissingPipeline", "pipeline_id", "1", "firing");
    awaitState("QueueBacklogGrowing", "queue", "PipeLine_0_face_data", "firing");
    JsonNode stalled = awaitState("ResultsStalled", "queue", "face_pipeline_results", "firing");
    assertThat(stalled.path("annotations").path("summary").asText())
        .startsWith("No result on face_pipeline_results");
    assertThat(JarRun.getJson(port, "/alerts").path("alerts"))
        .as("phone results still flow from pipeline 0")
        .noneMatch(
            a ->
                a.path("labels").path("alertname").asText().equals("ResultsStalled")
                    && a.path("labels").path("queue").asText().equals("phone_pipeline_results"));
  }

  private void startMonitor() throws Exception {
    Path rules = Files.writeString(dir.resolve("rules.yml"), RULES);
    Map<String, String> m = new HashMap<>(env);
    m.put("MONITORING_HTTP_PORT", Integer.toString(port));
    m.put("MONITORING_POLL_INTERVAL", "1s");
    m.put("MONITORING_GPU_ENABLED", "false");
    // a storage that does not answer: its collector goes down
    m.put("MONITORING_MINIO_ENDPOINT", "127.0.0.1:" + freePort());
    m.put("MONITORING_RMQ_PIPELINES", "2");
    m.put("MONITORING_ALERT_RULES", rules.toString());
    m.put("MONITORING_ALERT_WEBHOOK_URLS", hook.url("/hook").toString());
    m.put("MONITORING_ALERTMANAGER_URL", alertmanager.url().toString());
    m.put("MONITORING_EXTERNAL_URL", "http://monitor.example:9470");
    monitor = JarRun.start(MONITOR_JAR, m);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !monitor.alive() || JarRun.status(port, "/readyz") == 200);
    assertThat(monitor.alive()).as(monitor.log()).isTrue();
  }

  /** Waits for the instance of {@code rule} whose {@code label} is {@code value} to be in state. */
  private JsonNode awaitState(String rule, String label, String value, String state) {
    JsonNode[] found = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              for (JsonNode r : JarRun.getJson(port, "/alerts/rules").path("rules")) {
                for (JsonNode i : r.path("instances")) {
                  if (r.path("name").asText().equals(rule)
                      && i.path("labels").path(label).asText().equals(value)
                      && i.path("state").asText().equals(state)) {
                    found[0] = i;
                    return true;
                  }
                }
              }
              return false;
            });
    return found[0];
  }

  /** From the history: pending to firing took {@code for}, plus at most one interval. */
  private void assertFiredWithinForAndAnInterval(String rule, String queue, Duration forDuration)
      throws Exception {
    long pending = -1;
    long firing = -1;
    for (JsonNode e : JarRun.getJson(port, "/alerts/history?after=0&limit=1000").path("entries")) {
      if (e.path("alertname").asText().equals(rule)
          && e.path("labels").path("queue").asText().equals(queue)) {
        pending =
            e.path("to").asText().equals("pending") && pending < 0
                ? e.path("timestamp").asLong()
                : pending;
        firing =
            e.path("to").asText().equals("firing") && firing < 0
                ? e.path("timestamp").asLong()
                : firing;
      }
    }
    assertThat(pending).as("pending seen").isPositive();
    assertThat(firing - pending)
        .isBetween(forDuration.toMillis(), forDuration.plus(POLL).plusMillis(500).toMillis());
  }

  private JsonNode awaitWebhook(String rule, String status) {
    JsonNode[] found = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              for (Receiver.Request r : hook.requests()) {
                JsonNode body = JSON.readTree(r.body());
                if (body.path("groupLabels").path("alertname").asText().equals(rule)
                    && body.path("status").asText().equals(status)) {
                  found[0] = body;
                  return true;
                }
              }
              return false;
            });
    return found[0];
  }

  /** Alertmanager's webhook v4, field by field. */
  private static void assertWebhookBody(JsonNode body, String status) {
    assertThat(body.path("version").asText()).isEqualTo("4");
    assertThat(body.path("status").asText()).isEqualTo(status);
    assertThat(body.path("receiver").asText()).isNotEmpty();
    assertThat(body.path("groupKey").asText()).isEqualTo("{}:{alertname=\"PipelineWorkerDown\"}");
    assertThat(body.path("externalURL").asText()).isEqualTo("http://monitor.example:9470");
    assertThat(body.path("commonLabels").path("alertname").asText())
        .isEqualTo("PipelineWorkerDown");
    assertThat(body.path("commonLabels").path("severity").asText()).isEqualTo("critical");
    assertThat(body.path("commonAnnotations").isObject()).isTrue();
    assertThat(body.path("truncatedAlerts").asInt(-1)).isZero();
    assertThat(body.path("alerts").size()).isGreaterThan(0);
    for (JsonNode a : body.path("alerts")) {
      assertThat(a.path("labels").path("queue").asText()).startsWith("PipeLine_");
      assertThat(a.path("labels").path("owner").asText()).isEqualTo("fr-server");
      assertThat(a.path("annotations").path("runbook_url").asText())
          .isEqualTo("docs/alerts.md#pipelineworkerdown");
      assertThat(a.path("startsAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      assertThat(a.path("generatorURL").asText())
          .isEqualTo("http://monitor.example:9470/alerts/rules#PipelineWorkerDown");
      assertThat(a.path("fingerprint").asText()).matches("[0-9a-f]{16}");
      if (a.path("status").asText().equals("firing")) {
        assertThat(a.path("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
      } else {
        assertThat(a.path("status").asText()).isEqualTo("resolved");
        assertThat(a.path("endsAt").asText()).isNotEqualTo("0001-01-01T00:00:00Z");
      }
    }
  }

  /** Waits until Alertmanager lists the alert as active, or no longer does. */
  private void awaitAlertmanager(String rule, String queue, boolean active) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              boolean listed = false;
              for (JsonNode a : alertmanager.get("/api/v2/alerts?active=true")) {
                listed |=
                    a.path("labels").path("alertname").asText().equals(rule)
                        && a.path("labels").path("queue").asText().equals(queue)
                        && a.path("labels").path("severity").asText().equals("critical")
                        && a.path("status").path("state").asText().equals("active");
              }
              return listed == active;
            });
  }

  private void writeClients(List<String> active, List<String> blocked) {
    try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
      redis.select(REDIS_DB);
      byte[] key = clientsKey.getBytes(StandardCharsets.UTF_8);
      redis.hset(key, bytes("active_clients"), Pickle.dumps(active));
      redis.hset(key, bytes("blocked_clients"), Pickle.dumps(blocked));
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

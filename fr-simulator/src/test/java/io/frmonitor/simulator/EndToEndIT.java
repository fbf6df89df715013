package io.frmonitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frmonitor.testing.RabbitBroker;
import java.net.ServerSocket;
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
 * The proof: the real fr-monitor jar and the simulator against the machine's RabbitMQ (a vhost of
 * the test's own) and Redis (db 12, a key of the test's own), and the monitor's API compared with
 * the simulator's ground truth.
 */
class EndToEndIT {
  private static final Path MONITOR_JAR =
      Path.of(System.getProperty("frmonitor.jar", "../fr-monitor/target/fr-monitor.jar"));
  private static final Path SIMULATOR_JAR =
      Path.of(System.getProperty("frsimulator.jar", "target/fr-simulator.jar"));
  private static final int REDIS_DB = 12;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final String vhost = "fr-e2e-" + System.nanoTime();
  private final String clientsKey = "e2e:" + System.nanoTime() + ":Clients_status";
  private final Map<String, String> env = new HashMap<>();
  private JarRun monitor;
  private int port;

  @BeforeEach
  void setUp() throws Exception {
    RabbitBroker.createVhost(vhost);
    env.put("MONITORING_RMQ_URL", RabbitBroker.amqpUrl(vhost));
    env.put("MONITORING_REDIS_DB", Integer.toString(REDIS_DB));
    env.put("MONITORING_REDIS_CLIENTS_KEY", clientsKey);
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    if (monitor != null) {
      monitor.close();
    }
    RabbitBroker.deleteVhost(vhost);
    try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
      redis.select(REDIS_DB);
      redis.del(clientsKey, TargetGuard.redisMarker(clientsKey));
    }
  }

  /** The fr-server's exchanges and queues exist before the monitor starts, as in a deployment. */
  private void deployTopology(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--duration", "0s"));
    JarRun setup = JarRun.start(SIMULATOR_JAR, env, all.toArray(String[]::new));
    assertThat(setup.waitFor(60)).as(setup.log()).isZero();
  }

  private void startMonitor() throws Exception {
    Map<String, String> m = new HashMap<>(env);
    m.put("MONITORING_HTTP_PORT", Integer.toString(port));
    m.put("MONITORING_POLL_INTERVAL", "1s");
    m.put("MONITORING_SERVER_NAME", "e2e");
    m.put("MONITORING_GPU_ENABLED", "false");
    m.put("MONITORING_MINIO_ENDPOINT", "off");
    m.put("MONITORING_RMQ_PIPELINES", "4");
    m.put("MONITORING_GATEWAY_HEARTBEAT_TIMEOUT", "3s");
    monitor = JarRun.start(MONITOR_JAR, m);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !monitor.alive() || tapsUp());
    assertThat(monitor.alive()).as(monitor.log()).isTrue();
  }

  private boolean tapsUp() throws Exception {
    if (JarRun.status(port, "/readyz") != 200) {
      return false;
    }
    JsonNode c = get("/healthz").path("collectors");
    return c.path("frame_tap").path("status").asText().equals("ok")
        && c.path("result_tap").path("status").asText().equals("ok")
        && c.path("redis").path("status").asText().equals("ok");
  }

  private boolean everyCollectorSucceededAfter(long epochMs) throws Exception {
    for (var c : get("/healthz").path("collectors").properties()) {
      JsonNode status = c.getValue();
      if (!status.path("status").asText().equals("disabled")
          && status.path("last_success").asLong(0) < epochMs) {
        return false;
      }
    }
    return true;
  }

  private JsonNode get(String path) throws Exception {
    return JarRun.getJson(port, path);
  }

  /** Runs the simulator with {@code args} (space-separated) and returns its truth. */
  private JsonNode simulate(String args) throws Exception {
    Path truth = dir.resolve("truth.json");
    List<String> all = new ArrayList<>(List.of(args.split(" ", -1)));
    all.addAll(List.of("--truth", truth.toString()));
    JarRun sim = JarRun.start(SIMULATOR_JAR, env, all.toArray(String[]::new));
    samples.clear();
    pipelineSamples.clear();
    while (sim.alive()) {
      Thread.sleep(1000);
      JsonNode pipelines = get("/metrics/pipelines");
      pipelineSamples.add(pipelines);
      samples.add(pipelines.path("frames_per_sec").asDouble(-1));
      gatewaySamples.add(get("/metrics/gateways"));
      queueSamples.add(get("/metrics/queues"));
    }
    assertThat(sim.waitFor(5)).as(sim.log()).isZero();
    // the simulator drained before it ended: a collection that began after that has seen it all
    long ended = System.currentTimeMillis();
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> everyCollectorSucceededAfter(ended + 1000));
    return JSON.readTree(Files.readString(truth));
  }

  private final List<Double> samples = new ArrayList<>();
  private final List<JsonNode> pipelineSamples = new ArrayList<>();
  private final List<JsonNode> gatewaySamples = new ArrayList<>();
  private final List<JsonNode> queueSamples = new ArrayList<>();

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (n.path(field).asText().equals(value)) {
        return n;
      }
    }
    throw new AssertionError("no " + field + "=" + value + " in " + array);
  }

  /** The monitor's outcome counts without zeros, to compare with the truth's. */
  private static Map<String, Long> nonZero(JsonNode outcomes) {
    Map<String, Long> out = new HashMap<>();
    outcomes
        .properties()
        .forEach(
            e -> {
              if (e.getValue().asLong() > 0) {
                out.put(e.getKey(), e.getValue().asLong());
              }
            });
    return out;
  }

  private static Map<String, Long> longs(JsonNode object) {
    Map<String, Long> out = new HashMap<>();
    object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
    return out;
  }

  private static void assertLatency(JsonNode monitor, JsonNode truth, String what) {
    for (String p : new String[] {"p50", "p95"}) {
      double expected = truth.path(p).asDouble();
      assertThat(monitor.path(p).asDouble())
          .as("%s %s (monitor %s, truth %s)", what, p, monitor, truth)
          .isCloseTo(expected, within(Math.max(expected * 0.05, 2.0)));
    }
  }

  @Test
  void withTheImprovedProducersEveryCountRateAndLatencyIsTrue() throws Exception {
    String[] topology = {"--pipelines", "4", "--route-to-missing", "--improved-producers"};
    deployTopology(topology);
    startMonitor();

    JsonNode truth =
        simulate(
            "--pipelines 4 --route-to-missing --improved-producers --clients 8 --fps 40"
                + " --duration 12s --latency-ms 30:5 --error-rate 0.02 --pause-rate 0.4"
                + " --block-rate 0.25 --heartbeat-interval 1s --heartbeat-stop-after 7s");
    JsonNode counts = truth.path("counts");
    JsonNode pipelines = get("/metrics/pipelines");
    assertThat(pipelines.path("sources").path("outcomes").asText()).isEqualTo("result_tap");
    assertThat(pipelines.path("sources").path("result_latency").asText()).isEqualTo("result_tap");
    assertThat(pipelines.path("unobservable").size()).as(pipelines.toString()).isZero();

    // frames: exactly, in all and per pipeline; the pipeline without a worker is flagged
    assertThat(pipelines.path("frames_total").asLong())
        .isEqualTo(counts.path("frames").path("routed").path("total").asLong());
    JsonNode routedTruth = counts.path("frames").path("routed").path("per_pipeline");
    for (int n = 0; n < 4; n++) {
      JsonNode route = find(pipelines.path("routing"), "pipeline_id", Integer.toString(n));
      assertThat(route.path("frames_total").asLong())
          .as("pipeline %d", n)
          .isEqualTo(routedTruth.path(Integer.toString(n)).asLong());
      assertThat(route.path("has_worker").asBoolean()).as("worker of %d", n).isEqualTo(n < 3);
    }
    // results and outcomes per type: exactly
    for (String type : new String[] {"face", "phone"}) {
      JsonNode monitorType = find(pipelines.path("pipelines"), "id", type);
      JsonNode truthType = counts.path("results").path(type);
      assertThat(monitorType.path("results_total").asLong())
          .as(type)
          .isEqualTo(truthType.path("total").asLong());
      assertThat(nonZero(monitorType.path("outcomes")))
          .as(type + " outcomes")
          .isEqualTo(longs(truthType.path("outcomes")));
      assertLatency(monitorType.path("latency_ms"), truth.path("latency_ms").path(type), type);
    }
    // clients: the display states exactly, and every pause the administrator made
    JsonNode clients = get("/metrics/clients");
    Map<String, Long> states = new HashMap<>();
    for (JsonNode s : truth.path("clients").path("display_states")) {
      String[] kv = s.asText().split("=", -1);
      states.put(kv[0], Long.parseLong(kv[1]));
    }
    assertThat(nonZero(clients.path("states"))).isEqualTo(states);
    assertThat(clients.path("total_clients").asLong()).isEqualTo(8);
    JsonNode lists = truth.path("clients");
    for (String field : new String[] {"active_clients", "paused_clients", "blocked_clients"}) {
      assertThat(clients.path(field).asLong()).as(field).isEqualTo(lists.path(field).size());
    }
    assertThat(clients.path("deactivated_clients").asLong())
        .isEqualTo(lists.path("deactivate_clients").size());
    for (String state : new String[] {"paused", "blocked"}) {
      long truthCount = 0;
      for (JsonNode t : truth.path("transitions")) {
        truthCount += t.path("to").asText().equals(state) ? 1 : 0;
      }
      long seen = 0;
      for (JsonNode e :
          get("/metrics/actions?kind=client_state_change&limit=1000").path("events")) {
        seen += e.path("to").asText().equals(state) ? 1 : 0;
      }
      assertThat(truthCount).as("the run made some %s transitions", state).isPositive();
      assertThat(seen).as("transitions to %s", state).isEqualTo(truthCount);
    }
    // the gateway: up with its sessions while it beat, down once its heartbeats stopped
    assertThat(gatewaySamples.get(3).path("gateways").get(0).path("status").asText())
        .isEqualTo("up");
    JsonNode gateway = get("/metrics/gateways");
    assertThat(gateway.path("reporting").asBoolean()).isTrue();
    assertThat(gateway.path("reason").isNull()).isTrue();
    assertThat(gateway.path("gateways").get(0).path("name").asText()).isEqualTo("gw-sim");
    assertThat(gateway.path("gateways").get(0).path("status").asText()).isEqualTo("down");
    long eventsTruth = 0;
    for (var e : counts.path("gateway").path("events").properties()) {
      eventsTruth += e.getValue().asLong();
    }
    assertThat(gateway.path("events_total").asLong()).isEqualTo(eventsTruth);
  }

  /** A count from the broker's counters: within 2 % of the truth (exact once they settle). */
  private static void assertCounted(JsonNode value, long truth, String what) {
    assertThat(value.isNull()).as(what + " is known").isFalse();
    assertThat((double) value.asLong())
        .as("%s: monitor %s, truth %d", what, value, truth)
        .isCloseTo((double) truth, within(Math.max(truth * 0.02, 1.0)));
  }

  private static long published(JsonNode counts, String queue) {
    return counts.path("broker").path("published").path(queue).asLong();
  }

  @Test
  void withTodaysProducersWhatTheBrokerCountsIsShownAndWhatNoSourceSeesIsUnknown()
      throws Exception {
    deployTopology("--pipelines", "4");
    startMonitor();

    JsonNode truth =
        simulate("--pipelines 4 --clients 10 --fps 50 --duration 16s --stuck-consumer face:1");
    JsonNode counts = truth.path("counts");

    // frames: routed exactly (the tap), accepted and unrouted from the broker's counters, which it
    // refreshes every 5 s
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              JsonNode p = get("/metrics/pipelines");
              assertCounted(
                  p.path("frames_accepted_total"), published(counts, "clients_data"), "accepted");
              assertThat(p.path("frames_unrouted_total").asLong()).isZero();
              for (String type : new String[] {"face", "phone"}) {
                assertCounted(
                    find(p.path("pipelines"), "id", type).path("results_total"),
                    published(counts, type + "_pipeline_results"),
                    type + " results");
              }
            });
    JsonNode pipelines = get("/metrics/pipelines");
    assertThat(pipelines.path("frames_total").asLong())
        .isEqualTo(counts.path("frames").path("routed").path("total").asLong());
    // the rate over each collection interval, in the steady part of the run
    double mean =
        samples.subList(2, samples.size() - 2).stream()
            .mapToDouble(Double::doubleValue)
            .average()
            .orElseThrow();
    assertThat(mean).isCloseTo(50.0, within(2.5));

    // results: how many from the counters; verdicts, success and latency unknown, with the reason
    JsonNode sources = pipelines.path("sources");
    assertThat(sources.path("frames").asText()).isEqualTo("frame_tap");
    assertThat(sources.path("results").asText()).isEqualTo("queue_counters");
    for (String signal : new String[] {"outcomes", "success_ratio", "result_latency"}) {
      assertThat(sources.path(signal).isNull()).as(signal).isTrue();
      assertThat(pipelines.path("unobservable").path(signal).asText())
          .as(signal)
          .contains("tracing")
          .contains("docs/producers.md");
    }
    for (JsonNode type : pipelines.path("pipelines")) {
      assertThat(type.path("source").asText()).isEqualTo("queue_counters");
      for (String unknown : new String[] {"outcomes", "success_ratio", "latency_ms"}) {
        assertThat(type.path(unknown).isNull()).as(type.path("id") + " " + unknown).isTrue();
      }
    }
    assertThat(counts.path("results").path("face").path("total").asLong()).isPositive();
    // the workers while they ran: every one up (seen so in some sample of the run: on a loaded
    // machine one sample may predate the workers' consumers); once the simulator left, down
    JsonNode running =
        pipelineSamples.stream()
            .filter(
                p ->
                    p.path("workers").size() == 4
                        && java.util.stream.StreamSupport.stream(
                                p.path("workers").spliterator(), false)
                            .allMatch(w -> w.path("status").asText().equals("up")))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no sample with the four workers up: " + pipelineSamples));
    assertThat(find(running.path("routing"), "pipeline_id", "0").path("clients").asInt())
        .isBetween(1, 10);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                get("/metrics/pipelines")
                    .path("workers")
                    .forEach(w -> assertThat(w.path("status").asText()).isEqualTo("down")));

    // decisions: how many from the counters, their kinds unknown
    JsonNode decisions = get("/metrics/decisions");
    assertThat(decisions.path("sources").path("actions").asText()).isEqualTo("queue_counters");
    assertThat(decisions.path("sources").path("actions_by_kind").isNull()).isTrue();
    assertThat(decisions.path("unobservable").path("actions_by_kind").asText()).contains("tracing");
    assertThat(decisions.path("decisions").isNull()).isTrue();
    assertCounted(decisions.path("actions_total"), published(counts, "actions"), "actions");
    assertCounted(
        decisions.path("saved_actions_total"), published(counts, "saved_actions"), "saved");
    assertThat(decisions.path("actions_redelivered_total").asLong()).isZero();

    // the gateway does not report today: unknown, not "no gateway"
    JsonNode gateways = get("/metrics/gateways");
    assertThat(gateways.path("reporting").asBoolean()).isFalse();
    assertThat(gateways.path("reason").asText()).contains("docs/producers.md");
    assertThat(gateways.path("up").isNull()).isTrue();

    // fr-monitor's own queues apart, after the system's
    JsonNode queues = get("/metrics/queues");
    assertThat(queues.path("tracing").asBoolean(true)).isFalse();
    boolean ownSeen = false;
    for (JsonNode q : queues.path("queues")) {
      boolean own = q.path("own").asBoolean();
      assertThat(own)
          .as(q.path("name").asText())
          .isEqualTo(q.path("name").asText().startsWith("monitoring."));
      assertThat(own || !ownSeen).as("system queues first").isTrue();
      ownSeen |= own;
    }
    assertThat(ownSeen).isTrue();

    // Prometheus: unknown signals say so and have no samples
    String scrape = JarRun.getText(port, "/prometheus");
    assertThat(scrape)
        .contains("fr_signal_source{server=\"e2e\",signal=\"outcomes\",source=\"none\"} 1")
        .contains("fr_signal_source{server=\"e2e\",signal=\"results\",source=\"queue_counters\"} 1")
        .contains(
            "fr_queue_published_total{owner=\"fr-server\",queue=\"face_pipeline_results\","
                + "server=\"e2e\"}")
        .doesNotContain("fr_pipeline_results_total")
        .doesNotContain("fr_actions_total");

    assertStuckConsumerShows(counts);
  }

  /** Worker 1's face consumer took deliveries and never acked them. */
  private void assertStuckConsumerShows(JsonNode counts) throws Exception {
    long stuck = counts.path("stuck").path("face").path("1").asLong();
    assertThat(stuck).isPositive();
    // while it ran: a growing backlog, all of it unacked, with its consumer attached (the broker
    // refreshes these statistics every 5 s, so a 16 s run shows three or more readings)
    List<JsonNode> seen = new ArrayList<>();
    for (JsonNode sample : queueSamples) {
      for (JsonNode q : sample.path("queues")) {
        if (q.path("name").asText().equals("PipeLine_1_face_data")
            && q.path("depth").asLong() > 0) {
          seen.add(q);
        }
      }
    }
    assertThat(seen).hasSizeGreaterThan(2);
    for (int i = 1; i < seen.size(); i++) {
      assertThat(seen.get(i).path("depth").asLong())
          .isGreaterThanOrEqualTo(seen.get(i - 1).path("depth").asLong());
    }
    assertThat(seen.get(seen.size() - 1).path("depth").asLong())
        .isGreaterThan(seen.get(0).path("depth").asLong());
    assertThat(seen)
        .anySatisfy(
            q -> {
              assertThat(q.path("consumers").asLong()).isEqualTo(1);
              assertThat(q.path("unacked").asLong()).isEqualTo(q.path("depth").asLong());
            });
    // after it: its consumer gone, every stuck message back as ready — exactly as many
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              JsonNode q =
                  find(get("/metrics/queues").path("queues"), "name", "PipeLine_1_face_data");
              assertThat(q.path("depth").asLong()).isEqualTo(stuck);
              assertThat(q.path("ready").asLong()).isEqualTo(stuck);
              assertThat(q.path("consumers").asLong()).isZero();
            });
    JsonNode healthy = find(get("/metrics/queues").path("queues"), "name", "PipeLine_2_face_data");
    assertThat(healthy.path("depth").asLong()).isZero();
  }

  @Test
  void withTodaysProducersAndTheVhostTracedOutcomesAndActionsAreExact() throws Exception {
    deployTopology("--pipelines", "4");
    RabbitBroker.put("/api/vhosts/" + RabbitBroker.enc(vhost), "{\"tracing\":true}");
    startMonitor();
    // MONITORING_RMQ_FIREHOSE=auto: the firehose consumes once the monitor sees the trace on
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                get("/metrics/decisions")
                    .path("sources")
                    .path("actions_by_kind")
                    .asText()
                    .equals("firehose"));

    JsonNode truth =
        simulate("--pipelines 4 --clients 8 --fps 40 --duration 10s --error-rate 0.02");
    JsonNode counts = truth.path("counts");

    JsonNode pipelines = get("/metrics/pipelines");
    assertThat(pipelines.path("sources").path("outcomes").asText()).isEqualTo("firehose");
    assertThat(pipelines.path("unobservable").size()).as(pipelines.toString()).isZero();
    for (String type : new String[] {"face", "phone"}) {
      JsonNode monitorType = find(pipelines.path("pipelines"), "id", type);
      JsonNode truthType = counts.path("results").path(type);
      assertThat(monitorType.path("source").asText()).isEqualTo("firehose");
      assertThat(monitorType.path("results_total").asLong())
          .as(type)
          .isEqualTo(truthType.path("total").asLong());
      assertThat(nonZero(monitorType.path("outcomes")))
          .as(type + " outcomes")
          .isEqualTo(longs(truthType.path("outcomes")));
      // the firehose's copy arrives a broker hop after the worker published
      double p50 = truth.path("latency_ms").path(type).path("p50").asDouble();
      assertThat(monitorType.path("latency_ms").path("p50").asDouble())
          .as(type + " latency p50")
          .isBetween(p50 * 0.95 - 2, p50 * 1.05 + 20);
    }

    JsonNode decisions = get("/metrics/decisions");
    assertThat(decisions.path("sources").path("actions_by_kind").asText()).isEqualTo("firehose");
    assertThat(decisions.path("actions_total").asLong())
        .isEqualTo(counts.path("actions").path("total").asLong());
    assertThat(decisions.path("saved_actions_total").asLong())
        .isEqualTo(counts.path("saved_actions").path("total").asLong());
    Map<String, Long> byKind = new HashMap<>();
    for (JsonNode d : decisions.path("decisions")) {
      byKind.put(
          d.path("action").asText() + "/" + d.path("reason").asText(), d.path("total").asLong());
    }
    JsonNode by = counts.path("actions").path("by");
    Map<String, Long> expected = new HashMap<>();
    Map<String, String> names =
        Map.of(
            "no_action", "no_action/empty_reason",
            "lock_screen_no_face", "lock_screen/no_face",
            "lock_screen_wrong_user", "lock_screen/wrong_user",
            "sign_out_spoof", "sign_out/spoof_image",
            "sign_out_phone", "sign_out/phone_detection");
    by.properties().forEach(e -> expected.put(names.get(e.getKey()), e.getValue().asLong()));
    assertThat(byKind).isEqualTo(expected);

    String scrape = JarRun.getText(port, "/prometheus");
    assertThat(scrape)
        .contains("fr_signal_source{server=\"e2e\",signal=\"outcomes\",source=\"firehose\"} 1")
        .contains("fr_pipeline_results_total{outcome=\"pass\",pipeline=\"face\",server=\"e2e\"}")
        .contains("fr_actions_total{")
        .contains("fr_vhost_tracing{server=\"e2e\"} 1");
  }
}

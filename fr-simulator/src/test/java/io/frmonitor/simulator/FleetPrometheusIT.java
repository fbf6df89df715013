package io.frmonitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frmonitor.testing.PrometheusProcess;
import io.frmonitor.testing.RabbitBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The fleet view, for real: two fr-monitor jars watching two simulated fr-server stacks (a vhost
 * and a {@code Clients_status} key each, {@code MONITORING_SERVER_NAME} S1 and S2), scraped by a
 * real Prometheus run on the shipped {@code deploy/prometheus/prometheus.yml} (its targets, the
 * alertmanager and the intervals swapped for the test's) with the shipped rules files and the
 * bearer token file; then every query of the shipped Grafana dashboard and every rule must give
 * data for both servers, told apart by the {@code server} label.
 *
 * <p>What "data for both servers" means where a series cannot exist here: the GPU and MinIO queries
 * and rules read collectors that are {@code disabled} on a machine without an NVIDIA driver and
 * with {@code MONITORING_MINIO_ENDPOINT=off}; for those the test checks that the collector is
 * disabled on both servers and that the query answers an empty result (never another server's
 * data). A rule's condition is false here (nothing is broken), so each rule is checked twice: its
 * whole expression is evaluated by Prometheus without error (the rule's health is {@code ok}), and
 * its value — the expression before its first top-level comparison, e.g. {@code
 * avg_over_time(fr_gpu_utilization_ratio[1m])} of {@code ... > 0.9 or (...)} — gives data for both
 * servers.
 */
class FleetPrometheusIT {
  private static final Path MONITOR_JAR =
      Path.of(System.getProperty("frmonitor.jar", "../fr-monitor/target/fr-monitor.jar"));
  private static final Path SIMULATOR_JAR =
      Path.of(System.getProperty("frsimulator.jar", "target/fr-simulator.jar"));
  private static final Path DEPLOY = Path.of(System.getProperty("frmonitor.deploy", "../deploy"));
  private static final List<String> SERVERS = List.of("S1", "S2");
  private static final int REDIS_DB = 12;
  private static final String TOKEN = "fleet-scrape-token-" + System.nanoTime();

  /** What Grafana's {@code $__rate_interval} becomes: 15 scrapes at the test's 1 s. */
  private static final String RATE_WINDOW = "15s";

  /** The collectors behind a metric prefix, for the queries they alone feed. */
  private static final Map<String, String> COLLECTOR_OF =
      Map.of("fr_gpu_", "gpu", "fr_storage_", "storage");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  private static final List<Stack> stacks = new ArrayList<>();
  private static PrometheusProcess prometheus;

  /** One simulated server stack and its monitor. */
  private static final class Stack {
    final String server;
    final String vhost = "fr-fleet-" + System.nanoTime();
    final String clientsKey = "fleet:" + System.nanoTime() + ":Clients_status";
    final Map<String, String> env = new HashMap<>();
    int port;
    JarRun monitor;
    JarRun simulator;

    Stack(String server) {
      this.server = server;
    }
  }

  @BeforeAll
  static void startTheFleet() throws Exception {
    for (String server : SERVERS) {
      Stack s = new Stack(server);
      stacks.add(s);
      RabbitBroker.createVhost(s.vhost);
      s.env.put("MONITORING_RMQ_URL", RabbitBroker.amqpUrl(s.vhost));
      s.env.put("MONITORING_REDIS_DB", Integer.toString(REDIS_DB));
      s.env.put("MONITORING_REDIS_CLIENTS_KEY", s.clientsKey);
      JarRun setup = JarRun.start(SIMULATOR_JAR, s.env, simulatorArgs(s, "0s"));
      assertThat(setup.waitFor(60)).as(setup.log()).isZero();
      s.port = freePort();
      Map<String, String> m = new HashMap<>(s.env);
      m.put("MONITORING_HTTP_PORT", Integer.toString(s.port));
      m.put("MONITORING_SERVER_NAME", server);
      m.put("MONITORING_PROMETHEUS_TOKEN", TOKEN);
      m.put("MONITORING_POLL_INTERVAL", "1s");
      m.put("MONITORING_MINIO_ENDPOINT", "off");
      m.put("MONITORING_RMQ_PIPELINES", "2");
      s.monitor = JarRun.start(MONITOR_JAR, m);
    }
    for (Stack s : stacks) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> !s.monitor.alive() || JarRun.status(s.port, "/readyz") == 200);
      assertThat(s.monitor.alive()).as(s.monitor.log()).isTrue();
      s.simulator = JarRun.start(SIMULATOR_JAR, s.env, simulatorArgs(s, "120s"));
    }
    prometheus = PrometheusProcess.start(dir, prometheusConfig());
    // data enough for every window: both targets up, then results seen in a full rate window
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(
                        servers(
                            prometheus.query(
                                "rate(fr_pipeline_results_total[" + RATE_WINDOW + "]) > 0")))
                    .containsExactlyElementsOf(SERVERS));
    Thread.sleep(TimeUnit.SECONDS.toMillis(Integer.parseInt(RATE_WINDOW.replace("s", ""))));
  }

  private static String[] simulatorArgs(Stack s, String duration) {
    return new String[] {
      "--pipelines",
      "2",
      "--improved-producers",
      "--clients",
      "4",
      "--fps",
      "10",
      "--latency-ms",
      "20:5",
      "--error-rate",
      "0.1",
      "--heartbeat-interval",
      "1s",
      "--duration",
      duration,
      "--seed",
      Integer.toString(SERVERS.indexOf(s.server) + 1)
    };
  }

  /** The shipped configuration, pointed at the test's monitors and run at the monitors' 1 s. */
  private static Path prometheusConfig() throws IOException {
    String config = Files.readString(DEPLOY.resolve("prometheus/prometheus.yml"));
    Map<String, String> swaps = new LinkedHashMap<>();
    swaps.put("scrape_interval: 5s", "scrape_interval: 1s");
    swaps.put("scrape_timeout: 4s", "scrape_timeout: 1s");
    swaps.put("evaluation_interval: 5s", "evaluation_interval: 1s");
    swaps.put("'alertmanager:9093'", "'127.0.0.1:9'");
    swaps.put("'s1-monitor.example:9470'", "'127.0.0.1:" + stacks.get(0).port + "'");
    swaps.put("'s2-monitor.example:9470'", "'127.0.0.1:" + stacks.get(1).port + "'");
    for (Map.Entry<String, String> swap : swaps.entrySet()) {
      assertThat(config).as("the shipped prometheus.yml").contains(swap.getKey());
      config = config.replace(swap.getKey(), swap.getValue());
    }
    for (String rules : new String[] {"fr-monitor.rules.yml", "fr-monitor-scrape.rules.yml"}) {
      Files.copy(DEPLOY.resolve("prometheus").resolve(rules), dir.resolve(rules));
    }
    Files.writeString(dir.resolve("fr-monitor.token"), TOKEN + "\n");
    return Files.writeString(dir.resolve("prometheus.yml"), config);
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
    for (Stack s : stacks) {
      if (s.simulator != null) {
        s.simulator.close();
      }
      if (s.monitor != null) {
        s.monitor.close();
      }
      RabbitBroker.deleteVhost(s.vhost);
      try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
        redis.select(REDIS_DB);
        redis.del(s.clientsKey, TargetGuard.redisMarker(s.clientsKey));
      }
    }
  }

  @Test
  void bothMonitorsAreScrapedWithTheTokenFileAndNameTheirServer() throws Exception {
    assertThat(servers(prometheus.query("up{job=\"fr-monitor\"} == 1")))
        .containsExactlyElementsOf(SERVERS);
    // the series are the monitors' own: each carries the server its monitor was configured with
    for (Stack s : stacks) {
      assertThat(
              servers(
                  prometheus.query(
                      "fr_monitor_uptime_seconds{instance=\"127.0.0.1:" + s.port + "\"}")))
          .containsExactly(s.server);
    }
    assertThat(prometheus.get("/api/v1/label/server/values?match[]=fr_collector_up").path("data"))
        .as("the dashboard's server variable")
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(SERVERS);
    // and without the token the exposition is refused, at both paths
    for (String path : new String[] {"/metrics", "/prometheus"}) {
      assertThat(
              HTTP.send(
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + stacks.get(0).port + path))
                          .build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void everyGrafanaQueryGivesDataForBothServers() throws Exception {
    JsonNode dashboard =
        JSON.readTree(DEPLOY.resolve("grafana/dashboards/fr-monitor-fleet.json").toFile());
    List<String> checked = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        String expr =
            target
                .path("expr")
                .asText()
                .replace("$server", ".*")
                .replace("$__rate_interval", RATE_WINDOW);
        assertThat(expr).as(panel.path("title").asText()).doesNotContain("$").isNotBlank();
        assertGroupedByServer(panel.path("title").asText(), expr);
        checked.add(expr);
      }
    }
    assertThat(checked).as("the dashboard's queries").hasSizeGreaterThan(25);
  }

  @Test
  void everyRuleRunsAndItsValueIsGroupedByServer() throws Exception {
    JsonNode groups = prometheus.get("/api/v1/rules").path("data").path("groups");
    List<String> names = new ArrayList<>();
    for (JsonNode group : groups) {
      for (JsonNode rule : group.path("rules")) {
        String name = rule.path("name").asText();
        names.add(name);
        assertThat(rule.path("health").asText())
            .as("%s: %s", name, rule.path("lastError").asText())
            .isEqualTo("ok");
        assertThat(rule.path("evaluationTime").asDouble()).as(name).isPositive();
        String expr = rule.path("query").asText();
        prometheus.query(expr); // the whole expression runs
        String value = valueOf(expr);
        assertGroupedByServer(name + " (value: " + value + ")", value);
      }
    }
    assertThat(names).contains("FrMonitorDown", "PipelineErrorRatioHigh", "ResultsStalled");
    assertThat(names).hasSize(23);
    // ALERTS, where a rule has instances, carry the server too
    for (JsonNode alert : prometheus.query("ALERTS").path("result")) {
      assertThat(alert.path("metric").path("server").asText()).isIn(SERVERS);
    }
  }

  @Test
  void theDeployFilesPassPromtoolAndAmtool() throws Exception {
    // prometheus.yml as shipped, next to its rules files and a token file where it names one
    Path shipped = dir.resolve("shipped");
    Files.createDirectories(shipped);
    try (var files = Files.list(DEPLOY.resolve("prometheus"))) {
      for (Path f : files.toList()) {
        Files.copy(f, shipped.resolve(f.getFileName()));
      }
    }
    Files.writeString(shipped.resolve("fr-monitor.token"), TOKEN + "\n");
    assertTool("promtool", "check", "config", shipped.resolve("prometheus.yml").toString());
    assertTool("amtool", "check-config", shipped.resolve("alertmanager.yml").toString());
  }

  private static void assertTool(String tool, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(PrometheusProcess.required(tool).toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
    assertThat(out).contains("SUCCESS");
  }

  /**
   * {@code expr} answers a sample for each server, each labelled with it; or, where it reads only
   * series of a collector disabled on both servers (no GPU, no MinIO here), nothing at all.
   */
  private static void assertGroupedByServer(String what, String expr) throws Exception {
    JsonNode data = prometheus.query(expr);
    assertThat(data.path("resultType").asText()).as(what).isEqualTo("vector");
    for (JsonNode sample : data.path("result")) {
      assertThat(sample.path("metric").path("server").asText()).as(what).isIn(SERVERS);
    }
    String disabled = disabledCollectorOf(expr);
    if (disabled != null) {
      assertThat(data.path("result")).as("%s: %s collector off", what, disabled).isEmpty();
      return;
    }
    assertThat(servers(data)).as("%s: %s", what, expr).containsExactlyElementsOf(SERVERS);
  }

  /** The collector feeding {@code expr}'s series, if it is disabled on every server; else null. */
  private static String disabledCollectorOf(String expr) throws Exception {
    for (Map.Entry<String, String> e : COLLECTOR_OF.entrySet()) {
      if (expr.contains(e.getKey())) {
        String collector = e.getValue();
        JsonNode off =
            prometheus.query(
                "fr_collector_state{collector=\"" + collector + "\", state=\"disabled\"} == 1");
        return servers(off).equals(new TreeSet<>(SERVERS)) ? collector : null;
      }
    }
    return null;
  }

  private static Set<String> servers(JsonNode data) {
    Set<String> out = new TreeSet<>();
    data.path("result").forEach(r -> out.add(r.path("metric").path("server").asText()));
    return out;
  }

  /**
   * A rule's value: its expression up to the first comparison outside brackets and quotes ({@code x
   * > 0.9 or (...)} gives {@code x}); the whole expression when it has none.
   */
  static String valueOf(String expr) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (c == '"' && (i == 0 || expr.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && "([{".indexOf(c) >= 0) {
        depth++;
      } else if (!quoted && ")]}".indexOf(c) >= 0) {
        depth--;
      } else if (!quoted && depth == 0 && c == ' ') {
        for (String op : new String[] {" >= ", " <= ", " == ", " != ", " > ", " < "}) {
          if (expr.startsWith(op, i)) {
            return expr.substring(0, i);
          }
        }
      }
    }
    return expr;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

package io.frmonitor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.frmonitor.app.Families;
import io.frmonitor.config.HttpSettings;
import io.frmonitor.export.PrometheusBridge;
import io.frmonitor.model.ClientsSnapshot;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.GpuSnapshot;
import io.frmonitor.model.Health;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.model.ProcessAttribution;
import io.frmonitor.model.Provenance;
import io.frmonitor.model.StorageSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ClientsSnapshots;
import io.frmonitor.testing.HostSnapshots;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import io.frmonitor.testing.StorageSnapshots;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP API in-process, on a free loopback port. */
class ApiServerTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final AtomicBoolean ready = new AtomicBoolean();
  private final HttpClient client = HttpClient.newHttpClient();
  private MetricRegistry registry;
  private ApiServer server;

  @BeforeEach
  void start() {
    registry = Registries.forApiTests(clock);
    server =
        new ApiServer(
                new HttpSettings("127.0.0.1", 0),
                "S1",
                Families.CATALOG,
                registry,
                ready::get,
                Optional.of(new PrometheusBridge(Families.CATALOG, registry, "S1")),
                Optional.of(Alerting.engine(registry)))
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(String path, int expectedStatus) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(expectedStatus);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return Json.MAPPER.readTree(r.body());
  }

  private void publishHost(double cpu) {
    registry.publish(HostSnapshot.FAMILY, HostSnapshots.withCpu(cpu));
  }

  @Test
  void readyzIs503UntilTheFirstCollectionThen200() throws Exception {
    assertThat(json("/readyz", 503).path("status").asText()).isEqualTo("starting");
    ready.set(true);
    assertThat(json("/readyz", 200).path("status").asText()).isEqualTo("ready");
  }

  @Test
  void healthzStays200AndTurnsDegradedWhenACollectorIsDown() throws Exception {
    registry.updateStatus(CollectorStatus.disabled("gpu", List.of("gpu"), "NVML not found"));
    assertThat(json("/healthz", 200).path("status").asText()).isEqualTo("ok");

    registry.updateStatus(
        new CollectorStatus(
            "host",
            List.of("system"),
            Health.DOWN,
            Optional.of(clock.instant().minusSeconds(10)),
            Optional.of("IOException: boom"),
            3,
            Optional.of(clock.instant().plusSeconds(20)),
            false,
            9,
            1,
            Duration.ofMillis(2),
            Duration.ofMillis(1)));
    JsonNode h = json("/healthz", 200);
    assertThat(h.path("status").asText()).isEqualTo("degraded");
    JsonNode c = h.path("collectors").path("host");
    assertThat(c.path("status").asText()).isEqualTo("down");
    assertThat(c.path("last_error").asText()).isEqualTo("IOException: boom");
    assertThat(c.path("consecutive_failures").asInt()).isEqualTo(3);
    assertThat(c.path("last_success").asLong()).isEqualTo(clock.millis() - 10_000);
    assertThat(h.path("collectors").path("gpu").path("last_error").asText())
        .isEqualTo("NVML not found");
  }

  @Test
  void systemBeforeTheFirstCollectionIsNullAndStaleNotZero() throws Exception {
    JsonNode s = json("/metrics/system", 200);
    assertThat(s.path("stale").asBoolean()).isTrue();
    assertThat(s.path("timestamp").isNull()).isTrue();
    assertThat(s.path("cpu_percent").isNull()).isTrue();
    assertThat(s.path("mem_total_bytes").isNull()).isTrue();
  }

  @Test
  void systemHasTheDocumentedShape() throws Exception {
    publishHost(12.5);
    JsonNode s = json("/metrics/system", 200);
    assertThat(fieldNames(s))
        .containsExactly(
            "timestamp",
            "stale",
            "cpu_percent",
            "per_core_percent",
            "load_average",
            "cpu_count",
            "mem_percent",
            "mem_total_bytes",
            "mem_used_bytes",
            "swap_total_bytes",
            "swap_used_bytes",
            "disk_percent",
            "disks",
            "network",
            "uptime_seconds",
            "monitor_uptime_seconds",
            "view");
    assertThat(s.path("timestamp").asLong()).isEqualTo(clock.millis());
    assertThat(s.path("stale").asBoolean()).isFalse();
    assertThat(s.path("cpu_percent").asDouble()).isEqualTo(12.5);
    assertThat(s.path("mem_percent").asDouble()).isEqualTo(25.0);
    assertThat(s.path("load_average").get(2).isNull()).isTrue();
    JsonNode disk = s.path("disks").get(0);
    assertThat(disk.path("mount").asText()).isEqualTo("/");
    assertThat(disk.path("read_bytes_per_sec").asDouble()).isEqualTo(10);
    assertThat(disk.path("write_bytes_per_sec").isNull()).isTrue();
    JsonNode nic = s.path("network").get(0);
    assertThat(fieldNames(nic))
        .containsExactly(
            "interface", "rx_bytes_per_sec", "tx_bytes_per_sec", "rx_errors", "tx_errors");
    assertThat(s.path("monitor_uptime_seconds").asLong()).isEqualTo(60);
    JsonNode view = s.path("view");
    assertThat(fieldNames(view))
        .containsExactly("proc", "root", "network", "filesystems", "reason");
    assertThat(view.path("proc").asText()).isEqualTo("/proc");
    assertThat(view.path("network").asText()).isEqualTo("host");
    assertThat(view.path("filesystems").asText()).isEqualTo("host");
    assertThat(view.path("reason").isNull()).isTrue();
  }

  @Test
  void systemTurnsStaleWhenItsCollectorFailsAndFreshAgainAfter() throws Exception {
    publishHost(10);
    assertThat(json("/metrics/system", 200).path("stale").asBoolean()).isFalse();
    registry.markStale(HostSnapshot.FAMILY);
    JsonNode stale = json("/metrics/system", 200);
    assertThat(stale.path("stale").asBoolean()).isTrue();
    assertThat(stale.path("cpu_percent").asDouble()).isEqualTo(10);
    publishHost(20);
    assertThat(json("/metrics/system", 200).path("cpu_percent").asDouble()).isEqualTo(20);
  }

  @Test
  void windowAddsMinAvgMaxOverTheRequestedSpan() throws Exception {
    publishHost(10);
    clock.advance(Duration.ofMinutes(10));
    publishHost(30);
    clock.advance(Duration.ofSeconds(5));
    publishHost(50);

    JsonNode w = json("/metrics/system?window=5m", 200).path("window");
    assertThat(w.path("duration").asText()).isEqualTo("5m");
    JsonNode cpu = w.path("series").path("cpu_percent");
    assertThat(cpu.path("min").asDouble()).isEqualTo(30);
    assertThat(cpu.path("max").asDouble()).isEqualTo(50);
    assertThat(cpu.path("avg").asDouble()).isEqualTo(40);
    assertThat(cpu.path("last").asDouble()).isEqualTo(50);
    assertThat(cpu.path("count").asInt()).isEqualTo(2);
    assertThat(
            json("/metrics/system?window=1h", 200)
                .path("window")
                .path("series")
                .path("cpu_percent")
                .path("count")
                .asInt())
        .isEqualTo(3);
  }

  @Test
  void badWindowIs400WithAReason() throws Exception {
    assertThat(json("/metrics/system?window=soon", 400).path("message").asText())
        .contains("not a duration");
    assertThat(json("/metrics/gpu?window=2h", 400).path("message").asText())
        .contains("longer than the history kept (1h, MONITORING_HISTORY_WINDOW)");
    assertThat(json("/history?window=0s", 400).path("error").asText()).isEqualTo("bad_request");
  }

  @Test
  void gpuReportsDisabledWithTheReason() throws Exception {
    registry.updateStatus(CollectorStatus.disabled("gpu", List.of("gpu"), "NVML not found"));
    JsonNode g = json("/metrics/gpu", 200);
    assertThat(g.path("status").asText()).isEqualTo("disabled");
    assertThat(g.path("reason").asText()).isEqualTo("NVML not found");
    assertThat(g.path("gpus").size()).isZero();
  }

  @Test
  void gpuHasTheDocumentedShape() throws Exception {
    registry.publish(
        GpuSnapshot.FAMILY,
        new GpuSnapshot(
            "nvml",
            List.of(
                new io.frmonitor.model.GpuDevice(
                    0,
                    "GPU-1",
                    "H100",
                    OptionalDouble.of(50),
                    java.util.OptionalLong.of(1L << 30),
                    java.util.OptionalLong.of(80L << 30),
                    OptionalDouble.of(60),
                    OptionalDouble.empty(),
                    OptionalDouble.of(700),
                    List.of(
                        new io.frmonitor.model.GpuProcess(77, java.util.OptionalLong.empty()))))));
    JsonNode d = json("/metrics/gpu", 200).path("gpus").get(0);
    assertThat(fieldNames(d))
        .containsExactly(
            "index",
            "uuid",
            "name",
            "utilization_percent",
            "memory_used_bytes",
            "memory_total_bytes",
            "temperature_celsius",
            "power_watts",
            "power_limit_watts",
            "processes");
    assertThat(d.path("power_watts").isNull()).isTrue();
    assertThat(d.path("processes").get(0).path("pid").asLong()).isEqualTo(77);
    assertThat(d.path("processes").get(0).path("used_memory_bytes").isNull()).isTrue();
  }

  @Test
  void gpuProcessesSayWhichPipelineWorkerHoldsThemOrWhyNot() throws Exception {
    String id = "3f6c1b9e2d4a7c8b5e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d";
    registry.publish(
        GpuSnapshot.FAMILY,
        new GpuSnapshot(
            "nvml",
            List.of(
                new io.frmonitor.model.GpuDevice(
                    0,
                    "GPU-1",
                    "H100",
                    OptionalDouble.of(50),
                    java.util.OptionalLong.of(1L << 30),
                    java.util.OptionalLong.of(80L << 30),
                    OptionalDouble.of(60),
                    OptionalDouble.empty(),
                    OptionalDouble.of(700),
                    List.of(
                        new io.frmonitor.model.GpuProcess(
                            77,
                            java.util.OptionalLong.of(1L << 30),
                            new ProcessAttribution.Known(
                                Optional.of("3"),
                                Optional.of("pipeline_worker"),
                                Optional.of("S1"),
                                Optional.of("3f6c1b9e2d4a"),
                                Optional.of(new ProcessAttribution.Container("docker", id)))),
                        new io.frmonitor.model.GpuProcess(
                            78,
                            java.util.OptionalLong.empty(),
                            new ProcessAttribution.Unknown("permission denied")))))));
    JsonNode processes = json("/metrics/gpu", 200).path("gpus").get(0).path("processes");
    JsonNode worker = processes.get(0);
    assertThat(fieldNames(worker))
        .containsExactly("pid", "used_memory_bytes", "attribution", "attribution_reason");
    assertThat(fieldNames(worker.path("attribution")))
        .containsExactly(
            "pipeline_id",
            "service_type",
            "namespace",
            "hostname",
            "container_id",
            "container_runtime");
    assertThat(worker.path("attribution").path("pipeline_id").asText()).isEqualTo("3");
    assertThat(worker.path("attribution").path("container_id").asText()).isEqualTo(id);
    assertThat(worker.path("attribution_reason").isNull()).isTrue();
    assertThat(processes.get(1).path("attribution").isNull()).isTrue();
    assertThat(processes.get(1).path("attribution_reason").asText()).isEqualTo("permission denied");
  }

  @Test
  void historyListsSeriesAndReturnsPointsOldestFirst() throws Exception {
    publishHost(10);
    clock.advance(Duration.ofSeconds(5));
    publishHost(20);

    JsonNode list = json("/history", 200);
    assertThat(list.path("series").toString()).contains("system.cpu_percent");
    assertThat(list.path("history_window").asText()).isEqualTo("1h");

    JsonNode h = json("/history?series=system.cpu_percent&window=1m", 200);
    JsonNode points = h.path("series").path("system.cpu_percent");
    assertThat(points.size()).isEqualTo(2);
    assertThat(points.get(0).get(0).asLong()).isEqualTo(clock.millis() - 5000);
    assertThat(points.get(0).get(1).asDouble()).isEqualTo(10);
    assertThat(points.get(1).get(1).asDouble()).isEqualTo(20);
  }

  @Test
  void aWindowBeyondTheFullHistoryIsAnsweredFromTheOneMinuteTrends() throws Exception {
    publishHost(10);
    clock.advance(Duration.ofSeconds(20));
    publishHost(30);
    clock.advance(Duration.ofMinutes(3)); // two minutes without a point: a gap
    publishHost(50);

    JsonNode h = json("/history?series=system.cpu_percent&window=24h", 200);
    assertThat(h.path("resolution").asText()).isEqualTo("1m");
    assertThat(h.path("fields").toString()).isEqualTo("[\"start\",\"min\",\"avg\",\"max\"]");
    JsonNode minutes = h.path("series").path("system.cpu_percent");
    assertThat(minutes.size()).as("two minutes with points, the gap left out").isEqualTo(2);
    long first =
        Math.floorDiv(clock.millis() - Duration.ofSeconds(200).toMillis(), 60_000) * 60_000;
    assertThat(minutes.get(0).get(0).asLong()).isEqualTo(first);
    assertThat(minutes.get(0).get(1).asDouble()).isEqualTo(10);
    assertThat(minutes.get(0).get(2).asDouble()).isEqualTo(20);
    assertThat(minutes.get(0).get(3).asDouble()).isEqualTo(30);
    assertThat(minutes.get(1).get(2).asDouble()).as("the minute in progress").isEqualTo(50);
    assertThat(
            json("/history?series=system.cpu_percent&window=1h", 200).path("resolution").asText())
        .isEqualTo("collection");
    assertThat(json("/history", 200).path("long_history_window").asText()).isEqualTo("1d");
    assertThat(json("/history?series=system.cpu_percent&window=2d", 400).path("message").asText())
        .contains("longer than the history kept (1d, MONITORING_HISTORY_LONG_WINDOW)");
  }

  @Test
  void historySaysWhereRestoredPointsCameFromAndTheGap() throws Exception {
    publishHost(10);
    Instant upTo = clock.instant().minusSeconds(90);
    registry.restored(new Provenance("data/state.bin", clock.instant(), upTo));
    JsonNode restored = json("/history?series=system.cpu_percent", 200).path("restored");
    assertThat(restored.path("source").asText()).isEqualTo("data/state.bin");
    assertThat(restored.path("up_to").asLong()).isEqualTo(upTo.toEpochMilli());
    assertThat(restored.path("gap").path("from").asLong()).isEqualTo(upTo.toEpochMilli());
    assertThat(restored.path("gap").path("to").asLong()).isEqualTo(clock.millis());
  }

  @Test
  void historyRefusesUnknownSeriesAndTooManyNames() throws Exception {
    assertThat(json("/history?series=system.nope", 400).path("message").asText())
        .contains("unknown series 'system.nope'");
    assertThat(json("/history?series=,", 400).path("message").asText()).contains("empty");
  }

  @Test
  void unknownPathIsJson404() throws Exception {
    JsonNode e = json("/metrics/nothing", 404);
    assertThat(e.path("error").asText()).isEqualTo("not_found");
    assertThat(e.path("message").asText()).contains("/metrics/nothing");
  }

  @Test
  void prometheusServesTextFormatWithOurNames() throws Exception {
    publishHost(25);
    HttpResponse<String> r = get("/prometheus");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(r.body())
        .contains("fr_system_cpu_ratio{server=\"S1\"} 0.25")
        .contains("fr_system_filesystem_used_ratio{device=\"vda\",mount=\"/\",server=\"S1\"} 0.42")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void metricsIsTheExpositionAtTheScrapersDefaultPathAndTheFamiliesStayBelowIt() throws Exception {
    publishHost(25);
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    // one rendering is reused for a second: both paths serve it byte for byte
    assertThat(metrics.body())
        .isEqualTo(get("/prometheus").body())
        .contains("fr_system_cpu_ratio{server=\"S1\"} 0.25");
    HttpResponse<String> open =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .header("Accept", "application/openmetrics-text; version=1.0.0")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(open.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/openmetrics-text");
    assertThat(json("/metrics/system", 200).path("cpu_percent").asDouble()).isEqualTo(25);
  }

  @Test
  void theServerIsNamedInHealthReadinessAndTheIndex() throws Exception {
    assertThat(json("/healthz", 200).path("server").asText()).isEqualTo("S1");
    assertThat(json("/", 200).path("server").asText()).isEqualTo("S1");
    ready.set(true);
    assertThat(json("/readyz", 200).path("server").asText()).isEqualTo("S1");
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .header("Accept", "text/html")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.body())
        .contains("<title>fr-monitor — S1</title>")
        .contains(">fr-monitor — S1</a></h1>")
        .doesNotContain("${server}");
  }

  @Test
  void prometheusServesOpenMetricsWhenAsked() throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/prometheus"))
                .header("Accept", "application/openmetrics-text; version=1.0.0")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/openmetrics-text");
    assertThat(r.body()).endsWith("# EOF\n");
  }

  @Test
  void prometheusIsGzippedOnceForAScraperThatAsks() throws Exception {
    publishHost(12.5);
    HttpResponse<byte[]> r =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/prometheus"))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
    String text;
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body()))) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(text).contains("fr_system_cpu_ratio{server=\"S1\"} 0.125");
    assertThat(get("/prometheus").body()).as("plain for the others").isEqualTo(text);
  }

  @Test
  void openApiDocumentsEveryPathTheServerServes() throws Exception {
    JsonNode doc = json("/openapi.json", 200);
    assertThat(doc.path("openapi").asText()).startsWith("3.");
    List<String> gets = new ArrayList<>();
    doc.path("paths")
        .properties()
        .forEach(
            p -> {
              if (p.getValue().has("get")) {
                gets.add(p.getKey());
              }
            });
    assertThat(gets).containsExactlyInAnyOrderElementsOf(server.paths());
    for (String path : server.paths()) {
      assertThat(get(path).statusCode())
          .as(path)
          .isIn(200, 503, path.startsWith("/ws/") ? 426 : 200);
    }
  }

  @Test
  void docsPageLoadsSwaggerUiFromTheBundledWebjar() throws Exception {
    HttpResponse<String> page = get("/docs");
    assertThat(page.body()).contains("/openapi.json").doesNotContain("${");
    assertThat(page.body()).contains("src=\"/docs/swagger-ui-bundle.js\"");
    HttpResponse<String> script = get("/docs/swagger-ui-bundle.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("SwaggerUIBundle");
    assertThat(get("/docs/swagger-ui.css").headers().firstValue("Content-Type"))
        .contains("text/css");
    assertThat(get("/docs/../../etc/passwd").statusCode()).isIn(400, 404);
    assertThat(get("/docs/index.html").statusCode()).isEqualTo(404);
  }

  @Test
  void everyFileTheDashboardLoadsIsServed() throws Exception {
    String page =
        client
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                    .header("Accept", "text/html")
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?:src|href)=\"(/ui/[^\"]+)\"").matcher(page);
    List<String> files = new ArrayList<>();
    while (m.find()) {
      files.add(m.group(1));
    }
    assertThat(files).contains("/ui/app.js", "/ui/theme.js", "/ui/style.css");
    for (String file : files) {
      HttpResponse<String> response = get(file);
      assertThat(response.statusCode()).as(file).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .as(file)
          .contains(file.endsWith(".css") ? "text/css" : "text/javascript");
    }
  }

  private void publishClients() {
    registry.publish(ClientsSnapshot.FAMILY, ClientsSnapshots.sample());
  }

  @Test
  void clientsHaveCountsStatesFlagsAndAnomalies() throws Exception {
    publishClients();
    JsonNode c = json("/metrics/clients", 200);
    assertThat(c.path("active_clients").asInt()).isEqualTo(3);
    assertThat(c.path("paused_clients").asInt()).isEqualTo(1);
    assertThat(c.path("blocked_clients").asInt()).isEqualTo(1);
    assertThat(c.path("deactivated_clients").asInt()).isEqualTo(1);
    assertThat(c.path("internet_error_clients").asInt()).isZero();
    assertThat(c.path("states").path("active").asInt()).isEqualTo(1);
    assertThat(c.path("clients").get(3).path("name").asText()).isEqualTo("obama");
    assertThat(c.path("clients").get(3).path("state").asText()).isEqualTo("blocked");
    assertThat(c.path("clients").get(3).path("flags").toString())
        .isEqualTo("[\"active\",\"blocked\"]");
    assertThat(c.path("anomalies").path("blocked_and_active").toString()).isEqualTo("[\"obama\"]");
  }

  @Test
  void clientsFilterByStateAndNameAndPage() throws Exception {
    publishClients();
    JsonNode active = json("/metrics/clients?state=active,paused", 200);
    assertThat(active.path("matched").asInt()).isEqualTo(2);
    assertThat(active.path("clients").get(0).path("name").asText()).isEqualTo("biden");
    JsonNode named = json("/metrics/clients?q=BU", 200);
    assertThat(named.path("clients").size()).isEqualTo(1);
    JsonNode page = json("/metrics/clients?offset=1&limit=2", 200);
    assertThat(page.path("clients").size()).isEqualTo(2);
    assertThat(page.path("clients").get(0).path("name").asText()).isEqualTo("bush");
    assertThat(json("/metrics/clients?state=sleeping", 400).path("message").asText())
        .contains("state 'sleeping'");
    assertThat(json("/metrics/clients?limit=0", 400).path("message").asText())
        .contains("limit must be an integer 1-10000");
  }

  @Test
  void clientsBeforeTheFirstCollectionAreNullNotZero() throws Exception {
    JsonNode c = json("/metrics/clients", 200);
    assertThat(c.path("stale").asBoolean()).isTrue();
    assertThat(c.path("active_clients").isNull()).isTrue();
  }

  @Test
  void actionsListEventsNewestFirstWithTheirFields() throws Exception {
    registry.appendEvent(
        new io.frmonitor.model.Event(
            clock.instant(),
            "client_state_change",
            Map.of("client", "obama", "from", "active", "to", "blocked")));
    clock.advance(Duration.ofSeconds(1));
    registry.appendEvent(
        new io.frmonitor.model.Event(
            clock.instant(),
            "client_state_change",
            Map.of("client", "biden", "from", "none", "to", "active")));
    JsonNode events = json("/metrics/actions?limit=10", 200).path("events");
    assertThat(events.size()).isEqualTo(2);
    assertThat(events.get(0).path("client").asText()).isEqualTo("biden");
    assertThat(events.get(0).path("kind").asText()).isEqualTo("client_state_change");
    assertThat(events.get(0).path("timestamp").asLong()).isEqualTo(clock.millis());
    assertThat(events.get(1).path("to").asText()).isEqualTo("blocked");
    assertThat(json("/metrics/actions?limit=1", 200).path("events").size()).isEqualTo(1);
    assertThat(json("/metrics/actions?kind=alert", 200).path("events").size()).isZero();
    assertThat(json("/metrics/actions?limit=-3", 400).path("error").asText())
        .isEqualTo("bad_request");
  }

  @Test
  void actionsOfOneClientAreItsNewestMatchingEventsOfAnyOrOneKind() throws Exception {
    event("client_state_change", Map.of("client", "obama", "from", "none", "to", "active"));
    event("action", Map.of("client", "obama", "action", "LOCK_SCREEN"));
    event("action", Map.of("client", "obamas", "action", "SIGN_OUT"));
    event("collector_status_change", Map.of("collector", "redis", "from", "ok", "to", "down"));
    for (int i = 0; i < 3; i++) {
      event("action", Map.of("client", "biden", "action", "LOCK_SCREEN"));
    }

    JsonNode obama = json("/metrics/actions?client=obama", 200).path("events");
    assertThat(obama.findValuesAsText("kind")).containsExactly("action", "client_state_change");
    assertThat(obama.findValuesAsText("client")).containsOnly("obama");
    assertThat(json("/metrics/actions?client=obama&kind=action", 200).path("events").size())
        .isEqualTo(1);
    JsonNode newest = json("/metrics/actions?client=obama&limit=1", 200).path("events");
    assertThat(newest.findValuesAsText("client"))
        .as("the limit takes the newest of obama's events, not of all")
        .containsExactly("obama");
    assertThat(newest.findValuesAsText("kind")).containsExactly("action");
    assertThat(json("/metrics/actions?client=Obama", 200).path("events").size())
        .as("exact match")
        .isZero();
    assertThat(json("/metrics/actions?client=&kind=%20&limit=10", 200).path("events").size())
        .as("blank is as absent")
        .isEqualTo(7);
  }

  private void event(String kind, Map<String, String> fields) {
    clock.advance(Duration.ofSeconds(1));
    registry.appendEvent(new io.frmonitor.model.Event(clock.instant(), kind, fields));
  }

  @Test
  void storageHasTheDocumentedShapeWithAgesAtTheSnapshotsTime() throws Exception {
    assertThat(json("/metrics/storage", 200).path("stale").asBoolean()).isTrue();
    registry.publish(
        StorageSnapshot.FAMILY, StorageSnapshots.sample(clock.instant().minusSeconds(60)));

    JsonNode s = json("/metrics/storage", 200);
    assertThat(s.path("stale").asBoolean()).isFalse();
    assertThat(s.path("endpoint").asText()).isEqualTo("minio:9000");
    assertThat(s.path("live").asBoolean()).isTrue();
    assertThat(s.path("cluster_healthy").asBoolean()).isFalse();
    assertThat(s.path("probe_latency_ms").asDouble()).isEqualTo(12.5);
    assertThat(s.path("listing_ms").asDouble()).isEqualTo(840.0);
    JsonNode frames = s.path("buckets").get(0);
    assertThat(frames.path("objects").asLong()).isEqualTo(3);
    assertThat(frames.path("bytes").asLong()).isEqualTo(3000);
    assertThat(frames.path("orphaned_frames").asLong()).isEqualTo(2);
    // listed a minute ago, oldest 15 minutes before the listing: 16 minutes old now
    assertThat(frames.path("prefixes").path("frames/").path("oldest_age_seconds").asDouble())
        .isBetween(959.0, 965.0);
    assertThat(frames.path("prefixes").path("actions/").path("oldest_age_seconds").isNull())
        .isTrue();
    assertThat(frames.path("totals_source").asText()).isEqualTo("listing");
    JsonNode missing = s.path("buckets").get(1);
    assertThat(missing.path("error").asText()).isEqualTo("NoSuchBucket");
    assertThat(missing.path("objects").isNull()).isTrue();
    assertThat(missing.path("totals_source").isNull()).isTrue();
    assertThat(s.path("capacity").isNull()).isTrue();
    assertThat(s.path("usage_unavailable").asText()).contains("HTTP 403");
  }

  @Test
  void storageTotalsComeFromMinioMetricsWhenRead() throws Exception {
    registry.publish(StorageSnapshot.FAMILY, StorageSnapshots.withUsage(clock.instant()));

    JsonNode s = json("/metrics/storage", 200);
    assertThat(s.path("capacity").path("usable_total_bytes").asLong()).isEqualTo(100_000_000_000L);
    assertThat(s.path("capacity").path("usable_free_bytes").asLong()).isEqualTo(40_000_000_000L);
    assertThat(s.path("usage_unavailable").isNull()).isTrue();
    JsonNode frames = s.path("buckets").get(0);
    // the whole bucket from MinIO's scanner; the prefixes still from the listing
    assertThat(frames.path("objects").asLong()).isEqualTo(1310);
    assertThat(frames.path("bytes").asLong()).isEqualTo(52_837_376);
    assertThat(frames.path("totals_source").asText()).isEqualTo("minio_metrics");
    assertThat(frames.path("prefixes").path("frames/").path("objects").asLong()).isEqualTo(3);
  }

  @Test
  void eachClientOfThePipelinesListsThePipelinesItsFramesWentTo() throws Exception {
    registry.publish(
        PipelinesSnapshot.FAMILY,
        new PipelinesSnapshot(
            3,
            OptionalDouble.empty(),
            3000,
            0,
            List.of(),
            List.of(
                new PipelinesSnapshot.ClientFrames(
                    "obama", 3, OptionalDouble.of(0.5), List.of(0, 3))),
            Map.of(),
            io.frmonitor.model.LatencyHistogram.EMPTY));

    JsonNode obama = json("/metrics/pipelines", 200).path("clients").get(0);
    assertThat(fieldNames(obama))
        .containsExactly("name", "frames_total", "frames_per_sec", "pipelines");
    assertThat(obama.path("pipelines").toString()).isEqualTo("[0,3]");
  }

  @Test
  void pipelinesLatencyWindowIsRoundedUpToAKeptOneAndCappedAtAnHour() throws Exception {
    assertThat(json("/metrics/pipelines", 200).path("stale").asBoolean()).isTrue();
    registry.publish(
        PipelinesSnapshot.FAMILY,
        new io.frmonitor.model.PipelinesSnapshot(
            1,
            OptionalDouble.empty(),
            100,
            0,
            List.of(),
            List.of(),
            Map.of(
                Duration.ofMinutes(5),
                new io.frmonitor.model.LatencyHistogram(
                    1, 40, 40, 40, 40, 40, List.of(), List.of()),
                Duration.ofMinutes(15),
                new io.frmonitor.model.LatencyHistogram(
                    2, 90, 50, 40, 50, 50, List.of(), List.of())),
            io.frmonitor.model.LatencyHistogram.EMPTY));
    JsonNode byDefault =
        json("/metrics/pipelines", 200).path("latency_ms").path("ingest_to_routing");
    assertThat(byDefault.path("window").asText()).isEqualTo("5m");
    assertThat(byDefault.path("count").asInt()).isEqualTo(1);
    JsonNode ten =
        json("/metrics/pipelines?window=10m", 200).path("latency_ms").path("ingest_to_routing");
    assertThat(ten.path("window").asText()).isEqualTo("15m");
    assertThat(ten.path("count").asInt()).isEqualTo(2);
    assertThat(
            json("/metrics/pipelines?window=1m", 200)
                .path("latency_ms")
                .path("ingest_to_routing")
                .path("p50")
                .isNull())
        .isTrue();
    assertThat(
            json("/metrics/pipelines?window=59m", 200)
                .path("latency_ms")
                .path("ingest_to_routing")
                .path("window")
                .asText())
        .isEqualTo("1h");
    assertThat(json("/metrics/pipelines?window=later", 400).path("error").asText())
        .isEqualTo("bad_request");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}

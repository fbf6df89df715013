package io.frmonitor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.frmonitor.alert.engine.AlertEngine;
import io.frmonitor.app.Families;
import io.frmonitor.config.ApiAccess;
import io.frmonitor.config.HttpSettings;
import io.frmonitor.config.Secret;
import io.frmonitor.family.Snapshots;
import io.frmonitor.model.ClientsSnapshot;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.model.GatewaysSnapshot;
import io.frmonitor.model.GpuDevice;
import io.frmonitor.model.GpuProcess;
import io.frmonitor.model.GpuSnapshot;
import io.frmonitor.model.Health;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.model.ProcessAttribution;
import io.frmonitor.model.Provenance;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.model.RabbitNodesSnapshot;
import io.frmonitor.model.StorageSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ClientsSnapshots;
import io.frmonitor.testing.HeadlessChromium;
import io.frmonitor.testing.HostSnapshots;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import io.frmonitor.testing.StorageSnapshots;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in real headless Chromium (Debian's chromium and chromium-driver, installed by
 * scripts/install-test-tools), against the server in-process with a registry the test writes to.
 */
class DashboardIT {
  private static final String TOKEN = "dashboard-token-0123456789";

  private final ManualClock clock = new ManualClock(Instant.now().minusSeconds(60));
  private final MetricRegistry registry = Registries.forApiTests(clock);
  private Optional<AlertEngine> alerts = Optional.empty();
  private ApiServer server;
  private ChromeDriver browser;

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.required();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    server.close();
  }

  private void open(ApiAccess access) {
    server = serve(0, access);
    browser = HeadlessChromium.start(1400, 2200);
    browser.get("http://127.0.0.1:" + server.port() + "/");
  }

  private ApiServer serve(int port, ApiAccess access) {
    return new ApiServer(
            new HttpSettings("127.0.0.1", port, access),
            "S1",
            Families.CATALOG,
            registry,
            () -> true,
            Optional.empty(),
            alerts)
        .start();
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private void waitFor(String what, java.util.function.BooleanSupplier condition) {
    read(what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
  }

  /**
   * What {@code read} gives once it gives something, read again when the page re-rendered the
   * element meanwhile (a live update replaces a table's rows).
   */
  private <T> T read(String what, java.util.function.Supplier<T> read) {
    return new WebDriverWait(browser, Duration.ofSeconds(15))
        .withMessage(what)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(b -> read.get());
  }

  /** A minute of host history, ending at the clock's time, and the other topics once. */
  private void publishSample() {
    for (int i = 0; i < 12; i++) {
      clock.advance(Duration.ofSeconds(5));
      double cpu = 20 + 15 * Math.sin(i / 2.0);
      registry.publish(HostSnapshot.FAMILY, HostSnapshots.withCpu(cpu));
    }
    registry.publish(ClientsSnapshot.FAMILY, ClientsSnapshots.sample());
    registry.publish(StorageSnapshot.FAMILY, StorageSnapshots.withUsage(clock.instant()));
    registry.publish(
        QueuesSnapshot.FAMILY,
        new QueuesSnapshot(
            "management_api",
            false,
            3,
            List.of(
                new QueueStats(
                    "PipeLine_0_face_data",
                    0,
                    OptionalLong.of(120),
                    OptionalLong.of(120),
                    1,
                    OptionalDouble.of(10),
                    OptionalDouble.of(40),
                    OptionalDouble.of(40),
                    OptionalDouble.of(0),
                    OptionalDouble.of(4)),
                queue("PipeLine_1_face_data", 3, 10, 10),
                queue("PipeLine_1_phone_data", 500, 10, 0))));
    registry.updateStatus(ok("host"));
    registry.updateStatus(CollectorStatus.disabled("gpu", List.of("gpu"), "NVML not found"));
    registry.updateStatus(
        CollectorStatus.disabled("frame_tap", List.of("pipelines"), "no broker configured"));
  }

  /** A queue that is not shrinking: all unacked, no time to drain. */
  private static QueueStats queue(String name, long depth, double in, double acked) {
    return new QueueStats(
        name,
        0,
        OptionalLong.of(depth),
        OptionalLong.of(depth),
        1,
        OptionalDouble.of(in),
        OptionalDouble.of(acked),
        OptionalDouble.of(acked),
        OptionalDouble.of(0),
        OptionalDouble.empty());
  }

  private CollectorStatus ok(String name) {
    return new CollectorStatus(
        name,
        List.of(name.equals("host") ? "system" : name),
        Health.OK,
        Optional.of(clock.instant()),
        Optional.empty(),
        0,
        Optional.empty(),
        false,
        12,
        0,
        Duration.ofMillis(2),
        Duration.ofMillis(1));
  }

  private String restCpu(String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics/system"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    String body =
        HttpClient.newHttpClient()
            .send(request.build(), HttpResponse.BodyHandlers.ofString())
            .body();
    return String.format(
        java.util.Locale.ROOT,
        "%.1f %%",
        Json.MAPPER.readTree(body).path("cpu_percent").asDouble());
  }

  @Test
  void showsLiveValuesThatMatchTheApiAndMarksAStoppedCollectorStale() throws Exception {
    publishSample();
    open(ApiAccess.OPEN);

    String expected = restCpu(null);
    waitFor("live connection", () -> text("connection").equals("live"));
    waitFor("CPU as /metrics/system has it", () -> text("cpu-value").equals(expected));
    assertThat(text("clients-blocked")).isEqualTo("1");
    // the client table comes from a search over REST, a moment after the first snapshot
    waitFor("the client table", () -> text("client-rows").contains("obama"));
    assertThat(text("client-rows")).contains("carter");
    assertThat(text("queue-rows"))
        .contains("PipeLine_0_face_data 0 120 120 1 10.0 40.0 0.0 4 s")
        .contains("PipeLine_1_face_data 0 3 3 1 10.0 10.0 0.0 keeping up")
        .contains("PipeLine_1_phone_data 0 500 500 1 10.0 0.0 0.0 ✖ not draining");
    assertThat(text("storage-rows")).contains("face-frames").contains("1,310");
    assertThat(text("collectors-rows")).contains("host ok").contains("gpu disabled");
    assertThat(browser.findElement(By.id("token-form")).isDisplayed())
        .as("no token is asked for when none is configured")
        .isFalse();
    // a switched-off collector's card says so, and is not "stale"
    assertThat(browser.findElement(By.id("pipelines")).getAttribute("class"))
        .contains("disabled")
        .doesNotContain("stale");
    assertThat(text("pipelines")).contains("collector off: no broker configured");
    assertThat(browser.findElement(By.id("gpu")).getAttribute("class")).doesNotContain("stale");
    assertThat(text("gpu")).contains("collector off: NVML not found");
    saveScreenshot();
    assertNoConsoleErrors();

    // a new collection reaches the page without a reload
    clock.advance(Duration.ofSeconds(5));
    registry.publish(HostSnapshot.FAMILY, HostSnapshots.withCpu(77.7));
    waitFor("the new CPU value", () -> text("cpu-value").equals("77.7 %"));
    assertThat(text("host-view")).isEmpty();

    // network and filesystems that are only fr-monitor's own are said so on the host card
    clock.advance(Duration.ofSeconds(5));
    registry.publish(HostSnapshot.FAMILY, HostSnapshots.withOwnNamespaces(77.7, "no host /proc"));
    waitFor(
        "the host card saying whose network it shows",
        () -> text("host-view").equals("Not all the host's: no host /proc"));

    // the collector stops: the values stay, marked stale, never zero
    registry.markStale(HostSnapshot.FAMILY);
    waitFor(
        "the host card marked stale",
        () -> browser.findElement(By.id("system")).getAttribute("class").contains("stale"));
    assertThat(browser.findElement(By.cssSelector("#system .stale-badge")).isDisplayed()).isTrue();
    assertThat(text("cpu-value")).isEqualTo("77.7 %");
  }

  @Test
  void whatNoSourceSeesIsSaidWhereItsValueWouldBe() throws Exception {
    publishSample();
    registry.publish(
        QueuesSnapshot.FAMILY,
        Snapshots.queues(
            false,
            Snapshots.queue("face_pipeline_results", 0, 1, 977, 977, 24.5),
            Snapshots.queue("actions", 0, 1, 600, 600, 15),
            Snapshots.queue("monitoring.tap.frames.x", 0, 1, 980, 980, 25)));
    registry.publish(GatewaysSnapshot.FAMILY, new GatewaysSnapshot(List.of(), 0, 0));
    registry.publish(DecisionsSnapshot.FAMILY, Snapshots.decisions(false));
    registry.publish(GpuSnapshot.FAMILY, gpuOfPipelineThreeAndAStranger());
    open(ApiAccess.OPEN);

    waitFor("the results row", () -> text("result-rows").contains("queue_counters"));
    // who holds the GPU's memory: a pipeline worker by id, a process it could not read as unknown
    assertThat(text("gpu-cards")).contains("pipeline 3 2.0 GiB · pid 77 (owner unknown) 1.0 GiB");
    assertThat(text("result-rows")).contains("face queue_counters 24.5 977 — unknown (see above)");
    assertThat(text("pipelines-notes"))
        .contains("outcomes: today's workers publish results on the default exchange")
        .contains("rabbitmqctl trace_on");
    assertThat(text("gateways"))
        .contains("producers.md#3-gateway-events")
        .contains("Unknown: see above.");
    assertThat(text("decisions"))
        .contains("actions by kind: the decision manager publishes on the default exchange")
        .contains("Unknown: see above.");
    assertThat(text("queue-rows")).contains("monitoring.tap.frames.x (fr-monitor)");
    assertThat(text("queues")).contains("The vhost is not traced");
    // a trend that no source feeds says why, where its lines would be
    String why = rest("/metrics/pipelines").path("unobservable").path("outcomes").asText();
    waitFor(
        "the outcomes chart's reason",
        () -> text("trend-outcomes").contains("no data in this range — " + why));
    assertNoConsoleErrors();
  }

  private static GpuSnapshot gpuOfPipelineThreeAndAStranger() {
    ProcessAttribution worker =
        new ProcessAttribution.Known(
            java.util.Optional.of("3"),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Optional.empty());
    return new GpuSnapshot(
        "nvml",
        List.of(
            new GpuDevice(
                0,
                "GPU-0",
                "NVIDIA H100",
                java.util.OptionalDouble.of(50),
                java.util.OptionalLong.of(3L << 30),
                java.util.OptionalLong.of(80L << 30),
                java.util.OptionalDouble.of(60),
                java.util.OptionalDouble.of(300),
                java.util.OptionalDouble.of(700),
                List.of(
                    new GpuProcess(41877, java.util.OptionalLong.of(2L << 30), worker),
                    new GpuProcess(
                        77,
                        java.util.OptionalLong.of(1L << 30),
                        new ProcessAttribution.Unknown("permission denied"))))));
  }

  @Test
  void saysWhereRestoredHistoryCameFromAndLeavesTheDowntimeAGap() throws Exception {
    publishSample();
    Instant upTo = clock.instant().minusSeconds(30);
    registry.restored(new Provenance("data/state.bin", clock.instant(), upTo));
    open(ApiAccess.OPEN);
    waitFor("the restored note", () -> !text("history-restored").isEmpty());
    String local =
        (String)
            ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                    "return new Date(arguments[0]).toLocaleTimeString();", upTo.toEpochMilli());
    assertThat(text("history-restored"))
        .startsWith("History restored from data/state.bin up to " + local)
        .contains("(fr-monitor was not running)");
  }

  @Test
  void reconnectsByItselfWhenTheServerComesBack() throws Exception {
    publishSample();
    open(ApiAccess.OPEN);
    waitFor("live connection", () -> text("connection").equals("live"));

    int port = server.port();
    server.close();
    waitFor("the page notices", () -> text("connection").equals("reconnecting"));
    // away for a few of its retries
    Thread.sleep(3000);
    server = serve(port, ApiAccess.OPEN);
    clock.advance(Duration.ofSeconds(5));
    registry.publish(HostSnapshot.FAMILY, HostSnapshots.withCpu(66.6));

    waitFor("live again", () -> text("connection").equals("live"));
    waitFor("the new value", () -> text("cpu-value").equals("66.6 %"));
  }

  @Test
  void withATokenThePageAsksForItOnceAndThenWorks() throws Exception {
    publishSample();
    open(new ApiAccess(new Secret(TOKEN), new Secret(""), List.of()));

    waitFor("the token form", () -> browser.findElement(By.id("token-form")).isDisplayed());
    assertThat(text("cpu-value")).isEqualTo("—");

    browser.findElement(By.id("token-input")).sendKeys(TOKEN);
    browser.findElement(By.cssSelector("#token-form button")).click();

    String expected = restCpu(TOKEN);
    waitFor("CPU after the token", () -> text("cpu-value").equals(expected));
    waitFor("live connection", () -> text("connection").equals("live"));

    // kept for the session: a reload does not ask again
    browser.navigate().refresh();
    waitFor("CPU after a reload", () -> text("cpu-value").equals(expected));
    assertThat(browser.findElement(By.id("token-form")).isDisplayed()).isFalse();
  }

  @Test
  void aWrongTokenIsSaidSo() {
    publishSample();
    open(new ApiAccess(new Secret(TOKEN), new Secret(""), List.of()));
    waitFor("the token form", () -> browser.findElement(By.id("token-form")).isDisplayed());

    browser.findElement(By.id("token-input")).sendKeys("not-the-right-token-at-all");
    browser.findElement(By.cssSelector("#token-form button")).click();

    waitFor("the refusal", () -> text("token-error").contains("refused"));
    assertThat(text("connection")).isEqualTo("unauthorized");
  }

  @Test
  void theStripShowsTheApisNumbersAndSaysWhyAValueIsUnknown() throws Exception {
    publishSample();
    open(ApiAccess.OPEN);
    waitFor("live connection", () -> text("connection").equals("live"));

    JsonNode queues = rest("/metrics/queues");
    assertThat(queues.path("total_depth").asLong()).isEqualTo(623);
    waitFor(
        "the backlog as /metrics/queues has it", () -> text("strip-backlog-value").equals("623"));
    assertThat(text("strip-clients-value"))
        .isEqualTo(rest("/metrics/clients").path("active_clients").asText());
    // PipeLine_1_phone_data: 500 waiting, nothing acked
    assertThat(text("strip-drain-value")).isEqualTo("not draining");
    assertThat(text("strip-drain-why")).isEqualTo("PipeLine_1_phone_data");
    assertThat(browser.findElement(By.id("strip-backlog")).getAttribute("href"))
        .endsWith("#queues");

    // unknown: "—" and why, as small text and as the tooltip; never 0
    assertThat(text("strip-gpu-value")).isEqualTo("—");
    assertThat(text("strip-gpu-why")).isEqualTo("collector off: NVML not found");
    assertThat(browser.findElement(By.id("strip-gpu")).getAttribute("title"))
        .contains("NVML not found");
    String latencyWhy =
        rest("/metrics/pipelines").path("unobservable").path("result_latency").asText();
    assertThat(latencyWhy).isNotEmpty();
    assertThat(text("strip-latency-value")).isEqualTo("—");
    assertThat(text("strip-latency-why")).isEqualTo(latencyWhy);
    // without an alert engine nothing says whether all is well
    assertThat(text("strip-firing-value")).isEqualTo("—");
    assertThat(text("strip-state-value")).isEqualTo("unknown");
    assertNoConsoleErrors();
  }

  @Test
  void aCriticalAlertTurnsTheStripCriticalAndIsSilencedAndUnsilencedFromThePanel()
      throws Exception {
    alerts = Optional.of(Alerting.engine(registry));
    publishSample();
    registry.publish(RabbitNodesSnapshot.FAMILY, new RabbitNodesSnapshot(List.of(alarmedNode())));
    open(ApiAccess.OPEN);

    waitFor("the critical state", () -> text("strip-state-value").equals("critical"));
    assertThat(text("strip-state-why")).contains("RabbitMqMemoryAlarm");
    JsonNode api = rest("/alerts");
    long firing = api.path("firing").asLong();
    for (JsonNode a : api.path("alerts")) {
      // one without data that had fired still fires
      firing += a.path("state").asText().equals("no_data") && !a.path("fired_at").isNull() ? 1 : 0;
    }
    assertThat(text("strip-firing-value")).isEqualTo(Long.toString(firing));

    waitFor("the alert in the panel", () -> text("alert-rows").contains("RabbitMqMemoryAlarm"));
    String rowText = read("the alert's row", () -> alertRow("RabbitMqMemoryAlarm").getText());
    assertThat(rowText).contains("critical").contains("firing").contains("node=rabbit@mq1");
    String runbook =
        read(
            "the alert's runbook",
            () ->
                alertRow("RabbitMqMemoryAlarm")
                    .findElement(By.linkText("runbook"))
                    .getAttribute("href"));
    assertThat(runbook).endsWith("/runbooks#rabbitmqmemoryalarm");
    // the link leads somewhere: the service's runbooks page, with that section
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(runbook.replaceAll("#.*", ""))).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"rabbitmqmemoryalarm\"");
    saveScreenshot("dashboard-alerts.png");

    browser.findElement(By.id("silence-comment")).sendKeys("broker maintenance");
    read(
        "the silence button",
        () -> {
          alertRow("RabbitMqMemoryAlarm")
              .findElement(By.cssSelector("button[data-silence]"))
              .click();
          return true;
        });
    waitFor("the silence in the API", () -> activeSilences().size() == 1);
    JsonNode silence = activeSilences().get(0);
    assertThat(silence.path("createdBy").asText()).isEqualTo("dashboard");
    assertThat(silence.path("comment").asText()).isEqualTo("broker maintenance");
    List<String> matchers = new java.util.ArrayList<>();
    silence
        .path("matchers")
        .forEach(m -> matchers.add(m.path("name").asText() + "=" + m.path("value").asText()));
    assertThat(matchers)
        .containsExactlyInAnyOrder(
            "alertname=RabbitMqMemoryAlarm", "node=rabbit@mq1", "severity=critical");
    waitFor(
        "the alert marked", () -> alertRow("RabbitMqMemoryAlarm").getText().contains("silenced"));
    waitFor("the silence listed", () -> text("silence-rows").contains("broker maintenance"));

    browser.findElement(By.cssSelector("#silence-rows button[data-expire]")).click();
    waitFor("the silence expired", () -> activeSilences().isEmpty());
    waitFor("the list emptied", () -> text("silences-empty").equals("No active silence."));
    assertThat(text("alerts-error")).isEmpty();
    assertNoConsoleErrors();
  }

  @Test
  void aTrendChartsLastPointIsHistorysAndFollowsTheFeed() throws Exception {
    publishSample();
    open(ApiAccess.OPEN);
    waitFor("live connection", () -> text("connection").equals("live"));

    // a chart off screen is neither read nor drawn: the host's are low on the page
    showChart("trend-cpu");
    JsonNode points = rest("/history?series=system.cpu_percent&window=15m").path("series");
    JsonNode last = points.path("system.cpu_percent").get(11);
    waitFor(
        "the CPU chart's last point as /history has it",
        () ->
            lastPoint("trend-cpu", "cpu")
                .equals(List.of(last.get(0).asLong(), last.get(1).asDouble())));

    clock.advance(Duration.ofSeconds(5));
    registry.publish(HostSnapshot.FAMILY, HostSnapshots.withCpu(42.5));
    JsonNode next = rest("/history?series=system.cpu_percent&window=15m").path("series");
    JsonNode newest = next.path("system.cpu_percent").get(12);
    assertThat(newest.get(1).asDouble()).isEqualTo(42.5);
    waitFor(
        "the new point from the feed",
        () -> lastPoint("trend-cpu", "cpu").equals(List.of(newest.get(0).asLong(), 42.5)));

    // 24 h: the one-minute tier, each minute's average, over a day
    browser.findElement(By.id("range-24h")).click();
    waitFor("the 24 h range", () -> text("range-note").equals("one-minute averages"));
    waitFor(
        "a day drawn",
        () -> {
          List<?> range =
              (List<?>) js("return document.getElementById('trend-cpu').frChart.range();");
          return ((Number) range.get(1)).longValue() - ((Number) range.get(0)).longValue()
              == Duration.ofHours(24).toMillis();
        });
    List<Object> minute = lastPoint("trend-cpu", "cpu");
    JsonNode trend =
        rest("/history?series=system.cpu_percent&window=24h")
            .path("series")
            .path("system.cpu_percent");
    JsonNode lastMinute = trend.get(trend.size() - 1);
    assertThat(minute).containsExactly(lastMinute.get(0).asLong(), lastMinute.get(2).asDouble());
    assertThat(browser.findElement(By.id("range-24h")).getAttribute("aria-pressed"))
        .isEqualTo("true");
    assertNoConsoleErrors();
  }

  @Test
  void aBlockedClientIsOnTheTimelineAndMarkedOnEveryChart() throws Exception {
    publishSample();
    open(ApiAccess.OPEN);
    waitFor("live connection", () -> text("connection").equals("live"));
    waitFor("the CPU chart", () -> !lastPoint("trend-cpu", "cpu").isEmpty());

    long at = clock.instant().minusSeconds(20).toEpochMilli();
    registry.appendEvent(
        new io.frmonitor.model.Event(
            Instant.ofEpochMilli(at),
            "client_state_change",
            java.util.Map.of("client", "carter", "from", "paused", "to", "blocked")));
    waitFor("the timeline entry", () -> text("timeline").contains("carter: paused → blocked"));
    waitFor(
        "the marker drawn on the clients chart", () -> markersDrawn("trend-clients").contains(at));
    showChart("trend-cpu");
    waitFor("the marker drawn on the CPU chart", () -> markersDrawn("trend-cpu").contains(at));

    // its time marked on every chart; its client's page one click away
    browser.findElement(By.cssSelector("#timeline li[data-t='" + at + "'] button.when")).click();
    assertThat(((Number) js("return window.frCharts.focused();")).longValue()).isEqualTo(at);
    assertThat(browser.findElement(By.linkText("carter")).getAttribute("href"))
        .endsWith("#/client/carter");

    // filtered out: gone from the list and from the charts
    browser
        .findElement(By.cssSelector("#timeline-kinds input[value='client_state_change']"))
        .click();
    waitFor("the entry filtered out", () -> !text("timeline").contains("carter"));
    waitFor("the marker gone", () -> !markersDrawn("trend-clients").contains(at));
    assertNoConsoleErrors();
  }

  @Test
  void drillDownPagesOpenFromTheirDeepLinksAndSurviveAReload() throws Exception {
    publishSample();
    server = serve(0, ApiAccess.OPEN);
    browser = HeadlessChromium.start(1400, 2200);
    String root = "http://127.0.0.1:" + server.port() + "/";
    browser.get(root + "#/client/obama");
    waitFor("the client's page", () -> text("view-title").equals("Client obama"));
    waitFor("its state", () -> text("view-client-state").equals("✖ blocked"));
    assertThat(browser.findElement(By.id("overview")).isDisplayed()).isFalse();
    browser.navigate().refresh();
    waitFor("its state after a reload", () -> text("view-client-state").equals("✖ blocked"));

    browser.get(root + "#/queue/PipeLine_1_phone_data");
    waitFor("the queue's page", () -> text("view-title").equals("Queue PipeLine_1_phone_data"));
    waitFor("its depth as /metrics/queues has it", () -> text("view-queue-depth").equals("500"));
    waitFor("its depth chart", () -> lastPoint("view-chart-depth", "depth").size() == 2);

    browser.get(root + "#/pipeline/1");
    waitFor("the pipeline's page", () -> text("view-title").equals("Pipeline 1"));
    waitFor("its queues", () -> text("view-queues").contains("PipeLine_1_phone_data 500"));
    assertThat(text("view-queues")).contains("PipeLine_1_face_data 3");

    browser.findElement(By.linkText("← overview")).click();
    waitFor("the overview", () -> browser.findElement(By.id("overview")).isDisplayed());
    assertThat(browser.findElement(By.id("view")).isDisplayed()).isFalse();
    assertNoConsoleErrors();
  }

  @Test
  void theThemeSwitchesAndIsKeptAndTheKeyboardReachesEverything() throws Exception {
    publishSample();
    open(ApiAccess.OPEN);
    waitFor("live connection", () -> text("connection").equals("live"));
    String light = background();
    String start = (String) js("return document.documentElement.dataset.theme || 'system';");
    assertThat(start).isEqualTo("system");

    browser.findElement(By.id("theme-toggle")).click();
    assertThat(js("return document.documentElement.dataset.theme;")).isEqualTo("dark");
    assertThat(background()).isNotEqualTo(light).isEqualTo("rgb(17, 21, 28)");
    assertThat(text("theme-toggle")).contains("light theme");
    browser.navigate().refresh();
    waitFor("dark after a reload", () -> background().equals("rgb(17, 21, 28)"));

    // the first Tab reaches the skip link; Enter on it moves on to the cards
    browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
    assertThat(js("return document.activeElement.textContent;")).isEqualTo("Skip to the cards");
    browser.findElement(By.id("range-15m")).sendKeys(org.openqa.selenium.Keys.ENTER);
    waitFor(
        "the range chosen by keyboard",
        () -> "true".equals(browser.findElement(By.id("range-15m")).getAttribute("aria-pressed")));
    assertNoConsoleErrors();
  }

  /** Scrolls a chart into view: off screen, a chart is neither read nor drawn. */
  private void showChart(String id) {
    js("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", id);
  }

  private String background() {
    return (String) js("return getComputedStyle(document.body).backgroundColor;");
  }

  private Object js(String script, Object... args) {
    return ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(script, args);
  }

  /** The last point of a chart's line, as drawn: [epoch ms, value], or empty. */
  @SuppressWarnings("unchecked")
  private List<Object> lastPoint(String chart, String line) {
    Object point =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript(
                "const c = document.getElementById(arguments[0]).frChart;"
                    + " const p = c && c.lastPoints()[arguments[1]]; return p || [];",
                chart,
                line);
    List<Object> out = new java.util.ArrayList<>();
    for (Object o : (List<Object>) point) {
      out.add(
          o instanceof Number n && out.isEmpty()
              ? (Object) n.longValue()
              : (Object) ((Number) o).doubleValue());
    }
    return out;
  }

  /** The times of the markers a chart drew. */
  private List<Long> markersDrawn(String chart) {
    List<?> drawn =
        (List<?>)
            ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                    "return document.getElementById(arguments[0]).frChart.drawnMarkers().map(m => m.t);",
                    chart);
    return drawn.stream().map(t -> ((Number) t).longValue()).toList();
  }

  private static RabbitNodesSnapshot.Node alarmedNode() {
    return new RabbitNodesSnapshot.Node(
        "rabbit@mq1",
        true,
        OptionalLong.of(950),
        OptionalLong.of(1000),
        Optional.of(true),
        OptionalLong.of(10_000_000_000L),
        OptionalLong.of(50_000_000),
        Optional.of(false),
        OptionalLong.of(100),
        OptionalLong.of(1000),
        OptionalLong.empty(),
        OptionalLong.empty(),
        OptionalLong.of(500),
        OptionalLong.of(1_000_000),
        OptionalLong.of(3600),
        List.of());
  }

  private WebElement alertRow(String alertname) {
    return browser.findElements(By.cssSelector("#alert-rows tr")).stream()
        .filter(r -> r.getText().contains(alertname))
        .findFirst()
        .orElseThrow(() -> new org.openqa.selenium.NotFoundException(alertname));
  }

  private List<JsonNode> activeSilences() {
    try {
      List<JsonNode> active = new java.util.ArrayList<>();
      rest("/alerts/silences")
          .forEach(
              s -> {
                if (!s.path("status").path("state").asText().equals("expired")) {
                  active.add(s);
                }
              });
      return active;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode rest(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build();
    return Json.MAPPER.readTree(
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  /** Nothing the page did was an error in the browser's console (failed requests included). */
  private void assertNoConsoleErrors() {
    List<String> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .toList();
    assertThat(errors).as("errors in the browser console").isEmpty();
  }

  private void saveScreenshot() throws Exception {
    saveScreenshot("dashboard.png");
  }

  private void saveScreenshot(String name) throws Exception {
    Path out = Path.of("target", name);
    Files.createDirectories(out.getParent());
    Files.write(out, browser.getScreenshotAs(OutputType.BYTES));
  }
}

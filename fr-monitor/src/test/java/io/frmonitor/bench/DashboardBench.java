package io.frmonitor.bench;

import io.frmonitor.api.ApiServer;
import io.frmonitor.app.Families;
import io.frmonitor.config.HttpSettings;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.HeadlessChromium;
import io.frmonitor.testing.HostSnapshots;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's cost in the browser, printed as figures for docs/performance.md: the server
 * in-process with an hour of history at 5 s of every family (the host's varying, the others'
 * examples), the page opened in real headless Chromium (its first visit, the cache empty; the
 * server warmed up as a running service is); the time from asking for the page to the CPU tile
 * showing its value (first useful paint) and the browser's first contentful paint; the bytes the
 * page transferred (HTML, JS, CSS, the first REST calls; the WebSocket apart) and of them JS and
 * CSS; and the CPU all of Chromium's processes use while the page sits idle and while it is live (a
 * collection of every family a second — five times the default rate — and one every 5 s), as a
 * share of one core, against the same browser's on an empty page. Run by {@code
 * scripts/bench-dashboard}.
 */
public final class DashboardBench {
  private static final int SECONDS = 30;
  private static final long TICK = 100; // jiffies a second (CLK_TCK on Linux)

  private DashboardBench() {}

  public static void main(String[] args) throws Exception {
    ManualClock clock = new ManualClock(Instant.now().minus(Duration.ofHours(1)));
    MetricRegistry registry = Registries.forApiTests(clock);
    // an hour at 5 s of every family: the host's varying, the others' examples
    for (int i = 0; i < 720; i++) {
      clock.advance(Duration.ofSeconds(5));
      collect(registry, 20 + 15 * Math.sin(i / 20.0));
    }
    ApiServer server =
        new ApiServer(
                new HttpSettings("127.0.0.1", 0),
                "S1",
                Families.CATALOG,
                registry,
                () -> true,
                Optional.empty())
            .start();
    Path profile = Files.createTempDirectory("fr-dashboard-bench");
    // DASHBOARD_TRACE=1: a Chromium trace of the whole run, summarised for the live phase
    boolean tracing = "1".equals(System.getenv("DASHBOARD_TRACE"));
    Path trace = profile.resolve("trace.json");
    ChromeDriver browser =
        tracing
            ? HeadlessChromium.start(
                1920,
                1080,
                "--user-data-dir=" + profile,
                "--trace-startup=devtools.timeline,blink.user_timing,disabled-by-default-devtools.timeline,cc,viz,gpu",
                "--trace-startup-file=" + trace,
                "--trace-startup-format=json",
                "--trace-startup-duration=3600")
            : HeadlessChromium.start(1920, 1080, "--user-data-dir=" + profile);
    try {
      // the server warmed up (as a running service is), Chromium started; the page's first visit
      // is measured, its cache empty
      warm(server.port());
      browser.get("about:blank");
      long start = System.nanoTime();
      browser.get("http://127.0.0.1:" + server.port() + "/");
      awaitCpuValue(browser, 30_000);
      double usefulMs = (System.nanoTime() - start) / 1e6;
      JavascriptExecutor js = browser;
      // then the hour of history in every chart
      new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(5))
          .until(
              b ->
                  (Boolean)
                      js.executeScript(
                          "const c = document.getElementById('trend-cpu').frChart;"
                              + " return !!(c && c.lastPoints().cpu);"));
      double historyMs = (System.nanoTime() - start) / 1e6;
      System.out.println(
          js.executeScript(
              "const n = performance.getEntriesByType('navigation')[0];"
                  + " return 'page_marks_ms dom_content_loaded=' + Math.round(n.domContentLoadedEventEnd)"
                  + " + ' ' + performance.getEntriesByType('mark')"
                  + ".map(m => m.name + '=' + Math.round(m.startTime)).join(' ');"));
      Thread.sleep(3000); // settled
      Object fcp =
          js.executeScript(
              "const p = performance.getEntriesByName('first-contentful-paint')[0];"
                  + " return p ? p.startTime : -1;");
      Object bytes =
          js.executeScript(
              "const n = performance.getEntriesByType('navigation')[0];"
                  + " return performance.getEntriesByType('resource')"
                  + ".filter(r => !r.name.startsWith('ws'))"
                  + ".reduce((a, r) => a + r.transferSize, n ? n.transferSize : 0);");
      Object scripts =
          js.executeScript(
              "return performance.getEntriesByType('resource')"
                  + ".filter(r => /\\.(js|css)$/.test(r.name))"
                  + ".reduce((a, r) => a + r.encodedBodySize, 0);");

      browser.executeCdpCommand("Performance.enable", Map.of());
      Map<String, Double> m0 = pageMetrics(browser);
      Map<String, Double> idle = chromiumCpuShare(profile, SECONDS, () -> {});
      Map<String, Double> m1 = pageMetrics(browser);
      js.executeScript("performance.mark('bench-live-start')");
      Map<String, Double> live =
          chromiumCpuShare(
              profile,
              SECONDS,
              () -> {
                clock.advance(Duration.ofSeconds(1));
                collect(registry, Math.random() * 100);
              });
      js.executeScript("performance.mark('bench-live-end')");
      Map<String, Double> m2 = pageMetrics(browser);
      // and at the service's default rate: a collection every 5 s
      int[] second = {0};
      Map<String, Double> live5 =
          chromiumCpuShare(
              profile,
              2 * SECONDS,
              () -> {
                clock.advance(Duration.ofSeconds(1));
                if (second[0]++ % 5 == 0) {
                  collect(registry, Math.random() * 100);
                }
              });
      // DASHBOARD_PROFILE=1: where the page's script time goes at a collection a second (the
      // sampling profiler costs CPU itself, so it runs after the measured phases)
      if ("1".equals(System.getenv("DASHBOARD_PROFILE"))) {
        browser.executeCdpCommand("Profiler.enable", Map.of());
        browser.executeCdpCommand("Profiler.start", Map.of());
        for (int s = 0; s < 15; s++) {
          clock.advance(Duration.ofSeconds(1));
          collect(registry, Math.random() * 100);
          Thread.sleep(1000);
        }
        CpuProfile.printHottest(browser.executeCdpCommand("Profiler.stop", Map.of()), 25);
      }
      // Chromium's own floor: the same browser with an empty page
      browser.get("about:blank");
      Thread.sleep(3000);
      Map<String, Double> blank = chromiumCpuShare(profile, SECONDS, () -> {});
      System.out.printf(
          "chromium_cpu_percent_by_process idle=%s live=%s live_5s=%s blank=%s%n",
          idle, live, live5, blank);
      for (String name :
          List.of("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")) {
        System.out.printf(
            "page_%s_ms_per_s idle=%.2f live=%.2f%n",
            name,
            1000 * (m1.get(name) - m0.get(name)) / SECONDS,
            1000 * (m2.get(name) - m1.get(name)) / SECONDS);
      }
      System.out.printf(
          "first_useful_paint_ms=%.0f history_drawn_ms=%.0f first_contentful_paint_ms=%.0f"
              + " transferred_bytes=%s js_css_bytes=%s idle_cpu_percent=%.2f"
              + " live_1s_cpu_percent=%.2f%n",
          usefulMs,
          historyMs,
          ((Number) fcp).doubleValue(),
          bytes,
          scripts,
          idle.get("all"),
          live.get("all"));
      System.out.printf(
          "live_5s_cpu_percent=%.2f page_cpu_percent_over_blank idle=%.2f live=%.2f live_5s=%.2f"
              + " blank=%.2f%n",
          live5.get("all"),
          idle.get("all") - blank.get("all"),
          live.get("all") - blank.get("all"),
          live5.get("all") - blank.get("all"),
          blank.get("all"));
    } finally {
      browser.quit();
      server.close();
    }
    if (tracing) {
      TraceSummary.print(trace, "bench-live-start", "bench-live-end", 40);
    }
    // Selenium's and the server's pools leave non-daemon threads behind: the bench is over
    System.exit(0);
  }

  /** The page's main-thread metrics (Chrome DevTools' Performance domain), seconds and counts. */
  @SuppressWarnings("unchecked")
  private static Map<String, Double> pageMetrics(ChromeDriver browser) {
    Map<String, Double> out = new java.util.HashMap<>();
    List<Map<String, Object>> metrics =
        (List<Map<String, Object>>)
            browser.executeCdpCommand("Performance.getMetrics", Map.of()).get("metrics");
    metrics.forEach(m -> out.put((String) m.get("name"), ((Number) m.get("value")).doubleValue()));
    return out;
  }

  /** Asks the server for the page, its assets and its first REST calls, a few hundred times. */
  private static void warm(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String[] paths = {
      "/",
      "/ui/app.js",
      "/ui/cards.js",
      "/ui/feed.js",
      "/ui/charts.js",
      "/ui/trends.js",
      "/ui/style.css",
      "/history",
      "/history?series=system.cpu_percent&window=1h",
      "/metrics/actions",
      "/metrics/system"
    };
    // and the live feed: its first snapshot, as a running service has sent many
    for (int i = 0; i < 50; i++) {
      java.util.concurrent.CompletableFuture<Void> snapshot =
          new java.util.concurrent.CompletableFuture<>();
      java.net.http.WebSocket ws =
          http.newWebSocketBuilder()
              .buildAsync(
                  URI.create("ws://127.0.0.1:" + port + "/ws/metrics"),
                  new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(
                        java.net.http.WebSocket socket, CharSequence data, boolean last) {
                      if (last) {
                        snapshot.complete(null);
                      }
                      socket.request(1);
                      return null;
                    }
                  })
              .get(10, java.util.concurrent.TimeUnit.SECONDS);
      // bounded: a feed that does not answer fails the bench instead of hanging it
      snapshot.get(10, java.util.concurrent.TimeUnit.SECONDS);
      ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "")
          .get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
    for (int i = 0; i < 200; i++) {
      for (String path : paths) {
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html")
                .build(),
            HttpResponse.BodyHandlers.discarding());
      }
    }
  }

  /** One collection of every family: the host's with this CPU, the others' examples. */
  private static void collect(MetricRegistry registry, double cpu) {
    registry.publish(HostSnapshot.FAMILY, HostSnapshots.withCpu(cpu));
    for (FamilySpec<?> spec : Families.CATALOG.specs()) {
      if (!spec.name().equals("system")) {
        publish(spec, registry);
      }
    }
  }

  private static <T> void publish(FamilySpec<T> spec, MetricRegistry registry) {
    registry.publish(spec.family(), spec.example());
  }

  private static void awaitCpuValue(ChromeDriver browser, long timeoutMs) {
    new WebDriverWait(browser, Duration.ofMillis(timeoutMs), Duration.ofMillis(5))
        .withMessage("the CPU tile never showed a value")
        .until(
            b -> {
              String v = b.findElement(By.id("cpu-value")).getText();
              return !v.isEmpty() && !v.equals("—");
            });
  }

  /**
   * CPU all of this Chromium's processes used over {@code seconds}, as a percentage of one core,
   * {@code each} run once a second meanwhile.
   */
  private static Map<String, Double> chromiumCpuShare(Path profile, int seconds, Runnable each)
      throws IOException, InterruptedException {
    Map<String, Long> before = chromiumJiffies(profile);
    long start = System.nanoTime();
    for (int s = 0; s < seconds; s++) {
      each.run();
      Thread.sleep(1000);
    }
    Map<String, Long> after = chromiumJiffies(profile);
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    Map<String, Double> share = new java.util.TreeMap<>();
    after.forEach(
        (type, jiffies) ->
            share.put(
                type,
                Math.round(
                        100.0
                            * (jiffies - before.getOrDefault(type, 0L))
                            / TICK
                            / wallSeconds
                            * 100)
                    / 100.0));
    return share;
  }

  /**
   * utime + stime of every process started with this profile directory, by Chromium's process type
   * ({@code browser}, {@code renderer}, {@code gpu-process}, {@code utility} …), and {@code all}.
   */
  private static Map<String, Long> chromiumJiffies(Path profile) throws IOException {
    Map<String, Long> total = new java.util.TreeMap<>();
    List<Path> procs = new ArrayList<>();
    try (var dirs = Files.list(Path.of("/proc"))) {
      dirs.filter(p -> p.getFileName().toString().matches("[0-9]+")).forEach(procs::add);
    }
    for (Path p : procs) {
      try {
        String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
        if (!cmd.contains(profile.toString())) {
          continue;
        }
        String stat = Files.readString(p.resolve("stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
        long jiffies = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        java.util.regex.Matcher type =
            java.util.regex.Pattern.compile("--type=([a-z-]+)").matcher(cmd);
        total.merge(type.find() ? type.group(1) : "browser", jiffies, Long::sum);
        total.merge("all", jiffies, Long::sum);
      } catch (IOException e) {
        // the process ended meanwhile
      }
    }
    return total;
  }
}

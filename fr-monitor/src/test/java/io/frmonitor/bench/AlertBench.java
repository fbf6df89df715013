package io.frmonitor.bench;

import io.frmonitor.alert.engine.AlertEngine;
import io.frmonitor.alert.engine.AlertHistory;
import io.frmonitor.alert.engine.Silences;
import io.frmonitor.alert.eval.AlertState;
import io.frmonitor.alert.eval.Availability;
import io.frmonitor.alert.eval.Evaluator;
import io.frmonitor.alert.eval.Observation;
import io.frmonitor.alert.eval.Series;
import io.frmonitor.alert.eval.SeriesWindows;
import io.frmonitor.alert.notify.Notifier;
import io.frmonitor.alert.notify.WebhookNotifier;
import io.frmonitor.alert.rule.RuleSet;
import io.frmonitor.alert.rule.RulesLoader;
import io.frmonitor.app.Families;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Health;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Receiver;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The alert engine's cost, printed as figures for docs/performance.md: CPU per evaluation with the
 * shipped rules over every family's example snapshot (sampling, evaluating and publishing, as the
 * service does after a collection); CPU per evaluation of the pure evaluator with 500 rules over
 * 5,000 series with five-minute windows; and the time from a condition (a collector going down) to
 * a webhook receiving the alert. Run by {@code scripts/bench-alerts}.
 */
public final class AlertBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(5);

  private AlertBench() {}

  public static void main(String[] args) throws Exception {
    shippedRules();
    manyRules();
    conditionToWebhook();
  }

  /** The shipped rules, as the service runs them after each collection. */
  private static void shippedRules() {
    ManualClock clock = new ManualClock(T0);
    MetricRegistry registry =
        new MetricRegistry(clock, Duration.ofHours(1), 720, 10_000, 1_000, Duration.ofMinutes(1));
    RuleSet rules = loader().defaults();
    AlertEngine engine =
        new AlertEngine(
            rules,
            Families.CATALOG,
            registry,
            List.of(),
            new Silences(),
            new AlertHistory(1_000),
            Runnable::run);
    double[] cpu = new double[2_000];
    for (int i = -500; i < cpu.length; i++) {
      clock.advance(STEP);
      publishExamples(registry, clock.instant());
      long start = THREADS.getCurrentThreadCpuTime();
      engine.request();
      if (i >= 0) {
        cpu[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
      }
    }
    System.out.printf(
        "shipped_rules=%d families=%d eval_cpu_ms median=%.3f p99=%.3f%n",
        rules.rules().size(), Families.CATALOG.specs().size(), median(cpu), p99(cpu));
  }

  private static void publishExamples(MetricRegistry registry, Instant at) {
    for (FamilySpec<?> spec : Families.CATALOG.specs()) {
      if (!spec.name().equals("alerts")) {
        publish(spec, registry);
        registry.updateStatus(status(spec.name(), Health.OK, at));
      }
    }
  }

  private static <T> void publish(FamilySpec<T> spec, MetricRegistry registry) {
    registry.publish(spec.family(), spec.example());
  }

  /** 500 rules over 5,000 series, five-minute windows full: the pure evaluator alone. */
  private static void manyRules() throws Exception {
    RuleSet rules = syntheticRules();
    SeriesWindows windows = new SeriesWindows(rules.windowsByMetric(), 20_000);
    Map<String, Availability> available = new HashMap<>();
    rules.metrics().forEach(m -> available.put(m, Availability.OK));
    AlertState state = AlertState.EMPTY;
    double[] cpu = new double[300];
    int seriesCount = 0;
    for (int i = -120; i < cpu.length; i++) {
      Instant at = T0.plus(STEP.multipliedBy(i + 121L));
      Map<String, List<Series>> series = syntheticSeries(i);
      List<Series> all = series.values().stream().flatMap(List::stream).toList();
      seriesCount = all.size();
      long start = THREADS.getCurrentThreadCpuTime();
      windows.record(at, all);
      state =
          Evaluator.evaluate(rules, new Observation(at, series, available, windows), state).state();
      if (i >= 0) {
        cpu[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
      }
    }
    System.out.printf(
        "rules=%d series=%d windowed_series=%d instances=%d eval_cpu_ms median=%.2f p99=%.2f%n",
        rules.rules().size(),
        seriesCount,
        windows.size(),
        state.all().size(),
        median(cpu),
        p99(cpu));
  }

  /**
   * 500 rules the way rule sets grow: 300 on one queue each (a threshold, 200 of them with a {@code
   * for}), 100 rates of one queue's counter over 5 minutes, 80 averages over 5 minutes of a hundred
   * queues each (a regular expression), 20 over every filesystem but one.
   */
  private static RuleSet syntheticRules() throws Exception {
    StringBuilder y = new StringBuilder("rules:\n");
    for (int i = 0; i < 300; i++) {
      rule(
          y,
          "Depth" + i,
          "fr_queue_depth{queue=\"q" + i + "\"}",
          "",
          "\">\"",
          1000,
          i < 200 ? "1m" : "");
    }
    for (int i = 0; i < 100; i++) {
      rule(
          y, "Rate" + i, "fr_queue_published_total{queue=\"q" + i + "\"}", "rate", "\">\"", 50, "");
    }
    for (int i = 0; i < 80; i++) {
      rule(
          y,
          "Avg" + i,
          // each a different expression over ten queues: q10x, q11x, ...
          "fr_queue_depth{queue=~\"q" + (10 + i) + "[0-9]\"}",
          "avg",
          "\">\"",
          900,
          "");
    }
    for (int i = 0; i < 20; i++) {
      rule(
          y,
          "Disk" + i,
          "fr_system_filesystem_used_ratio{mount!=\"/m" + i + "\"}",
          "",
          "\">\"",
          0.95,
          "");
    }
    Path file = Files.createTempFile("bench-rules", ".yml");
    try {
      Files.writeString(file, y);
      RuleSet all = loader().load(Optional.of(file));
      return new RuleSet(
          all.rules().stream().filter(r -> !r.source().equals("default")).toList(), Set.of());
    } finally {
      Files.delete(file);
    }
  }

  private static void rule(
      StringBuilder y, String name, String metric, String reduce, String op, double t, String f) {
    y.append("  - alert: ").append(name).append('\n');
    y.append("    metric: '").append(metric).append("'\n");
    if (!reduce.isEmpty()) {
      y.append("    reduce: ").append(reduce).append("\n    window: 5m\n");
    }
    y.append("    op: ").append(op).append("\n    threshold: ").append(t).append('\n');
    if (!f.isEmpty()) {
      y.append("    for: ").append(f).append('\n');
    }
  }

  /** 2,000 queues' depth and publish counter, 1,000 filesystems: 5,000 series; 1 % above. */
  private static Map<String, List<Series>> syntheticSeries(int step) {
    Map<String, List<Series>> out = new HashMap<>();
    List<Series> depth = new ArrayList<>();
    List<Series> published = new ArrayList<>();
    for (int q = 0; q < 2_000; q++) {
      Map<String, String> labels = Map.of("queue", "q" + q, "owner", "fr-server");
      depth.add(new Series("fr_queue_depth", labels, q % 100 == 0 ? 5_000 : q % 700));
      published.add(new Series("fr_queue_published_total", labels, (double) step * (q % 200) * 5));
    }
    List<Series> disks = new ArrayList<>();
    for (int m = 0; m < 1_000; m++) {
      disks.add(
          new Series(
              "fr_system_filesystem_used_ratio",
              Map.of("mount", "/m" + m),
              m % 100 == 0 ? 0.97 : 0.5));
    }
    out.put("fr_queue_depth", depth);
    out.put("fr_queue_published_total", published);
    out.put("fr_system_filesystem_used_ratio", disks);
    return out;
  }

  /** A collector goes down, with a rule without {@code for} on it: how soon the webhook hears. */
  private static void conditionToWebhook() throws Exception {
    Path file = Files.createTempFile("bench-rules", ".yml");
    Files.writeString(
        file,
        """
        rules:
          - alert: XDown
            metric: 'fr_collector_up{collector="x"}'
            op: "=="
            threshold: 0
        """);
    RuleSet all = loader().load(Optional.of(file));
    Files.delete(file);
    RuleSet rules =
        new RuleSet(all.rules().stream().filter(r -> r.name().equals("XDown")).toList(), Set.of());
    MetricRegistry registry =
        new MetricRegistry(
            Clock.systemUTC(), Duration.ofHours(1), 720, 10_000, 1_000, Duration.ofMinutes(1));
    ExecutorService executor = Executors.newSingleThreadExecutor();
    double[] ms = new double[200];
    try (Receiver hook = Receiver.start()) {
      Notifier webhook =
          new WebhookNotifier(
              hook.url("/hook"),
              URI.create("http://bench"),
              Duration.ofHours(4),
              Clock.systemUTC());
      AlertEngine engine =
          new AlertEngine(
              rules,
              Families.CATALOG,
              registry,
              List.of(webhook),
              new Silences(),
              new AlertHistory(1_000),
              executor);
      registry.addListener(engine);
      for (int i = -50; i < ms.length; i++) {
        int before = hook.requests().size();
        long start = System.nanoTime();
        registry.updateStatus(status("x", Health.DOWN, Instant.now()));
        while (hook.requests().size() == before) {
          Thread.onSpinWait();
        }
        if (i >= 0) {
          ms[i] = (System.nanoTime() - start) / 1e6;
        }
        int resolved = hook.requests().size();
        registry.updateStatus(status("x", Health.OK, Instant.now()));
        while (hook.requests().size() == resolved) {
          Thread.onSpinWait();
        }
      }
      engine.close();
    } finally {
      executor.shutdownNow();
    }
    System.out.printf(
        "condition_to_webhook_ms median=%.2f p99=%.2f max=%.2f%n",
        median(ms), p99(ms), Arrays.stream(ms).max().orElse(0));
  }

  private static CollectorStatus status(String name, Health health, Instant at) {
    return new CollectorStatus(
        name,
        List.of(),
        health,
        Optional.of(at),
        health == Health.OK ? Optional.empty() : Optional.of("refused"),
        health == Health.OK ? 0 : 1,
        Optional.empty(),
        false,
        1,
        0,
        Duration.ZERO,
        Duration.ZERO);
  }

  private static RulesLoader loader() {
    return new RulesLoader(Families.CATALOG.metrics());
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double p99(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[(int) Math.ceil(s.length * 0.99) - 1];
  }
}

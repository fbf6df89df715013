package io.frmonitor.state;

import io.frmonitor.alert.engine.AlertEngine;
import io.frmonitor.alert.engine.AlertHistory;
import io.frmonitor.alert.engine.Silences;
import io.frmonitor.alert.rule.RulesLoader;
import io.frmonitor.app.Families;
import io.frmonitor.config.StateSettings;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.model.Event;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ManualClock;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The state file's cost, printed as figures for docs/performance.md: for the series a default
 * deployment has and for 5,000, each a full hour at the default 5 s (720 points of a random walk
 * with two decimals, timestamps a few milliseconds off the beat, as collections are), plus a full
 * event log: the file's size, the CPU and the time to capture, encode and write it (streamed,
 * flushed to the disk), the time and CPU to read, decode and restore it into a fresh registry, the
 * heap's limit and the peak of its pools' use over the case (garbage not yet collected included).
 * Run by {@code scripts/bench-state}.
 */
public final class StateBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final List<MemoryPoolMXBean> HEAP =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .toList();
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  private static final int POINTS = 720;
  private static final int RUNS = 7;
  private static final Duration TREND = Duration.ofHours(24);
  private static final int MINUTES = 1_440;

  private StateBench() {}

  /**
   * Runs the cases and prints a line for each.
   *
   * @param args the cases to run, {@code default} and/or a series count; both {@code default} and
   *     {@code 5000} when none (the script runs each in a JVM of its own, with its own heap)
   */
  public static void main(String[] args) throws Exception {
    for (String c : args.length == 0 ? new String[] {"default", "5000"} : args) {
      int count = c.equals("default") ? defaultSeriesCount() : Integer.parseInt(c);
      retained(c, count);
      measure(c, count);
    }
  }

  /**
   * The heap the full-resolution rings and the one-minute trends of {@code count} full series keep,
   * measured as the used heap after a collection, before and after each is filled.
   */
  private static void retained(String label, int count) {
    MetricRegistry registry = registry(new ManualClock(T0));
    long before = usedAfterGc();
    SplittableRandom random = new SplittableRandom(7);
    long end = T0.toEpochMilli();
    for (int s = 0; s < count; s++) {
      long[] times = new long[POINTS];
      double[] values = new double[POINTS];
      for (int i = 0; i < POINTS; i++) {
        times[i] = end - (POINTS - i) * 5_000L;
        values[i] = i;
      }
      registry.restoreSeries("system.bench_" + s, times, values);
    }
    long rings = usedAfterGc();
    for (int s = 0; s < count; s++) {
      fillTrend(registry, "system.bench_" + s, end, random);
    }
    long trends = usedAfterGc();
    System.out.printf(
        "series=%s count=%d rings_heap_mb=%.1f trends_heap_mb=%.1f (%d series kept)%n",
        label,
        count,
        (rings - before) / 1048576.0,
        (trends - rings) / 1048576.0,
        registry.allTrends().size());
  }

  private static long usedAfterGc() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return r.totalMemory() - r.freeMemory();
  }

  /** The series every family's example snapshot makes: a deployment's usual count. */
  private static int defaultSeriesCount() {
    MetricRegistry registry = registry(new ManualClock(T0));
    Families.CATALOG.defineSeries(registry);
    for (FamilySpec<?> spec : Families.CATALOG.specs()) {
      publish(spec, registry);
    }
    return registry.seriesCount();
  }

  private static <T> void publish(FamilySpec<T> spec, MetricRegistry registry) {
    registry.publish(spec.family(), spec.example());
  }

  private static MetricRegistry registry(ManualClock clock) {
    return new MetricRegistry(
        clock, Duration.ofHours(1), POINTS, 20_000, 1_000, Duration.ofMinutes(1), TREND);
  }

  private static AlertEngine engine(MetricRegistry registry) {
    return new AlertEngine(
        new RulesLoader(Families.CATALOG.metrics()).defaults(),
        Families.CATALOG,
        registry,
        List.of(),
        new Silences(),
        new AlertHistory(1_000),
        Runnable::run);
  }

  private static void measure(String label, int seriesCount) throws IOException {
    HEAP.forEach(MemoryPoolMXBean::resetPeakUsage);
    double[] writeCpu = new double[RUNS];
    double[] writeWall = new double[RUNS];
    double[] restoreWall = new double[RUNS];
    double[] restoreCpu = new double[RUNS];
    long bytes = 0;
    for (int run = 0; run < RUNS; run++) {
      Path dir = Files.createTempDirectory("fr-state-bench");
      ManualClock clock = new ManualClock(T0);
      MetricRegistry registry = registry(clock);
      fill(registry, seriesCount);
      StateKeeper keeper = keeper(dir, registry, clock);
      keeper.restore();
      long cpu = THREADS.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      keeper.write(); // captured, encoded and written in one stream
      writeWall[run] = (System.nanoTime() - wall) / 1e6;
      writeCpu[run] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
      bytes = keeper.lastBytes();
      if (bytes == 0) {
        throw new IllegalStateException("the state was not written");
      }
      keeper.close();

      ManualClock later = new ManualClock(clock.instant().plusSeconds(30));
      MetricRegistry fresh = registry(later);
      StateKeeper next = keeper(dir, fresh, later);
      cpu = THREADS.getCurrentThreadCpuTime();
      wall = System.nanoTime();
      next.restore();
      restoreWall[run] = (System.nanoTime() - wall) / 1e6;
      restoreCpu[run] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
      if (fresh.seriesCount() != seriesCount) {
        throw new IllegalStateException(fresh.seriesCount() + " series restored of " + seriesCount);
      }
      next.close();
      deleteAll(dir);
    }
    System.out.printf(
        "series=%s count=%d points=%d file_bytes=%d bytes_per_point=%.2f write_cpu_ms=%.1f"
            + " write_ms=%.1f restore_ms=%.1f restore_cpu_ms=%.1f heap_max_mb=%d"
            + " heap_peak_mb=%d%n",
        label,
        seriesCount,
        (long) seriesCount * POINTS,
        bytes,
        bytes / (double) ((long) seriesCount * POINTS),
        median(writeCpu),
        median(writeWall),
        median(restoreWall),
        median(restoreCpu),
        Runtime.getRuntime().maxMemory() >> 20,
        HEAP.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20);
  }

  private static StateKeeper keeper(Path dir, MetricRegistry registry, ManualClock clock) {
    return StateKeeper.of(
            new StateSettings(Optional.of(dir), Duration.ofMinutes(1)),
            registry,
            engine(registry),
            clock)
        .orElseThrow();
  }

  /** An hour of points per series, and a full event log, ending at the clock's now. */
  private static void fill(MetricRegistry registry, int seriesCount) {
    SplittableRandom random = new SplittableRandom(42);
    long end = registry.clock().millis();
    for (int s = 0; s < seriesCount; s++) {
      long[] times = new long[POINTS];
      double[] values = new double[POINTS];
      double v = random.nextDouble(0, 100);
      for (int i = 0; i < POINTS; i++) {
        times[i] = end - (POINTS - i) * 5_000L + random.nextInt(0, 8);
        v = Math.max(0, v + random.nextDouble(-1, 1));
        values[i] = Math.round(v * 100) / 100.0;
      }
      registry.restoreSeries("system.bench_" + s, times, values);
      fillTrend(registry, "system.bench_" + s, end, random);
    }
    for (int e = 0; e < 1_000; e++) {
      registry.appendEvent(
          new Event(
              Instant.ofEpochMilli(end - (1_000 - e) * 3_000L),
              "client_state_change",
              Map.of("client", "client-" + e % 50, "from", "active", "to", "paused")));
    }
  }

  /** A day of minutes of a random walk, as the trend tier keeps them. */
  private static void fillTrend(
      MetricRegistry registry, String name, long end, SplittableRandom random) {
    int last = (int) Math.floorDiv(end, 60_000L) - 1;
    int[] minutes = new int[MINUTES];
    float[] mins = new float[MINUTES];
    float[] avgs = new float[MINUTES];
    float[] maxs = new float[MINUTES];
    double v = random.nextDouble(0, 100);
    for (int i = 0; i < MINUTES; i++) {
      minutes[i] = last - MINUTES + 1 + i;
      v = Math.max(0, v + random.nextDouble(-1, 1));
      double spread = random.nextDouble(0, 2);
      mins[i] = (float) (Math.round((v - spread) * 100) / 100.0);
      avgs[i] = (float) v;
      maxs[i] = (float) (Math.round((v + spread) * 100) / 100.0);
    }
    registry.restoreTrend(name, minutes, mins, avgs, maxs);
  }

  private static void deleteAll(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}

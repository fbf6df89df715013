package io.frmonitor.alert.eval;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recent past of the series that windowed rules read: per series, its values at each evaluation
 * over the longest window a rule asks of its metric. Bounded: at most {@code maxSeries} series;
 * more are not kept and are counted.
 *
 * <p>Thread safety: owned by the alert engine's thread.
 */
public final class SeriesWindows {
  private final Map<String, Duration> keepByMetric;
  private final int maxSeries;
  private final Map<String, Map<Series.Key, Points>> byMetric = new HashMap<>();
  private int size;
  private long refused;

  /**
   * @param keepByMetric how far back each metric is kept: its rules' longest window
   */
  public SeriesWindows(Map<String, Duration> keepByMetric, int maxSeries) {
    this.keepByMetric = Map.copyOf(keepByMetric);
    this.maxSeries = maxSeries;
  }

  /** Keeps nothing: for rule sets without a windowed rule. */
  public static SeriesWindows none() {
    return new SeriesWindows(Map.of(), 0);
  }

  /**
   * Records the values of the series of kept metrics at {@code at}, and forgets what is too old.
   */
  public void record(Instant at, Collection<Series> series) {
    long ms = at.toEpochMilli();
    for (Series s : series) {
      if (!keepByMetric.containsKey(s.metric())) {
        continue;
      }
      Map<Series.Key, Points> points = byMetric.computeIfAbsent(s.metric(), m -> new HashMap<>());
      Points p = points.get(s.key());
      if (p == null) {
        if (size >= maxSeries) {
          refused++;
          continue;
        }
        p = new Points();
        points.put(s.key(), p);
        size++;
      }
      p.add(ms, s.value());
    }
    byMetric.forEach(
        (metric, points) -> {
          long cutoff = ms - keepByMetric.getOrDefault(metric, Duration.ZERO).toMillis();
          int before = points.size();
          points.values().removeIf(p -> p.dropBefore(cutoff));
          size -= before - points.size();
        });
  }

  /** The series of {@code metric} with at least one value in ({@code from}, {@code to}]. */
  public List<Series.Key> keysOf(String metric, Instant from, Instant to) {
    List<Series.Key> out = new ArrayList<>();
    byMetric
        .getOrDefault(metric, Map.of())
        .forEach(
            (key, p) -> {
              if (p.anyIn(from.toEpochMilli(), to.toEpochMilli())) {
                out.add(key);
              }
            });
    return out;
  }

  /** The values of {@code key} in ({@code from}, {@code to}], oldest first. */
  public Window window(Series.Key key, Instant from, Instant to) {
    Points p = byMetric.getOrDefault(key.metric(), Map.of()).get(key);
    return p == null ? Window.EMPTY : p.slice(from.toEpochMilli(), to.toEpochMilli());
  }

  /** Series not kept because {@code maxSeries} was reached. */
  public long refused() {
    return refused;
  }

  public int size() {
    return size;
  }

  /**
   * Values at times, oldest first: a view of {@code [from, to)} of a series' arrays, valid until
   * the windows next record (the evaluation that asked for it reads it at once, copying nothing).
   */
  public static final class Window {
    static final Window EMPTY = new Window(new long[0], new double[0]);

    private final long[] times;
    private final double[] values;
    private final int from;
    private final int to;

    /** A window of all of these values. */
    public Window(long[] times, double[] values) {
      this(times, values, 0, times.length);
    }

    Window(long[] times, double[] values, int from, int to) {
      this.times = times;
      this.values = values;
      this.from = from;
      this.to = to;
    }

    public int size() {
      return to - from;
    }

    /** The {@code i}-th time, oldest first. */
    public long time(int i) {
      return times[from + i];
    }

    /** The {@code i}-th value, oldest first. */
    public double value(int i) {
      return values[from + i];
    }
  }

  /** One series' values, in time order, in growable primitive arrays. */
  private static final class Points {
    private long[] times = new long[8];
    private double[] values = new double[8];
    private int start;
    private int end;

    void add(long at, double value) {
      if (end > start && times[end - 1] >= at) {
        values[end - 1] = value; // the same instant again: the newer reading wins
        return;
      }
      if (end == times.length) {
        int live = end - start;
        int capacity = live * 2 > times.length ? times.length * 2 : times.length;
        times = Arrays.copyOfRange(times, start, start + capacity);
        values = Arrays.copyOfRange(values, start, start + capacity);
        start = 0;
        end = live;
      }
      times[end] = at;
      values[end++] = value;
    }

    /** Drops the values at or before {@code cutoff}; true when none is left. */
    boolean dropBefore(long cutoff) {
      while (start < end && times[start] <= cutoff) {
        start++;
      }
      return start == end;
    }

    /** Whether a value lies in ({@code from}, {@code to}]: the first after {@code from} is. */
    boolean anyIn(long from, long to) {
      int next = firstAfter(from);
      return next < end && times[next] <= to;
    }

    /** The values in ({@code from}, {@code to}], found by binary search. */
    Window slice(long from, long to) {
      return new Window(times, values, firstAfter(from), firstAfter(to));
    }

    /** The index of the first value after {@code at}, or {@code end}. */
    private int firstAfter(long at) {
      int i = Arrays.binarySearch(times, start, end, at);
      return i >= 0 ? i + 1 : -i - 1;
    }
  }
}

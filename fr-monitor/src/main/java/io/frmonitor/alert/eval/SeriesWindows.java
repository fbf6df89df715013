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
  private final Map<Series.Key, Points> points = new HashMap<>();
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
      Points p = points.get(s.key());
      if (p == null) {
        if (points.size() >= maxSeries) {
          refused++;
          continue;
        }
        p = new Points();
        points.put(s.key(), p);
      }
      p.add(ms, s.value());
    }
    points.entrySet().removeIf(e -> e.getValue().dropBefore(ms - keepOf(e.getKey()).toMillis()));
  }

  private Duration keepOf(Series.Key key) {
    return keepByMetric.getOrDefault(key.metric(), Duration.ZERO);
  }

  /** The series of {@code metric} with at least one value in ({@code from}, {@code to}]. */
  public List<Series.Key> keysOf(String metric, Instant from, Instant to) {
    List<Series.Key> out = new ArrayList<>();
    points.forEach(
        (key, p) -> {
          if (key.metric().equals(metric) && p.count(from.toEpochMilli(), to.toEpochMilli()) > 0) {
            out.add(key);
          }
        });
    return out;
  }

  /** The values of {@code key} in ({@code from}, {@code to}], oldest first. */
  public Window window(Series.Key key, Instant from, Instant to) {
    Points p = points.get(key);
    return p == null ? Window.EMPTY : p.slice(from.toEpochMilli(), to.toEpochMilli());
  }

  /** Series not kept because {@code maxSeries} was reached. */
  public long refused() {
    return refused;
  }

  public int size() {
    return points.size();
  }

  /** Values at times, oldest first; the arrays are the window's own (never shared). */
  public static final class Window {
    static final Window EMPTY = new Window(new long[0], new double[0]);

    private final long[] times;
    private final double[] values;

    public Window(long[] times, double[] values) {
      this.times = times;
      this.values = values;
    }

    public long[] times() {
      return times;
    }

    public double[] values() {
      return values;
    }

    public int size() {
      return times.length;
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

    int count(long from, long to) {
      int n = 0;
      for (int i = start; i < end; i++) {
        n += times[i] > from && times[i] <= to ? 1 : 0;
      }
      return n;
    }

    Window slice(long from, long to) {
      int a = start;
      while (a < end && times[a] <= from) {
        a++;
      }
      int b = a;
      while (b < end && times[b] <= to) {
        b++;
      }
      return new Window(Arrays.copyOfRange(times, a, b), Arrays.copyOfRange(values, a, b));
    }
  }
}

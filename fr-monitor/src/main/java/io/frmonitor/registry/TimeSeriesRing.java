package io.frmonitor.registry;

import java.util.Optional;

/**
 * A fixed-size ring of (epoch-ms, value) points held in primitive arrays. When full, each new point
 * replaces the oldest.
 *
 * <p>Thread safety: all methods are synchronized; the intended use is one writer (a collector) and
 * a few readers (HTTP requests), so the lock is almost never contended.
 */
public final class TimeSeriesRing {
  private final long[] times;
  private final double[] values;
  private int next;
  private int size;

  public TimeSeriesRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    times = new long[capacity];
    values = new double[capacity];
  }

  public int capacity() {
    return times.length;
  }

  public synchronized int size() {
    return size;
  }

  /** Appends a point; non-finite values are ignored (a gap, never a fake number). */
  public synchronized void add(long epochMs, double value) {
    if (!Double.isFinite(value)) {
      return;
    }
    times[next] = epochMs;
    values[next] = value;
    next = (next + 1) % times.length;
    size = Math.min(size + 1, times.length);
  }

  /** The points at or after {@code fromEpochMs}, oldest first. */
  public synchronized SeriesPoints since(long fromEpochMs) {
    int start = firstIndexAtOrAfter(fromEpochMs);
    int count = size - start;
    long[] t = new long[count];
    double[] v = new double[count];
    for (int i = 0; i < count; i++) {
      int at = physical(start + i);
      t[i] = times[at];
      v[i] = values[at];
    }
    return new SeriesPoints(t, v);
  }

  /** Min, average, max and last of the points at or after {@code fromEpochMs}; empty if none. */
  public synchronized Optional<WindowStats> stats(long fromEpochMs) {
    int start = firstIndexAtOrAfter(fromEpochMs);
    if (start >= size) {
      return Optional.empty();
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (int i = start; i < size; i++) {
      double v = values[physical(i)];
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    int count = size - start;
    double last = values[physical(size - 1)];
    return Optional.of(new WindowStats(min, sum / count, max, last, count));
  }

  /** The time of the newest point, or empty when the ring is empty. */
  public synchronized Optional<Long> lastTime() {
    return size == 0 ? Optional.empty() : Optional.of(times[physical(size - 1)]);
  }

  /** Maps a logical index (0 = oldest) to the array slot. */
  private int physical(int logical) {
    int oldest = size < times.length ? 0 : next;
    return (oldest + logical) % times.length;
  }

  /** Binary search over the logical order, which is sorted by time when writers use one clock. */
  private int firstIndexAtOrAfter(long fromEpochMs) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[physical(mid)] < fromEpochMs) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public synchronized String toString() {
    return "TimeSeriesRing[size=" + size + ", capacity=" + times.length + "]";
  }

  /** Points in time order. The arrays are copies owned by the caller. */
  public static final class SeriesPoints {
    private final long[] times;
    private final double[] values;

    SeriesPoints(long[] times, double[] values) {
      this.times = times;
      this.values = values;
    }

    public int size() {
      return times.length;
    }

    public long time(int i) {
      return times[i];
    }

    public double value(int i) {
      return values[i];
    }

    @Override
    public String toString() {
      return "SeriesPoints[size=" + times.length + "]";
    }
  }
}

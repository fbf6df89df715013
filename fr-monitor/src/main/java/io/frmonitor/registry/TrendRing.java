package io.frmonitor.registry;

import java.util.Arrays;

/**
 * A series' long-term trend: per minute, the minimum, average and maximum of its points, for a
 * fixed number of minutes (24 hours by default). A minute slot is reused when the ring comes round;
 * a minute without points stays empty — a gap, never a made-up value. The minute in progress is
 * kept exactly (in doubles) and counts as a point of the trend as it is so far.
 *
 * <p>Compact on purpose — 16 bytes a minute, 23 KiB a series for 24 hours: the figures of a closed
 * minute are kept as {@code float}s (about seven significant digits, ample for a trend).
 *
 * <p>Thread safety: synchronized, one writer and a few readers, like {@link TimeSeriesRing}.
 */
public final class TrendRing {
  /** The resolution of the trend. */
  public static final long MINUTE_MS = 60_000;

  private static final int EMPTY = Integer.MIN_VALUE;

  private final int[] minutes;
  private final float[] mins;
  private final float[] avgs;
  private final float[] maxs;
  private int newest = EMPTY;
  // the minute in progress
  private int open = EMPTY;
  private double openMin;
  private double openMax;
  private double openSum;
  private int openCount;

  /**
   * @param capacity minutes kept
   */
  public TrendRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    minutes = new int[capacity];
    Arrays.fill(minutes, EMPTY);
    mins = new float[capacity];
    avgs = new float[capacity];
    maxs = new float[capacity];
  }

  public int capacity() {
    return minutes.length;
  }

  /**
   * Adds a point to its minute; non-finite values and points of a minute already closed are
   * ignored.
   */
  public synchronized void add(long epochMs, double value) {
    if (!Double.isFinite(value)) {
      return;
    }
    int minute = Math.toIntExact(Math.floorDiv(epochMs, MINUTE_MS));
    if (open != EMPTY && minute < open) {
      return; // late: its minute is closed
    }
    if (minute != open) {
      close();
      open = minute;
      openMin = value;
      openMax = value;
      openSum = 0;
      openCount = 0;
    }
    openMin = Math.min(openMin, value);
    openMax = Math.max(openMax, value);
    openSum += value;
    openCount++;
  }

  /** Files the minute in progress in its slot. */
  private void close() {
    if (open == EMPTY) {
      return;
    }
    put(open, (float) openMin, (float) (openSum / openCount), (float) openMax);
    open = EMPTY;
  }

  private void put(int minute, float min, float avg, float max) {
    int slot = Math.floorMod(minute, minutes.length);
    minutes[slot] = minute;
    mins[slot] = min;
    avgs[slot] = avg;
    maxs[slot] = max;
    newest = Math.max(newest, minute);
  }

  /**
   * Puts back minutes of an earlier run, before any new point: those older than the ring's reach
   * from the newest are dropped.
   */
  public synchronized void restore(int minute, float min, float avg, float max) {
    int slot = Math.floorMod(minute, minutes.length);
    if ((open != EMPTY && minute >= open) || (minutes[slot] != EMPTY && minutes[slot] >= minute)) {
      return; // what is there is newer
    }
    put(minute, min, avg, max);
  }

  /**
   * The minutes starting at or after {@code fromEpochMs}, oldest first, the one in progress last.
   */
  public synchronized TrendPoints since(long fromEpochMs) {
    int last = open != EMPTY ? open : newest;
    if (last == EMPTY) {
      return new TrendPoints(new int[0], new float[0], new float[0], new float[0]);
    }
    // the first minute starting at or after the given instant, within the ring's reach
    long startingAfter =
        Math.floorDiv(Math.max(fromEpochMs, Long.MIN_VALUE / 2) - 1, MINUTE_MS) + 1;
    int first = (int) Math.max(last - minutes.length + 1L, startingAfter);
    int n = 0;
    int[] m = new int[Math.max(0, last - first + 1)];
    float[] lo = new float[m.length];
    float[] av = new float[m.length];
    float[] hi = new float[m.length];
    for (int minute = first; minute <= last; minute++) {
      if (minute == open) {
        m[n] = minute;
        lo[n] = (float) openMin;
        av[n] = (float) (openSum / openCount);
        hi[n++] = (float) openMax;
        continue;
      }
      int slot = Math.floorMod(minute, minutes.length);
      if (minutes[slot] == minute) {
        m[n] = minute;
        lo[n] = mins[slot];
        av[n] = avgs[slot];
        hi[n++] = maxs[slot];
      }
    }
    return new TrendPoints(
        Arrays.copyOf(m, n), Arrays.copyOf(lo, n), Arrays.copyOf(av, n), Arrays.copyOf(hi, n));
  }

  /** Minutes of a trend, oldest first: each minute's start and its min, average and max. */
  public static final class TrendPoints {
    private final int[] minutes;
    private final float[] mins;
    private final float[] avgs;
    private final float[] maxs;

    TrendPoints(int[] minutes, float[] mins, float[] avgs, float[] maxs) {
      this.minutes = minutes;
      this.mins = mins;
      this.avgs = avgs;
      this.maxs = maxs;
    }

    public int size() {
      return minutes.length;
    }

    /** The epoch minute (epoch ms ÷ 60,000) of the {@code i}-th. */
    public int minute(int i) {
      return minutes[i];
    }

    public long startMs(int i) {
      return minutes[i] * MINUTE_MS;
    }

    public float min(int i) {
      return mins[i];
    }

    public float avg(int i) {
      return avgs[i];
    }

    public float max(int i) {
      return maxs[i];
    }
  }
}

package io.frmonitor.state;

import io.frmonitor.registry.TimeSeriesRing;
import java.util.Arrays;

/**
 * One series' points: epoch milliseconds and values, oldest first, as many of each. Immutable: the
 * arrays are copied in and never handed out.
 */
public final class SeriesHistory {
  private final String name;
  private final long[] times;
  private final double[] values;

  public SeriesHistory(String name, long[] times, double[] values) {
    this(name, times, values, true);
  }

  /** A ring's points (already a copy of its own). */
  static SeriesHistory of(String name, TimeSeriesRing.SeriesPoints points) {
    long[] times = new long[points.size()];
    double[] values = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      times[i] = points.time(i);
      values[i] = points.value(i);
    }
    return new SeriesHistory(name, times, values, false);
  }

  private SeriesHistory(String name, long[] times, double[] values, boolean copy) {
    if (times.length != values.length) {
      throw new IllegalArgumentException(
          name + ": " + times.length + " times for " + values.length + " values");
    }
    this.name = name;
    this.times = copy ? times.clone() : times;
    this.values = copy ? values.clone() : values;
  }

  public String name() {
    return name;
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
  public boolean equals(Object o) {
    return o instanceof SeriesHistory h
        && name.equals(h.name)
        && Arrays.equals(times, h.times)
        && Arrays.equals(values, h.values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + Arrays.hashCode(times)) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "SeriesHistory[" + name + ", " + times.length + " points]";
  }
}

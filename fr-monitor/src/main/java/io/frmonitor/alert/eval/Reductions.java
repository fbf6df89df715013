package io.frmonitor.alert.eval;

import io.frmonitor.alert.rule.Reduction;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * A windowed reduction of one series, computed as Prometheus computes the PromQL function of the
 * same name over a range ({@code (t - window, t]}): the {@code _over_time} aggregations over the
 * values in range; {@code rate}, {@code increase} and {@code delta} by Prometheus's extrapolation
 * (to the range's edges, unless the first or last value is more than 1.1 average intervals away; a
 * counter is not extrapolated below zero; a counter's resets are added back). Empty when the range
 * has too few values: none, or one for a difference.
 */
public final class Reductions {
  private Reductions() {}

  public static OptionalDouble of(
      Reduction reduction, SeriesWindows.Window w, long rangeEndMs, Duration range) {
    int n = w.size();
    if (n == 0 || (reduction.needsTwo() && n < 2)) {
      return OptionalDouble.empty();
    }
    double[] v = w.values();
    return switch (reduction) {
      case LAST -> OptionalDouble.of(v[n - 1]);
      case AVG -> OptionalDouble.of(avg(v));
      case MIN -> OptionalDouble.of(java.util.Arrays.stream(v).min().orElseThrow());
      case MAX -> OptionalDouble.of(java.util.Arrays.stream(v).max().orElseThrow());
      case RATE -> OptionalDouble.of(extrapolated(w, rangeEndMs, range, true, true));
      case INCREASE -> OptionalDouble.of(extrapolated(w, rangeEndMs, range, true, false));
      case DELTA -> OptionalDouble.of(extrapolated(w, rangeEndMs, range, false, false));
      case ABSENT -> OptionalDouble.empty();
    };
  }

  /** Prometheus's average: Kahan-free, but by increments to stay exact for equal values. */
  private static double avg(double[] v) {
    double mean = 0;
    for (int i = 0; i < v.length; i++) {
      mean += (v[i] - mean) / (i + 1);
    }
    return mean;
  }

  /** Prometheus's {@code extrapolatedRate} (promql/functions.go). */
  static double extrapolated(
      SeriesWindows.Window w, long rangeEndMs, Duration range, boolean counter, boolean perSecond) {
    long[] t = w.times();
    double[] v = w.values();
    int n = t.length;
    double result = v[n - 1] - v[0];
    if (counter) {
      for (int i = 1; i < n; i++) {
        if (v[i] < v[i - 1]) {
          result += v[i - 1];
        }
      }
    }
    // differences in whole milliseconds first, as Prometheus takes them: seconds since the epoch
    // as doubles would lose the low digits of each instant before subtracting
    long rangeStartMs = rangeEndMs - range.toMillis();
    double durationToStart = (t[0] - rangeStartMs) / 1000.0;
    double durationToEnd = (rangeEndMs - t[n - 1]) / 1000.0;
    double sampled = (t[n - 1] - t[0]) / 1000.0;
    double averageBetween = sampled / (n - 1);
    if (counter && result > 0 && v[0] >= 0) {
      double durationToZero = sampled * (v[0] / result);
      if (durationToZero < durationToStart) {
        durationToStart = durationToZero;
      }
    }
    double threshold = averageBetween * 1.1;
    double interval = sampled;
    interval += durationToStart < threshold ? durationToStart : averageBetween / 2;
    interval += durationToEnd < threshold ? durationToEnd : averageBetween / 2;
    double factor = interval / sampled;
    if (perSecond) {
      factor /= range.toMillis() / 1000.0;
    }
    return result * factor;
  }
}

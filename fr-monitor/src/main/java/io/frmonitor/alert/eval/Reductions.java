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
    return switch (reduction) {
      case LAST -> OptionalDouble.of(w.value(n - 1));
      case AVG -> OptionalDouble.of(avg(w));
      case MIN -> OptionalDouble.of(extreme(w, -1));
      case MAX -> OptionalDouble.of(extreme(w, 1));
      case RATE -> OptionalDouble.of(extrapolated(w, rangeEndMs, range, true, true));
      case INCREASE -> OptionalDouble.of(extrapolated(w, rangeEndMs, range, true, false));
      case DELTA -> OptionalDouble.of(extrapolated(w, rangeEndMs, range, false, false));
      case ABSENT -> OptionalDouble.empty();
    };
  }

  /** Prometheus's average: Kahan-free, but by increments to stay exact for equal values. */
  private static double avg(SeriesWindows.Window w) {
    double mean = 0;
    for (int i = 0; i < w.size(); i++) {
      mean += (w.value(i) - mean) / (i + 1);
    }
    return mean;
  }

  /**
   * The largest value ({@code sign} 1) or the smallest (-1); {@code NaN} only when all are, as
   * {@code max_over_time} and {@code min_over_time} skip NaN.
   */
  private static double extreme(SeriesWindows.Window w, int sign) {
    double best = w.value(0);
    for (int i = 1; i < w.size(); i++) {
      double v = w.value(i);
      if ((sign > 0 ? v > best : v < best) || Double.isNaN(best)) {
        best = v;
      }
    }
    return best;
  }

  /** Prometheus's {@code extrapolatedRate} (promql/functions.go). */
  static double extrapolated(
      SeriesWindows.Window w, long rangeEndMs, Duration range, boolean counter, boolean perSecond) {
    int n = w.size();
    double result = w.value(n - 1) - w.value(0);
    if (counter) {
      for (int i = 1; i < n; i++) {
        if (w.value(i) < w.value(i - 1)) {
          result += w.value(i - 1);
        }
      }
    }
    // differences in whole milliseconds first, as Prometheus takes them: seconds since the epoch
    // as doubles would lose the low digits of each instant before subtracting
    long rangeStartMs = rangeEndMs - range.toMillis();
    double durationToStart = (w.time(0) - rangeStartMs) / 1000.0;
    double durationToEnd = (rangeEndMs - w.time(n - 1)) / 1000.0;
    double sampled = (w.time(n - 1) - w.time(0)) / 1000.0;
    double averageBetween = sampled / (n - 1);
    if (counter && result > 0 && w.value(0) >= 0) {
      double durationToZero = sampled * (w.value(0) / result);
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

package io.frmonitor.metric;

import io.frmonitor.model.LatencyHistogram;

/**
 * What every {@link SampleWriter} enforces: a call that does not fit the metric's definition is a
 * programming error and throws; a value that is not a reading (not finite, a negative counter, an
 * empty histogram) is skipped.
 */
public final class Checks {
  private Checks() {}

  /** Whether to write this gauge or counter value; throws when the call does not fit. */
  public static boolean value(MetricDef metric, double value, String... labelValues) {
    labels(metric, labelValues);
    if (metric.type() == MetricType.HISTOGRAM) {
      throw new IllegalArgumentException(metric.name() + " is a histogram: use histogram()");
    }
    return Double.isFinite(value) && (metric.type() != MetricType.COUNTER || value >= 0);
  }

  /** Whether to write this distribution; throws when the call does not fit. */
  public static boolean histogram(
      MetricDef metric, LatencyHistogram histogram, String... labelValues) {
    labels(metric, labelValues);
    if (metric.type() != MetricType.HISTOGRAM) {
      throw new IllegalArgumentException(metric.name() + " is a " + metric.type().label());
    }
    return histogram.count() > 0;
  }

  private static void labels(MetricDef metric, String... labelValues) {
    if (labelValues.length != metric.labelNames().size()) {
      throw new IllegalArgumentException(
          metric.name()
              + " takes labels "
              + metric.labelNames()
              + ", got "
              + labelValues.length
              + " values");
    }
  }
}

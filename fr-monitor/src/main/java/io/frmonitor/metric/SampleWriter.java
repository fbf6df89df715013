package io.frmonitor.metric;

import io.frmonitor.model.LatencyHistogram;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Where a family writes its samples: one call per labelled value of a {@link MetricDef}. Label
 * values are given in the order of {@link MetricDef#labelNames()}. A value that is not finite, or a
 * negative counter, is not a reading and is left out; an absent optional writes nothing. Absent is
 * never written as zero.
 *
 * <p>Thread safety: implementations are used by one thread at a time (one scrape, one evaluation).
 */
public interface SampleWriter {
  /** A gauge's or a counter's value. */
  void value(MetricDef metric, double value, String... labelValues);

  /** A histogram's distribution (in milliseconds; written in the metric's seconds). */
  void histogram(MetricDef metric, LatencyHistogram histogram, String... labelValues);

  /** A count or a size (exact as a double up to 2^53). */
  default void value(MetricDef metric, long value, String... labelValues) {
    value(metric, (double) value, labelValues);
  }

  /** The value when present; nothing when absent. */
  default void value(MetricDef metric, OptionalDouble value, String... labelValues) {
    if (value.isPresent()) {
      value(metric, value.getAsDouble(), labelValues);
    }
  }

  /** The value when present; nothing when absent. */
  default void value(MetricDef metric, OptionalLong value, String... labelValues) {
    if (value.isPresent()) {
      value(metric, value.getAsLong(), labelValues);
    }
  }

  /** 1 for true, 0 for false. */
  default void flag(MetricDef metric, boolean value, String... labelValues) {
    value(metric, value ? 1 : 0, labelValues);
  }
}

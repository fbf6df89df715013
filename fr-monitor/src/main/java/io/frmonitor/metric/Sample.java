package io.frmonitor.metric;

import io.frmonitor.model.LatencyHistogram;
import java.util.List;
import java.util.Optional;

/**
 * One written sample: a metric, its label values and its value (or, for a histogram, its
 * distribution).
 */
public record Sample(
    MetricDef metric,
    List<String> labelValues,
    double value,
    Optional<LatencyHistogram> histogram) {
  public Sample {
    labelValues = List.copyOf(labelValues);
  }

  /** The value of one label, by name. */
  public Optional<String> label(String name) {
    int i = metric.labelNames().indexOf(name);
    return i < 0 ? Optional.empty() : Optional.of(labelValues.get(i));
  }
}

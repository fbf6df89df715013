package io.frmonitor.metric;

import io.frmonitor.model.LatencyHistogram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@link SampleWriter} that keeps what it is given, checked against each metric's definition: the
 * right number of label values and the right kind of call. Used by the alert engine and by tests;
 * the Prometheus exposition writes straight to its own builder through {@link Checks}.
 *
 * <p>Thread safety: not thread-safe.
 */
public final class Samples implements SampleWriter {
  private final List<Sample> samples = new ArrayList<>();

  @Override
  public void value(MetricDef metric, double value, String... labelValues) {
    if (Checks.value(metric, value, labelValues)) {
      samples.add(new Sample(metric, Arrays.asList(labelValues), value, Optional.empty()));
    }
  }

  @Override
  public void histogram(MetricDef metric, LatencyHistogram histogram, String... labelValues) {
    if (Checks.histogram(metric, histogram, labelValues)) {
      samples.add(
          new Sample(
              metric,
              Arrays.asList(labelValues),
              histogram.sumMs() / 1000,
              Optional.of(histogram)));
    }
  }

  public List<Sample> all() {
    return List.copyOf(samples);
  }

  /** The samples of one metric, by name, in the order written. */
  public List<Sample> of(String name) {
    return samples.stream().filter(s -> s.metric().name().equals(name)).toList();
  }
}

package io.frmonitor.export;

import io.frmonitor.metric.Checks;
import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.LatencyHistogram;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns written samples into Prometheus snapshots, one per metric with a sample. A metric with no
 * sample is left out entirely, so absent values are absent, never zero. Every data point gets the
 * {@link PrometheusBridge#SERVER_LABEL} label besides the metric's own.
 *
 * <p>Thread safety: not thread-safe; one instance per scrape.
 */
final class SnapshotBuilder implements SampleWriter {
  private final Map<String, GaugeSnapshot.Builder> gauges = new LinkedHashMap<>();
  private final Map<String, CounterSnapshot.Builder> counters = new LinkedHashMap<>();
  private final Map<String, HistogramSnapshot.Builder> histograms = new LinkedHashMap<>();
  private final Labels serverLabel;

  SnapshotBuilder(String server) {
    this.serverLabel = Labels.of(PrometheusBridge.SERVER_LABEL, server);
  }

  @Override
  public void value(MetricDef metric, double value, String... labelValues) {
    if (!Checks.value(metric, value, labelValues)) {
      return;
    }
    Labels labels = labels(metric, labelValues);
    switch (metric.type()) {
      case GAUGE ->
          gauges
              .computeIfAbsent(
                  metric.name(), n -> GaugeSnapshot.builder().name(n).help(metric.help()))
              .dataPoint(
                  GaugeSnapshot.GaugeDataPointSnapshot.builder()
                      .labels(labels)
                      .value(value)
                      .build());
      case COUNTER ->
          counters
              .computeIfAbsent(
                  metric.name(), n -> CounterSnapshot.builder().name(n).help(metric.help()))
              .dataPoint(
                  CounterSnapshot.CounterDataPointSnapshot.builder()
                      .labels(labels)
                      .value(value)
                      .build());
      case HISTOGRAM -> throw new IllegalStateException("checked by Checks.value");
    }
  }

  /** Adds the distribution, converted from milliseconds to the metric's seconds. */
  @Override
  public void histogram(MetricDef metric, LatencyHistogram h, String... labelValues) {
    if (!Checks.histogram(metric, h, labelValues)) {
      return;
    }
    double[] bounds = new double[h.bucketBoundsMs().size() + 1];
    long[] counts = new long[bounds.length];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] =
          i < h.bucketBoundsMs().size()
              ? h.bucketBoundsMs().get(i) / 1000
              : Double.POSITIVE_INFINITY;
      counts[i] = h.bucketCounts().get(i);
    }
    histograms
        .computeIfAbsent(
            metric.name(), n -> HistogramSnapshot.builder().name(n).help(metric.help()))
        .dataPoint(
            HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .labels(labels(metric, labelValues))
                .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
                .sum(h.sumMs() / 1000)
                .build());
  }

  private Labels labels(MetricDef metric, String... values) {
    if (values.length == 0) {
      return serverLabel;
    }
    return Labels.of(metric.labelNames(), java.util.Arrays.asList(values)).merge(serverLabel);
  }

  MetricSnapshots build() {
    MetricSnapshots.Builder out = MetricSnapshots.builder();
    for (GaugeSnapshot.Builder g : gauges.values()) {
      out.metricSnapshot((MetricSnapshot) g.build());
    }
    for (CounterSnapshot.Builder c : counters.values()) {
      out.metricSnapshot((MetricSnapshot) c.build());
    }
    for (HistogramSnapshot.Builder h : histograms.values()) {
      out.metricSnapshot((MetricSnapshot) h.build());
    }
    return out.build();
  }
}

package io.frmonitor.export;

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
 * Collects data points by metric name and builds Prometheus snapshots. A metric with no point is
 * left out entirely, so absent values are absent, never zero.
 *
 * <p>Thread safety: not thread-safe; one instance per scrape.
 */
final class SnapshotBuilder {
  private final Map<String, GaugeSnapshot.Builder> gauges = new LinkedHashMap<>();
  private final Map<String, CounterSnapshot.Builder> counters = new LinkedHashMap<>();
  private final Map<String, HistogramSnapshot.Builder> histograms = new LinkedHashMap<>();

  /** Adds a gauge point; {@code labels} alternate names and values. */
  void gauge(String name, String help, double value, String... labels) {
    if (!Double.isFinite(value)) {
      return;
    }
    gauges
        .computeIfAbsent(name, n -> GaugeSnapshot.builder().name(n).help(help))
        .dataPoint(
            GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(Labels.of(labels))
                .value(value)
                .build());
  }

  /** Adds a gauge point for a whole-number reading (bytes, counts). */
  void gauge(String name, String help, long value, String... labels) {
    gauge(name, help, (double) value, labels);
  }

  /** Adds a counter point for a whole-number total. */
  void counter(String name, String help, long value, String... labels) {
    counter(name, help, (double) value, labels);
  }

  /** Adds a counter point; {@code name} is given without the {@code _total} suffix. */
  void counter(String name, String help, double value, String... labels) {
    if (!Double.isFinite(value) || value < 0) {
      return;
    }
    counters
        .computeIfAbsent(name, n -> CounterSnapshot.builder().name(n).help(help))
        .dataPoint(
            CounterSnapshot.CounterDataPointSnapshot.builder()
                .labels(Labels.of(labels))
                .value(value)
                .build());
  }

  /** Adds a histogram point in seconds from a latency distribution in milliseconds. */
  void histogram(String name, String help, LatencyHistogram h, String... labels) {
    if (h.count() == 0) {
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
        .computeIfAbsent(name, n -> HistogramSnapshot.builder().name(n).help(help))
        .dataPoint(
            HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .labels(Labels.of(labels))
                .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
                .sum(h.sumMs() / 1000)
                .build());
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

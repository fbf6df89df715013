package io.frmonitor.collect.rabbitmq;

import io.frmonitor.model.LatencyHistogram;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Latency distributions kept two ways: since start (for Prometheus' cumulative histogram) and over
 * a sliding window made of the interval histograms of the last {@code window} (for percentiles that
 * reflect now). Memory is bounded by window ÷ interval histograms of a few kilobytes each.
 *
 * <p>Thread safety: used by one poller thread.
 */
final class LatencyWindow {
  /** Latency bucket bounds for Prometheus, in milliseconds. */
  static final double[] BUCKETS_MS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};

  private final Duration window;
  private final Histogram total = newHistogram();
  private final Histogram inWindow = newHistogram();
  private final ArrayDeque<Map.Entry<Instant, Histogram>> recent = new ArrayDeque<>();

  LatencyWindow(Duration window) {
    this.window = window;
  }

  static Histogram newHistogram() {
    return new Histogram(FrameAggregator.MAX_LATENCY_MS, 2);
  }

  /**
   * Adds the latencies of the interval that ended {@code now} (the histogram is kept; the caller
   * must not reuse it). The window is a running sum: intervals are added once and subtracted once
   * when they age out, so an idle poll costs nothing.
   */
  void add(Instant now, Histogram interval) {
    if (interval.getTotalCount() > 0) {
      total.add(interval);
      inWindow.add(interval);
      recent.addLast(Map.entry(now, interval));
    }
    while (!recent.isEmpty()
        && Duration.between(recent.peekFirst().getKey(), now).compareTo(window) > 0) {
      inWindow.subtract(recent.removeFirst().getValue());
    }
  }

  LatencyHistogram windowed() {
    return summary(inWindow);
  }

  LatencyHistogram sinceStart() {
    return summary(total);
  }

  static LatencyHistogram summary(Histogram h) {
    long count = h.getTotalCount();
    if (count == 0) {
      return LatencyHistogram.EMPTY;
    }
    java.util.List<Double> bounds = new java.util.ArrayList<>();
    java.util.List<Long> counts = new java.util.ArrayList<>();
    long below = 0;
    for (double bound : BUCKETS_MS) {
      long upTo = h.getCountBetweenValues(0, (long) bound);
      bounds.add(bound);
      counts.add(upTo - below);
      below = upTo;
    }
    counts.add(count - below);
    return new LatencyHistogram(
        count,
        h.getMean() * count,
        h.getMaxValue(),
        h.getValueAtPercentile(50),
        h.getValueAtPercentile(95),
        h.getValueAtPercentile(99),
        bounds,
        counts);
  }
}

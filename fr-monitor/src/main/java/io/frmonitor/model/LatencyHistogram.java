package io.frmonitor.model;

import java.util.List;
import java.util.Optional;

/**
 * A latency distribution in milliseconds: count, sum, percentiles and counts at fixed bucket bounds
 * (for Prometheus). With nothing observed the figures are not readings: read them through {@link
 * #summary()}, which is then empty.
 *
 * @param bucketBoundsMs upper bounds, ascending; the last bucket is everything above
 * @param bucketCounts observations per bucket (not cumulative), one more than the bounds
 */
public record LatencyHistogram(
    long count,
    double sumMs,
    double maxMs,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    List<Double> bucketBoundsMs,
    List<Long> bucketCounts) {
  public static final LatencyHistogram EMPTY =
      new LatencyHistogram(0, 0, 0, 0, 0, 0, List.of(), List.of());

  public LatencyHistogram {
    bucketBoundsMs = List.copyOf(bucketBoundsMs);
    bucketCounts = List.copyOf(bucketCounts);
  }

  /** Average, percentiles and maximum; empty when nothing was observed (never zeros). */
  public Optional<Summary> summary() {
    return count == 0
        ? Optional.empty()
        : Optional.of(new Summary(sumMs / count, p50Ms, p95Ms, p99Ms, maxMs));
  }

  /** The figures of a distribution with at least one observation, in milliseconds. */
  public record Summary(double avgMs, double p50Ms, double p95Ms, double p99Ms, double maxMs) {}
}

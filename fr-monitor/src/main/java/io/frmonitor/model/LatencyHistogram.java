package io.frmonitor.model;

import java.util.List;

/**
 * A latency distribution in milliseconds: count, sum, percentiles and cumulative counts at fixed
 * bucket bounds (for Prometheus). Percentiles are empty values (NaN never escapes) when count is 0.
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

  public double avgMs() {
    return count == 0 ? 0 : sumMs / count;
  }
}

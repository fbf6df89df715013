package io.frmonitor.collect.rabbitmq;

import io.frmonitor.model.LatencyHistogram;
import io.frmonitor.model.PipelinesSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * Latency distributions since start (for Prometheus' cumulative histogram) and over the sliding
 * windows of {@link PipelinesSnapshot#LATENCY_WINDOWS} (for percentiles that reflect now).
 * Intervals are folded into per-minute histograms, kept for the longest window and created only for
 * minutes with data; each window is a running sum to which a minute is added once and from which it
 * is subtracted once it ages out, so a poll costs the same whatever the traffic, and an idle one
 * nothing.
 *
 * <p>Thread safety: used by one poller thread.
 */
final class LatencyWindow {
  /** Latency bucket bounds for Prometheus, in milliseconds. */
  static final double[] BUCKETS_MS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};

  private static final List<Duration> WINDOWS = PipelinesSnapshot.LATENCY_WINDOWS;

  private final Histogram total = newHistogram();
  private final ArrayDeque<Map.Entry<Instant, Histogram>> minutes = new ArrayDeque<>();
  private final Map<Duration, Histogram> running = new LinkedHashMap<>();
  private final Map<Duration, ArrayDeque<Map.Entry<Instant, Histogram>>> inWindow =
      new LinkedHashMap<>();

  LatencyWindow() {
    for (Duration w : WINDOWS) {
      running.put(w, newHistogram());
      inWindow.put(w, new ArrayDeque<>());
    }
  }

  static Histogram newHistogram() {
    return new Histogram(FrameAggregator.MAX_LATENCY_MS, 2);
  }

  /** Adds the latencies of the interval that ended {@code now}. */
  void add(Instant now, Histogram interval) {
    if (interval.getTotalCount() > 0) {
      total.add(interval);
      Histogram minute = currentMinute(now);
      minute.add(interval);
      running.values().forEach(h -> h.add(interval));
    }
    expire(now);
  }

  private Histogram currentMinute(Instant now) {
    Instant start = now.truncatedTo(ChronoUnit.MINUTES);
    Map.Entry<Instant, Histogram> last = minutes.peekLast();
    if (last != null && last.getKey().equals(start)) {
      return last.getValue();
    }
    Map.Entry<Instant, Histogram> fresh = Map.entry(start, newHistogram());
    minutes.addLast(fresh);
    inWindow.values().forEach(d -> d.addLast(fresh));
    return fresh.getValue();
  }

  /** A window holds the minutes that started within it, the current one included. */
  private void expire(Instant now) {
    Instant thisMinute = now.truncatedTo(ChronoUnit.MINUTES);
    for (Duration w : WINDOWS) {
      ArrayDeque<Map.Entry<Instant, Histogram>> d =
          Objects.requireNonNull(inWindow.get(w), "every window has its minutes");
      Histogram sum = Objects.requireNonNull(running.get(w), "every window has its sum");
      while (!d.isEmpty() && d.peekFirst().getKey().isBefore(thisMinute.minus(w).plusSeconds(60))) {
        sum.subtract(d.removeFirst().getValue());
      }
    }
    Duration longest = WINDOWS.get(WINDOWS.size() - 1);
    while (!minutes.isEmpty()
        && minutes.peekFirst().getKey().isBefore(thisMinute.minus(longest).plusSeconds(60))) {
      minutes.removeFirst();
    }
  }

  /** Percentiles per window, shortest first. */
  Map<Duration, LatencyHistogram> windows() {
    Map<Duration, LatencyHistogram> out = new LinkedHashMap<>();
    running.forEach((w, h) -> out.put(w, summary(h)));
    return out;
  }

  LatencyHistogram sinceStart() {
    return summary(total);
  }

  static LatencyHistogram summary(Histogram h) {
    long count = h.getTotalCount();
    if (count == 0) {
      return LatencyHistogram.EMPTY;
    }
    List<Double> bounds = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
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

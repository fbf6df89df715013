package io.frmonitor.collect.rabbitmq;

import io.frmonitor.codec.DecodeResult;
import io.frmonitor.codec.PayloadDecoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the result tap does with each copy: classify it for its pipeline type (routing key {@code
 * face_results} or {@code phone_results}) and record its ingest → result latency — the worker's
 * {@code processed_ts} when present, else the tap's receipt time.
 *
 * <p>Thread safety: written on the tap's consumer thread, read by the poller; counters are
 * concurrent, latencies go through HdrHistogram recorders.
 */
final class ResultHandler implements Tap.Handler {
  static final Map<String, String> KEYS =
      Map.of("face_results", ResultFacts.FACE, "phone_results", ResultFacts.PHONE);

  private final PayloadDecoder decoder;
  private final Clock clock;
  private final Map<String, Counts> byPipeline = new ConcurrentHashMap<>();
  private final LongAdder malformed = new LongAdder();
  private final LongAdder fromTap = new LongAdder();
  private final LongAdder fromFirehose = new LongAdder();

  ResultHandler(PayloadDecoder decoder, Clock clock) {
    this.decoder = decoder;
    this.clock = clock;
    KEYS.values().forEach(p -> byPipeline.put(p, new Counts()));
  }

  /** One pipeline type's counters. */
  static final class Counts {
    final LongAdder total = new LongAdder();
    final LongAdder errors = new LongAdder();
    final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    final Recorder latency = new Recorder(FrameAggregator.MAX_LATENCY_MS, 2);

    Map<String, Long> outcomeTotals() {
      Map<String, Long> out = new java.util.TreeMap<>();
      outcomes.forEach((k, v) -> out.put(k, v.sum()));
      return out;
    }

    Histogram intervalLatency() {
      return latency.getIntervalHistogram();
    }
  }

  /** A copy from the tap's own queue: the workers publish through {@code pipeline_results}. */
  @Override
  public void message(String routingKey, java.util.Map<String, Object> headers, byte[] body) {
    fromTap.increment();
    count(routingKey, body);
  }

  /** A copy from the firehose: the workers publish on the default exchange, which is traced. */
  void traced(String routingKey, byte[] body) {
    fromFirehose.increment();
    count(routingKey, body);
  }

  private void count(String routingKey, byte[] body) {
    String pipeline = KEYS.get(routingKey);
    DecodeResult decoded = decoder.decode(body);
    Optional<ResultFacts> facts =
        pipeline != null && decoded instanceof DecodeResult.Decoded d
            ? ResultFacts.of(d.value(), pipeline)
            : Optional.empty();
    if (facts.isEmpty()) {
      malformed.increment();
      return;
    }
    Counts c = Objects.requireNonNull(byPipeline.get(pipeline), "counts for every pipeline type");
    ResultFacts f = facts.get();
    c.total.increment();
    if (f.error()) {
      c.errors.increment();
    }
    c.outcomes.computeIfAbsent(f.outcome(), k -> new LongAdder()).increment();
    Instant end = f.processedAt().orElse(clock.instant());
    f.ingestedAt()
        .map(t -> Duration.between(t, end).toMillis())
        .filter(ms -> ms >= 0 && ms <= FrameAggregator.MAX_LATENCY_MS)
        .ifPresent(c.latency::recordValue);
  }

  @Override
  public void failed() {
    malformed.increment();
  }

  Map<String, Counts> pipelines() {
    return byPipeline;
  }

  long malformed() {
    return malformed.sum();
  }

  /** Messages that came through the tap (improved producers). */
  long fromTap() {
    return fromTap.sum();
  }

  /** Messages that came through the firehose (today's producers, tracing on). */
  long fromFirehose() {
    return fromFirehose.sum();
  }
}

package io.frmonitor.collect.rabbitmq;

import io.frmonitor.codec.DecodeResult;
import io.frmonitor.codec.PayloadDecoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the frame tap does with each copy: decode it, read its facts, count it per pipeline (from
 * the routing key {@code PipeLine_<N>}) and client, and record its ingest → routing latency.
 *
 * <p>Thread safety: runs on the tap's consumer thread; writes only to the thread-safe aggregator.
 */
final class FrameHandler implements Tap.Handler {
  private final PayloadDecoder decoder;
  private final FrameAggregator aggregator;
  private final Clock clock;

  FrameHandler(PayloadDecoder decoder, FrameAggregator aggregator, Clock clock) {
    this.decoder = decoder;
    this.aggregator = aggregator;
    this.clock = clock;
  }

  @Override
  public void message(String routingKey, java.util.Map<String, Object> headers, byte[] body) {
    DecodeResult decoded = decoder.decode(body);
    Optional<FrameFacts> facts =
        decoded instanceof DecodeResult.Decoded d ? FrameFacts.of(d.value()) : Optional.empty();
    if (facts.isEmpty()) {
      aggregator.malformed();
      return;
    }
    Instant now = clock.instant();
    long latencyMs =
        facts
            .get()
            .ingestedAt()
            .map(t -> Math.max(0, Duration.between(t, now).toMillis()))
            .orElse(-1L);
    aggregator.frame(pipelineId(routingKey), facts.get(), latencyMs);
  }

  @Override
  public void failed() {
    aggregator.malformed();
  }

  static int pipelineId(String routingKey) {
    if (routingKey.startsWith("PipeLine_")) {
      try {
        return Integer.parseInt(routingKey.substring("PipeLine_".length()));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }
}

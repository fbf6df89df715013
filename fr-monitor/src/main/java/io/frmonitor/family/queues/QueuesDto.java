package io.frmonitor.family.queues;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.family.Nullables;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.registry.Latest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** {@code GET /metrics/queues}. Values the source did not report are null, never zero. */
public record QueuesDto(
    @Nullable Long timestamp,
    boolean stale,
    @JsonPropertyDescription(
            "management_api, or amqp_passive when the API was unreachable (ready and consumers"
                + " only)")
        @Nullable String source,
    @JsonPropertyDescription(
            "More queues matched MONITORING_RMQ_QUEUES than MONITORING_RMQ_MAX_QUEUES; the rest"
                + " are not listed")
        boolean truncated,
    @JsonPropertyDescription("How many queues matched in all") @Nullable Integer matched,
    @JsonPropertyDescription(
            "Whether the broker traces the vhost (the firehose sees every message); null when not"
                + " known")
        @Nullable Boolean tracing,
    @JsonPropertyDescription(
            "ready + unacked summed over the fr-server's queues (not fr-monitor's own); null"
                + " when a depth is unknown")
        @Nullable Long totalDepth,
    @JsonPropertyDescription("The fr-server's queues, then fr-monitor's own (own: true)")
        List<Queue> queues) {

  public record Queue(
      String name,
      @JsonPropertyDescription(
              "fr-monitor's own queue (its taps, the gateway-event inbox), counted in no total")
          boolean own,
      long ready,
      @Nullable Long unacked,
      @JsonPropertyDescription("ready + unacked (the fr-server's consumers have no prefetch limit)")
          @Nullable Long depth,
      long consumers,
      @Nullable Double publishPerSec,
      @Nullable Double deliverPerSec,
      @Nullable Double ackPerSec,
      @Nullable Double redeliverPerSec,
      @JsonPropertyDescription(
              "depth / (ack rate - publish rate); null when the queue is not draining")
          @Nullable Double drainEtaSeconds,
      @JsonPropertyDescription(
              "Messages published to the queue since fr-monitor started watching it (the broker's"
                  + " counter, reset-corrected); null with the passive fallback")
          @Nullable Long publishedTotal,
      @Nullable Long deliveredTotal,
      @Nullable Long ackedTotal,
      @Nullable Long redeliveredTotal) {}

  static QueuesDto of(Optional<Latest<QueuesSnapshot>> latest) {
    if (latest.isEmpty()) {
      return new QueuesDto(null, true, null, false, null, null, null, List.of());
    }
    QueuesSnapshot s = latest.get().value();
    return new QueuesDto(
        latest.get().collectedAt().toEpochMilli(),
        latest.get().stale(),
        s.source(),
        s.truncated(),
        s.matched(),
        s.tracing().orElse(null),
        Nullables.of(totalDepth(s)),
        s.queues().stream().map(QueuesDto::queue).toList());
  }

  private static OptionalLong totalDepth(QueuesSnapshot s) {
    long sum = 0;
    for (QueueStats q : s.queues()) {
      if (q.own()) {
        continue;
      }
      if (q.depth().isEmpty()) {
        return OptionalLong.empty();
      }
      sum += q.depth().getAsLong();
    }
    return OptionalLong.of(sum);
  }

  private static Queue queue(QueueStats q) {
    return new Queue(
        q.name(),
        q.own(),
        q.ready(),
        Nullables.of(q.unacked()),
        Nullables.of(q.depth()),
        q.consumers(),
        Nullables.of(q.publishPerSec()),
        Nullables.of(q.deliverPerSec()),
        Nullables.of(q.ackPerSec()),
        Nullables.of(q.redeliverPerSec()),
        Nullables.of(q.drainEtaSeconds()),
        Nullables.of(q.counters().published()),
        Nullables.of(q.counters().delivered()),
        Nullables.of(q.counters().acked()),
        Nullables.of(q.counters().redelivered()));
  }
}

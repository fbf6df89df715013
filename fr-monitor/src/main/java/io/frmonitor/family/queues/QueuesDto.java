package io.frmonitor.family.queues;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.family.Nullables;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.registry.Latest;
import java.util.List;
import java.util.Optional;
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
    List<Queue> queues) {

  public record Queue(
      String name,
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
          @Nullable Double drainEtaSeconds) {}

  static QueuesDto of(Optional<Latest<QueuesSnapshot>> latest) {
    if (latest.isEmpty()) {
      return new QueuesDto(null, true, null, false, null, List.of());
    }
    QueuesSnapshot s = latest.get().value();
    return new QueuesDto(
        latest.get().collectedAt().toEpochMilli(),
        latest.get().stale(),
        s.source(),
        s.truncated(),
        s.matched(),
        s.queues().stream().map(QueuesDto::queue).toList());
  }

  private static Queue queue(QueueStats q) {
    return new Queue(
        q.name(),
        q.ready(),
        Nullables.of(q.unacked()),
        Nullables.of(q.depth()),
        q.consumers(),
        Nullables.of(q.publishPerSec()),
        Nullables.of(q.deliverPerSec()),
        Nullables.of(q.ackPerSec()),
        Nullables.of(q.redeliverPerSec()),
        Nullables.of(q.drainEtaSeconds()));
  }
}

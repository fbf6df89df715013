package io.frmonitor.api;

import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.registry.Latest;
import java.util.List;
import java.util.Optional;

/** {@code GET /metrics/queues}. Values the source did not report are null, never zero. */
record QueuesDto(
    Long timestamp,
    boolean stale,
    String source,
    boolean truncated,
    Integer matched,
    List<Queue> queues) {

  record Queue(
      String name,
      long ready,
      Long unacked,
      Long depth,
      long consumers,
      Double publishPerSec,
      Double deliverPerSec,
      Double ackPerSec,
      Double redeliverPerSec,
      Double drainEtaSeconds) {}

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
        Json.orNull(q.unacked()),
        Json.orNull(q.depth()),
        q.consumers(),
        Json.orNull(q.publishPerSec()),
        Json.orNull(q.deliverPerSec()),
        Json.orNull(q.ackPerSec()),
        Json.orNull(q.redeliverPerSec()),
        Json.orNull(q.drainEtaSeconds()));
  }
}

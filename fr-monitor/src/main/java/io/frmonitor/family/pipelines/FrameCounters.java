package io.frmonitor.family.pipelines;

import io.frmonitor.family.FrServerQueues;
import io.frmonitor.family.Nullables;
import io.frmonitor.family.Signals;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.registry.MetricRegistry;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * What the broker's own counters say of the frames before the GPU stage, with no change to the
 * fr-server: frames the gateway accepted ({@code clients_data} publishes), frames waiting for the
 * pipelines manager, and frames it took but put in no worker's face queue. Null where the
 * management API's statistics are not there (or, for the unrouted count, do not cover every worker
 * queue).
 */
record FrameCounters(
    @Nullable Long acceptedTotal,
    @Nullable Double acceptedPerSec,
    @Nullable Long waiting,
    @Nullable Long unroutedTotal,
    @Nullable Long unroutedMargin) {
  static final FrameCounters UNKNOWN = new FrameCounters(null, null, null, null, null);

  /**
   * How often the broker refreshes a queue's statistics (RabbitMQ's collect_statistics_interval).
   */
  static final double STATISTICS_INTERVAL_SECONDS = 5;

  static FrameCounters of(MetricRegistry registry) {
    Optional<QueuesSnapshot> queues = Signals.countedQueues(registry);
    Optional<QueueStats> clientsData = queues.flatMap(q -> q.queue(FrServerQueues.CLIENTS_DATA));
    if (queues.isEmpty() || clientsData.isEmpty()) {
      return UNKNOWN;
    }
    QueueStats in = clientsData.get();
    return new FrameCounters(
        Nullables.of(in.counters().published()),
        Nullables.of(in.publishPerSec()),
        Nullables.of(in.depth()),
        Nullables.of(unrouted(in, queues.get())),
        Nullables.of(margin(in, queues.get())));
  }

  /**
   * How far the unrouted count may be off while frames flow: each queue's counters are refreshed on
   * their own every 5 s, so the two sides of the difference may be up to that much traffic apart.
   */
  private static OptionalLong margin(QueueStats clientsData, QueuesSnapshot queues) {
    if (queues.truncated()) {
      return OptionalLong.empty();
    }
    double routed = 0;
    for (QueueStats q : queues.queues()) {
      if (FrServerQueues.pipelineOf(q.name(), "face").isPresent()) {
        routed += q.publishPerSec().orElse(0);
      }
    }
    double rate = Math.max(clientsData.ackPerSec().orElse(0), routed);
    return OptionalLong.of((long) Math.ceil(rate * STATISTICS_INTERVAL_SECONDS));
  }

  /**
   * Taken from {@code clients_data} minus put in a face queue; unknown when the list of queues was
   * cut short, since a missing face queue would count as lost.
   */
  private static OptionalLong unrouted(QueueStats clientsData, QueuesSnapshot queues) {
    OptionalLong taken = clientsData.counters().acked();
    if (queues.truncated() || taken.isEmpty()) {
      return OptionalLong.empty();
    }
    long routed = 0;
    for (QueueStats q : queues.queues()) {
      if (FrServerQueues.pipelineOf(q.name(), "face").isPresent()) {
        routed += q.counters().published().orElse(0);
      }
    }
    return OptionalLong.of(Math.max(0, taken.getAsLong() - routed));
  }
}

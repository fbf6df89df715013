package io.frmonitor.family.queues;

import io.frmonitor.family.Card;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Points;
import io.frmonitor.family.Rest;
import io.frmonitor.family.SampleSource;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import java.util.List;
import java.util.Map;

/** Backlog and rates of the fr-server's RabbitMQ queues ({@code rabbitmq_stats}). */
public final class QueuesFamily {
  public static final FamilySpec<QueuesSnapshot> SPEC =
      FamilySpec.of(QueuesSnapshot.FAMILY, "Queues")
          .rest(
              new Rest(
                  QueuesDto.class,
                  (registry, query) -> QueuesDto.of(registry.latest(QueuesSnapshot.FAMILY)),
                  (registry, query) -> QueuesDto.of(registry.latest(QueuesSnapshot.FAMILY)),
                  "Queue backlog and rates of the fr-server's queues",
                  "From the RabbitMQ management API (one request per cycle, filtered by"
                      + " MONITORING_RMQ_QUEUES, capped by MONITORING_RMQ_MAX_QUEUES with"
                      + " `truncated`); when it is unreachable, from passive queue.declare"
                      + " (`source: amqp_passive`: ready and consumers only). depth = ready +"
                      + " unacked, because the fr-server's consumers have no prefetch limit.",
                  List.of()))
          .samples(QueuesSamples.METRICS, SampleSource.whenFresh(QueuesSamples::write))
          .series(QueuesFamily::series)
          .card(Card.custom())
          .build();

  private QueuesFamily() {}

  static Map<String, Double> series(QueuesSnapshot s) {
    Points p = new Points(QueuesSnapshot.FAMILY);
    for (QueueStats q : s.queues()) {
      p.put("depth", q.name(), q.depth());
      p.put("ready", q.name(), q.ready());
      p.put("consumers", q.name(), q.consumers());
      p.put("publish_per_sec", q.name(), q.publishPerSec());
      p.put("ack_per_sec", q.name(), q.ackPerSec());
    }
    return p.map();
  }
}

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
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Backlog and rates of the fr-server's RabbitMQ queues ({@code rabbitmq_stats}). */
public final class QueuesFamily {
  public static final FamilySpec<QueuesSnapshot> SPEC =
      FamilySpec.of(QueuesSnapshot.FAMILY, "Queues")
          .rest(
              Rest.of(
                  QueuesDto.class,
                  registry -> QueuesDto.of(registry.latest(QueuesSnapshot.FAMILY)),
                  "Queue backlog and rates of the fr-server's queues",
                  "From the RabbitMQ management API (one request per cycle, filtered by"
                      + " MONITORING_RMQ_QUEUES, capped by MONITORING_RMQ_MAX_QUEUES with"
                      + " `truncated`); when it is unreachable, from passive queue.declare"
                      + " (`source: amqp_passive`: ready and consumers only). depth = ready +"
                      + " unacked, because the fr-server's consumers have no prefetch limit."))
          .example(example())
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

  /** One face queue draining, the actions queue keeping up. */
  static QueuesSnapshot example() {
    return new QueuesSnapshot(
        QueuesSnapshot.MANAGEMENT_API,
        false,
        2,
        List.of(
            new QueueStats(
                "PipeLine_0_face_data",
                0,
                OptionalLong.of(120),
                OptionalLong.of(120),
                1,
                OptionalDouble.of(10),
                OptionalDouble.of(40),
                OptionalDouble.of(40),
                OptionalDouble.of(0.5),
                OptionalDouble.of(4)),
            new QueueStats(
                "actions",
                0,
                OptionalLong.of(2),
                OptionalLong.of(2),
                1,
                OptionalDouble.of(20),
                OptionalDouble.of(20),
                OptionalDouble.of(20),
                OptionalDouble.of(0),
                OptionalDouble.empty())));
  }
}

package io.frmonitor.collect.rabbitmq;

import io.frmonitor.model.QueueCounters;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Reads a page of {@code GET /api/queues/<vhost>?page=…&columns=…} (decoded JSON) into queue
 * statistics, with the broker's raw cumulative counters (the poller turns them into counts since it
 * started, see {@link QueueCounterTracker}), and {@code GET /api/vhosts/<vhost>} into whether the
 * vhost is traced. Pure; tested on captured responses.
 */
final class QueueStatsParser {
  private QueueStatsParser() {}

  static QueuesSnapshot parse(Object page) {
    if (!(page instanceof Map<?, ?> m) || !(m.get("items") instanceof List<?> items)) {
      throw new IllegalArgumentException("not a page of queues");
    }
    List<QueueStats> queues = new ArrayList<>(items.size());
    for (Object item : items) {
      if (item instanceof Map<?, ?> q && q.get("name") instanceof String name) {
        queues.add(queue(name, q));
      }
    }
    long filtered = number(m.get("filtered_count")).orElse(queues.size());
    return new QueuesSnapshot(
        QueuesSnapshot.MANAGEMENT_API, filtered > queues.size(), (int) filtered, queues);
  }

  private static QueueStats queue(String name, Map<?, ?> q) {
    long ready = number(q.get("messages_ready")).orElse(0);
    long unacked = number(q.get("messages_unacknowledged")).orElse(0);
    long depth = ready + unacked;
    Map<?, ?> stats = q.get("message_stats") instanceof Map<?, ?> s ? s : Map.of();
    OptionalDouble publish = rate(stats, "publish_details");
    OptionalDouble ack = rate(stats, "ack_details");
    return new QueueStats(
        name,
        ready,
        OptionalLong.of(unacked),
        OptionalLong.of(depth),
        number(q.get("consumers")).orElse(0),
        publish,
        rate(stats, "deliver_get_details"),
        ack,
        rate(stats, "redeliver_details"),
        drainEta(depth, ack, publish),
        new QueueCounters(
            number(stats.get("publish")),
            number(stats.get("deliver_get")),
            number(stats.get("ack")),
            number(stats.get("redeliver"))));
  }

  /**
   * The {@code tracing} flag of the vhost named {@code name} in a page of {@code GET /api/vhosts}
   * (decoded JSON): whether the broker copies its messages to the firehose. Empty when the page
   * does not list the vhost, or lists it without the flag.
   */
  static Optional<Boolean> tracing(Object vhosts, String name) {
    if (!(vhosts instanceof Map<?, ?> page) || !(page.get("items") instanceof List<?> items)) {
      return Optional.empty();
    }
    for (Object item : items) {
      if (item instanceof Map<?, ?> v
          && name.equals(v.get("name"))
          && v.get("tracing") instanceof Boolean b) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /**
   * Seconds until the queue is empty at the current net rate: messages leave when acked (the
   * fr-server acks manually). A queue with no publishes reported has a publish rate of 0.
   */
  static OptionalDouble drainEta(long depth, OptionalDouble ack, OptionalDouble publish) {
    if (depth == 0) {
      return OptionalDouble.of(0);
    }
    if (ack.isEmpty()) {
      return OptionalDouble.empty();
    }
    double net = ack.getAsDouble() - publish.orElse(0);
    return net > 0 ? OptionalDouble.of(depth / net) : OptionalDouble.empty();
  }

  private static OptionalDouble rate(Map<?, ?> stats, String key) {
    if (stats.get(key) instanceof Map<?, ?> details && details.get("rate") instanceof Number n) {
      return OptionalDouble.of(n.doubleValue());
    }
    return OptionalDouble.empty();
  }

  private static OptionalLong number(@Nullable Object o) {
    return o instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
  }
}

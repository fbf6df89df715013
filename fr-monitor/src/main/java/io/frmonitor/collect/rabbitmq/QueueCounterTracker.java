package io.frmonitor.collect.rabbitmq;

import io.frmonitor.model.QueueCounters;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Turns the broker's raw cumulative queue counters into what went through each queue since
 * fr-monitor started watching, as Prometheus turns a counter into an increase: a count that went
 * down was reset (the queue re-created, the broker restarted), and the new count is what happened
 * since. The queues present at the first reading count from then (their history before is not
 * fr-monitor's to report); a queue that appears later counts from its creation.
 *
 * <p>Thread safety: confined to the poller's thread.
 */
final class QueueCounterTracker {
  private static final int COUNTERS = 4;

  private final Map<String, long[]> lastRaw = new HashMap<>();
  private final Map<String, long[]> total = new HashMap<>();
  private boolean firstReading = true;

  /** The snapshot with each queue's counters since fr-monitor started watching. */
  QueuesSnapshot track(QueuesSnapshot raw) {
    List<QueueStats> out = new ArrayList<>(raw.queues().size());
    for (QueueStats q : raw.queues()) {
      out.add(q.withCounters(track(q.name(), q.counters())));
    }
    firstReading = false;
    return new QueuesSnapshot(raw.source(), raw.truncated(), raw.matched(), out, raw.tracing());
  }

  private QueueCounters track(String queue, QueueCounters raw) {
    OptionalLong[] values = {raw.published(), raw.delivered(), raw.acked(), raw.redelivered()};
    boolean seen = lastRaw.containsKey(queue);
    long[] last = lastRaw.computeIfAbsent(queue, k -> new long[COUNTERS]);
    long[] sum = total.computeIfAbsent(queue, k -> new long[COUNTERS]);
    OptionalLong[] counted = new OptionalLong[COUNTERS];
    for (int i = 0; i < COUNTERS; i++) {
      if (values[i].isEmpty()) {
        // the API lists the queue but no such traffic since its creation: nothing to add
        counted[i] = OptionalLong.of(sum[i]);
        continue;
      }
      long now = values[i].getAsLong();
      if (!seen && firstReading) {
        last[i] = now; // history before fr-monitor started is not counted
      }
      sum[i] += now >= last[i] ? now - last[i] : now; // a count that went down was reset
      last[i] = now;
      counted[i] = OptionalLong.of(sum[i]);
    }
    return new QueueCounters(counted[0], counted[1], counted[2], counted[3]);
  }
}

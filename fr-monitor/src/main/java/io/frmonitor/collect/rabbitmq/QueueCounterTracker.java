package io.frmonitor.collect.rabbitmq;

import io.frmonitor.model.QueueCounters;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.registry.Baselines;
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
 * fr-monitor's to report); a queue that appears later counts from its creation. Across a restart of
 * fr-monitor, the counts go on from the {@link Baselines} the state kept: what the broker counted
 * while fr-monitor was down is added, as it is what went through the queue.
 *
 * <p>Thread safety: confined to the poller's thread.
 */
final class QueueCounterTracker {
  private static final int COUNTERS = 4;

  /** The baselines' namespace: per queue, the last raw counters and the totals. */
  static final String NAMESPACE = "queue_counters";

  private final Map<String, long[]> lastRaw = new HashMap<>();
  private final Map<String, long[]> total = new HashMap<>();
  private boolean firstReading = true;

  /**
   * The snapshot with each queue's counters since fr-monitor started watching; {@code baselines}
   * gives an earlier run's at the first reading, and keeps this one's for the next.
   */
  QueuesSnapshot track(QueuesSnapshot raw, Baselines baselines) {
    if (firstReading) {
      baselines
          .get(NAMESPACE)
          .forEach(
              (queue, v) -> {
                if (v.length == 2 * COUNTERS) {
                  lastRaw.put(queue, java.util.Arrays.copyOfRange(v, 0, COUNTERS));
                  total.put(queue, java.util.Arrays.copyOfRange(v, COUNTERS, 2 * COUNTERS));
                }
              });
    }
    List<QueueStats> out = new ArrayList<>(raw.queues().size());
    Map<String, long[]> kept = new HashMap<>();
    for (QueueStats q : raw.queues()) {
      out.add(q.withCounters(track(q.name(), q.counters())));
      long[] v = new long[2 * COUNTERS];
      System.arraycopy(lastRaw.get(q.name()), 0, v, 0, COUNTERS);
      System.arraycopy(total.get(q.name()), 0, v, COUNTERS, COUNTERS);
      kept.put(q.name(), v);
    }
    firstReading = false;
    baselines.put(NAMESPACE, kept);
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

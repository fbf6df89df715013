package io.frmonitor.model;

import java.util.OptionalLong;

/**
 * What went through a queue since fr-monitor started watching it, from the broker's cumulative
 * counters (message_stats: publish, deliver_get, ack and redeliver counts), corrected for resets as
 * Prometheus corrects a counter: when the broker's count goes down (the queue was re-created, the
 * broker restarted) the new count is what happened since. A queue that existed when fr-monitor
 * started counts from then; one that appeared later counts from its creation. A queue the
 * management API lists without such traffic counts 0; with the passive fallback nothing is known,
 * and every counter is empty.
 */
public record QueueCounters(
    OptionalLong published, OptionalLong delivered, OptionalLong acked, OptionalLong redelivered) {
  /** Nothing known: the passive fallback, or a queue whose statistics were not read. */
  public static final QueueCounters NONE =
      new QueueCounters(
          OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
}

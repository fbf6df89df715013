package io.frmonitor.model;

import java.util.List;

/**
 * The statistics of the system's queues this cycle.
 *
 * @param source {@code management_api}, or {@code amqp_passive} when the API was unreachable
 * @param truncated more queues matched than {@code MONITORING_RMQ_MAX_QUEUES}; the rest are not
 *     listed
 * @param matched how many queues matched in all
 */
public record QueuesSnapshot(
    String source, boolean truncated, int matched, List<QueueStats> queues) {
  /** The queues family: what the outputs call this snapshot. */
  public static final Family<QueuesSnapshot> FAMILY = new Family<>("queues", QueuesSnapshot.class);

  public QueuesSnapshot {
    queues = List.copyOf(queues);
  }
}

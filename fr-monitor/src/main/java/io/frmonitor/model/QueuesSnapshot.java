package io.frmonitor.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The statistics of the watched queues this cycle: the fr-server's first, then fr-monitor's own
 * ({@link QueueStats#own()}), which no total includes.
 *
 * @param source {@code management_api}, or {@code amqp_passive} when the API was unreachable
 * @param truncated more queues matched than {@code MONITORING_RMQ_MAX_QUEUES}; the rest are not
 *     listed
 * @param matched how many queues matched in all
 * @param tracing whether the broker traces the vhost (the firehose: {@code rabbitmqctl trace_on});
 *     empty when not known (the passive fallback)
 */
public record QueuesSnapshot(
    String source,
    boolean truncated,
    int matched,
    List<QueueStats> queues,
    Optional<Boolean> tracing) {
  /** The queues family: what the outputs call this snapshot. */
  public static final Family<QueuesSnapshot> FAMILY = new Family<>("queues", QueuesSnapshot.class);

  /** The source with counters and rates. */
  public static final String MANAGEMENT_API = "management_api";

  public QueuesSnapshot {
    queues = queues.stream().sorted(Comparator.comparing(QueueStats::own)).toList();
  }

  /** Without knowing whether the vhost is traced. */
  public QueuesSnapshot(String source, boolean truncated, int matched, List<QueueStats> queues) {
    this(source, truncated, matched, queues, Optional.empty());
  }

  /** The queue of that name, when it is watched and exists. */
  public Optional<QueueStats> queue(String name) {
    return queues.stream().filter(q -> q.name().equals(name)).findFirst();
  }

  /** A copy with the vhost's tracing flag. */
  public QueuesSnapshot withTracing(Optional<Boolean> newTracing) {
    return new QueuesSnapshot(source, truncated, matched, queues, newTracing);
  }
}

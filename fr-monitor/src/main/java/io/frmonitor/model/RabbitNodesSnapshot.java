package io.frmonitor.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The RabbitMQ broker's nodes, from the management API's {@code /api/nodes}: resource use against
 * the limits that make the broker block every publisher (the memory and disk alarms), and the
 * limits that make it refuse connections (file descriptors, Erlang processes). A value the node
 * does not report — a stopped node reports almost nothing; RabbitMQ 4 no longer counts sockets — is
 * empty, never zero.
 */
public record RabbitNodesSnapshot(List<Node> nodes) {
  /** The rabbitmq_nodes family: what the outputs call this snapshot. */
  public static final Family<RabbitNodesSnapshot> FAMILY =
      new Family<>("rabbitmq_nodes", RabbitNodesSnapshot.class);

  public RabbitNodesSnapshot {
    nodes = List.copyOf(nodes);
  }

  /**
   * One node.
   *
   * @param partitions the nodes this one cannot reach (a network partition); empty when healthy
   */
  public record Node(
      String name,
      boolean running,
      OptionalLong memoryUsedBytes,
      OptionalLong memoryLimitBytes,
      Optional<Boolean> memoryAlarm,
      OptionalLong diskFreeBytes,
      OptionalLong diskFreeLimitBytes,
      Optional<Boolean> diskFreeAlarm,
      OptionalLong fdUsed,
      OptionalLong fdLimit,
      OptionalLong socketsUsed,
      OptionalLong socketsLimit,
      OptionalLong processesUsed,
      OptionalLong processesLimit,
      OptionalLong uptimeSeconds,
      List<String> partitions) {
    public Node {
      partitions = List.copyOf(partitions);
    }

    /** Whether a memory or disk alarm is raised: the broker then blocks every publisher. */
    public boolean alarmed() {
      return memoryAlarm.orElse(false) || diskFreeAlarm.orElse(false);
    }
  }
}

package io.frmonitor.collect.rabbitmq;

import io.frmonitor.model.RabbitNodesSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code GET /api/nodes?columns=…} (decoded JSON) into node health. Pure; tested on a
 * captured answer. RabbitMQ 4 stopped counting sockets and reports {@code sockets_total} 0: that is
 * "not reported", not a limit of zero.
 */
final class NodesParser {
  /** The columns asked for: the answer is then about 400 bytes per node instead of 7 KB. */
  static final String COLUMNS =
      "name,running,mem_used,mem_limit,mem_alarm,disk_free,disk_free_limit,disk_free_alarm,"
          + "fd_used,fd_total,sockets_used,sockets_total,proc_used,proc_total,uptime,partitions";

  private NodesParser() {}

  static RabbitNodesSnapshot parse(Object answer) {
    if (!(answer instanceof List<?> items)) {
      throw new IllegalArgumentException("not a list of nodes");
    }
    List<RabbitNodesSnapshot.Node> nodes = new ArrayList<>(items.size());
    for (Object item : items) {
      if (item instanceof Map<?, ?> n && n.get("name") instanceof String name) {
        nodes.add(node(name, n));
      }
    }
    return new RabbitNodesSnapshot(nodes);
  }

  private static RabbitNodesSnapshot.Node node(String name, Map<?, ?> n) {
    OptionalLong socketsLimit =
        number(n.get("sockets_total")).stream().filter(v -> v > 0).findAny();
    OptionalLong uptimeMs = number(n.get("uptime"));
    return new RabbitNodesSnapshot.Node(
        name,
        Boolean.TRUE.equals(n.get("running")),
        number(n.get("mem_used")),
        number(n.get("mem_limit")),
        flag(n.get("mem_alarm")),
        number(n.get("disk_free")),
        number(n.get("disk_free_limit")),
        flag(n.get("disk_free_alarm")),
        number(n.get("fd_used")),
        number(n.get("fd_total")),
        socketsLimit.isPresent() ? number(n.get("sockets_used")) : OptionalLong.empty(),
        socketsLimit,
        number(n.get("proc_used")),
        number(n.get("proc_total")),
        uptimeMs.isPresent() ? OptionalLong.of(uptimeMs.getAsLong() / 1000) : OptionalLong.empty(),
        partitions(n.get("partitions")));
  }

  private static List<String> partitions(@Nullable Object raw) {
    List<String> out = new ArrayList<>();
    if (raw instanceof List<?> list) {
      list.forEach(p -> out.add(String.valueOf(p)));
    }
    return out;
  }

  private static Optional<Boolean> flag(@Nullable Object o) {
    return o instanceof Boolean b ? Optional.of(b) : Optional.empty();
  }

  private static OptionalLong number(@Nullable Object o) {
    return o instanceof Number x ? OptionalLong.of(x.longValue()) : OptionalLong.empty();
  }
}

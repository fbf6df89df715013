package io.frmonitor.family.rabbitnodes;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.family.Nullables;
import io.frmonitor.model.RabbitNodesSnapshot;
import io.frmonitor.registry.Latest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code GET /metrics/rabbitmq_nodes}: the broker's nodes, from {@code /api/nodes}. */
public record RabbitNodesDto(
    @Nullable Long timestamp,
    boolean stale,
    @JsonPropertyDescription("Nodes that run") @Nullable Integer running,
    @JsonPropertyDescription("Nodes with a memory or disk alarm: the broker blocks publishers")
        @Nullable Integer alarmed,
    List<Node> nodes) {

  public record Node(
      String name,
      @JsonPropertyDescription("ok, alarm (memory or disk: publishers blocked) or down")
          String status,
      @JsonPropertyDescription("The alarms raised: memory, disk; empty when none") String alarms,
      boolean running,
      @Nullable Long memoryUsedBytes,
      @Nullable Long memoryLimitBytes,
      @JsonPropertyDescription("memory used ÷ the high watermark, 0-100")
          @Nullable Double memoryPercent,
      @Nullable Boolean memoryAlarm,
      @Nullable Long diskFreeBytes,
      @Nullable Long diskFreeLimitBytes,
      @Nullable Boolean diskFreeAlarm,
      @Nullable Long fdUsed,
      @Nullable Long fdLimit,
      @JsonPropertyDescription("null from RabbitMQ 4 on, which no longer counts sockets")
          @Nullable Long socketsUsed,
      @Nullable Long socketsLimit,
      @Nullable Long processesUsed,
      @Nullable Long processesLimit,
      @Nullable Long uptimeSeconds,
      @JsonPropertyDescription("Nodes this one cannot reach (a network partition)")
          List<String> partitions) {}

  static RabbitNodesDto of(Optional<Latest<RabbitNodesSnapshot>> latest) {
    if (latest.isEmpty()) {
      return new RabbitNodesDto(null, true, null, null, List.of());
    }
    List<RabbitNodesSnapshot.Node> nodes = latest.get().value().nodes();
    return new RabbitNodesDto(
        latest.get().collectedAt().toEpochMilli(),
        latest.get().stale(),
        (int) nodes.stream().filter(RabbitNodesSnapshot.Node::running).count(),
        (int) nodes.stream().filter(RabbitNodesSnapshot.Node::alarmed).count(),
        nodes.stream().map(RabbitNodesDto::node).toList());
  }

  private static Node node(RabbitNodesSnapshot.Node n) {
    return new Node(
        n.name(),
        !n.running() ? "down" : n.alarmed() ? "alarm" : "ok",
        alarms(n),
        n.running(),
        Nullables.of(n.memoryUsedBytes()),
        Nullables.of(n.memoryLimitBytes()),
        n.memoryUsedBytes().isPresent() && n.memoryLimitBytes().orElse(0) > 0
            ? 100.0 * n.memoryUsedBytes().getAsLong() / n.memoryLimitBytes().getAsLong()
            : null,
        Nullables.of(n.memoryAlarm()),
        Nullables.of(n.diskFreeBytes()),
        Nullables.of(n.diskFreeLimitBytes()),
        Nullables.of(n.diskFreeAlarm()),
        Nullables.of(n.fdUsed()),
        Nullables.of(n.fdLimit()),
        Nullables.of(n.socketsUsed()),
        Nullables.of(n.socketsLimit()),
        Nullables.of(n.processesUsed()),
        Nullables.of(n.processesLimit()),
        Nullables.of(n.uptimeSeconds()),
        n.partitions());
  }

  private static String alarms(RabbitNodesSnapshot.Node n) {
    List<String> out = new ArrayList<>();
    if (n.memoryAlarm().orElse(false)) {
      out.add("memory");
    }
    if (n.diskFreeAlarm().orElse(false)) {
      out.add("disk");
    }
    return String.join(", ", out);
  }
}

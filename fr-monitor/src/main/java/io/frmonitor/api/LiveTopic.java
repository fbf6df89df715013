package io.frmonitor.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.frmonitor.model.Families;
import io.frmonitor.model.Family;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.registry.MetricRegistry;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a WebSocket client can subscribe to. Each data topic's value is exactly the body of its REST
 * endpoint (so the two never disagree); {@code events} carries event messages only.
 */
enum LiveTopic {
  SYSTEM,
  GPU,
  CLIENTS,
  PIPELINES,
  QUEUES,
  GATEWAYS,
  STORAGE,
  COLLECTORS,
  EVENTS;

  /** The client list in the {@code clients} topic stops here; {@code /metrics/clients} pages on. */
  static final int CLIENTS_SHOWN = 200;

  private static final ClientQuery FIRST_CLIENTS = new ClientQuery(Set.of(), "", 0, CLIENTS_SHOWN);

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<LiveTopic> parse(String name) {
    for (LiveTopic t : values()) {
      if (t.wireName().equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The topics whose value a family's new snapshot changes. */
  static Set<LiveTopic> fedBy(Family<?> family) {
    if (family.equals(Families.SYSTEM)) {
      return EnumSet.of(SYSTEM);
    } else if (family.equals(Families.GPU)) {
      return EnumSet.of(GPU);
    } else if (family.equals(Families.CLIENTS)) {
      return EnumSet.of(CLIENTS);
    } else if (family.equals(Families.PIPELINES) || family.equals(Families.RESULTS)) {
      return EnumSet.of(PIPELINES);
    } else if (family.equals(Families.QUEUES)) {
      return EnumSet.of(QUEUES);
    } else if (family.equals(Families.GATEWAYS)) {
      return EnumSet.of(GATEWAYS);
    } else if (family.equals(Families.STORAGE)) {
      return EnumSet.of(STORAGE);
    }
    return EnumSet.noneOf(LiveTopic.class);
  }

  /** Whether the topic carries a state (every one but {@code events}). */
  boolean hasState() {
    return this != EVENTS;
  }

  /** The topic's current value, as its REST endpoint renders it. */
  ObjectNode render(MetricRegistry registry) {
    Object dto =
        switch (this) {
          case SYSTEM -> SystemDto.of(registry.latest(Families.SYSTEM), null);
          case GPU ->
              GpuDto.of(
                  registry.latest(Families.GPU),
                  Optional.ofNullable(registry.statuses().get("gpu")),
                  null);
          case CLIENTS -> ClientsDto.of(registry.latest(Families.CLIENTS), FIRST_CLIENTS);
          case PIPELINES ->
              PipelinesDto.of(
                  registry.latest(Families.PIPELINES),
                  registry.latest(Families.RESULTS),
                  PipelinesSnapshot.LATENCY_WINDOW);
          case QUEUES -> QueuesDto.of(registry.latest(Families.QUEUES));
          case GATEWAYS -> GatewaysDto.of(registry.latest(Families.GATEWAYS));
          case STORAGE -> StorageDto.of(registry.latest(Families.STORAGE));
          case COLLECTORS -> HealthDto.of(registry.statuses(), registry.clock().instant());
          case EVENTS -> throw new IllegalStateException("events carry no state");
        };
    return Json.MAPPER.valueToTree(dto);
  }
}

package io.frmonitor.collect.rabbitmq;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One gateway event (schema in docs/producers.md): {@code {"type": "heartbeat" | "session_opened" |
 * "session_closed" | "frame_rejected", "gateway": "gw-1", "ts": <epoch ms or s>, "clients": 12,
 * "client": "obama", "reason": "blocked"}}. Pure.
 */
record GatewayEvent(
    String type, String gateway, Optional<Instant> time, OptionalLong clients, String reason) {
  static final java.util.Set<String> TYPES =
      java.util.Set.of("heartbeat", "session_opened", "session_closed", "frame_rejected");
  private static final int MAX_NAME = 128;

  /** The event in a decoded payload, or empty when it is not a well-formed one. */
  static Optional<GatewayEvent> of(Object decoded) {
    if (!(decoded instanceof Map<?, ?> m)
        || !(m.get("type") instanceof String type)
        || !TYPES.contains(type)
        || !(m.get("gateway") instanceof String gateway)
        || gateway.isEmpty()
        || gateway.length() > MAX_NAME) {
      return Optional.empty();
    }
    OptionalLong clients =
        m.get("clients") instanceof Number n
            ? OptionalLong.of(n.longValue())
            : OptionalLong.empty();
    String reason =
        m.get("reason") instanceof String r && r.length() <= MAX_NAME ? r : "unspecified";
    return Optional.of(
        new GatewayEvent(type, gateway, FrameFacts.epoch(m.get("ts")), clients, reason));
  }
}

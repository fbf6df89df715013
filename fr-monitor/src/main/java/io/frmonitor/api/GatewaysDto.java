package io.frmonitor.api;

import io.frmonitor.model.GatewaysSnapshot;
import io.frmonitor.registry.Latest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /metrics/gateways}: gateways reporting to {@code monitoring.gateway_events}. */
record GatewaysDto(
    Long timestamp, boolean stale, Long eventsTotal, Long malformedTotal, List<Gateway> gateways) {

  record Gateway(
      String name,
      String status,
      Long lastHeartbeat,
      Long clients,
      long sessionsOpenedTotal,
      long sessionsClosedTotal,
      Map<String, Long> rejections) {}

  static GatewaysDto of(Optional<Latest<GatewaysSnapshot>> latest) {
    if (latest.isEmpty()) {
      return new GatewaysDto(null, true, null, null, List.of());
    }
    GatewaysSnapshot s = latest.get().value();
    return new GatewaysDto(
        latest.get().collectedAt().toEpochMilli(),
        latest.get().stale(),
        s.eventsTotal(),
        s.malformed(),
        s.gateways().stream()
            .map(
                g ->
                    new Gateway(
                        g.name(),
                        g.up() ? "up" : "down",
                        g.lastHeartbeat().map(Instant::toEpochMilli).orElse(null),
                        Json.orNull(g.clients()),
                        g.sessionsOpened(),
                        g.sessionsClosed(),
                        g.rejections()))
            .toList());
  }
}

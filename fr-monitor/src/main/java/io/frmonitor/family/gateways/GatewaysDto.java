package io.frmonitor.family.gateways;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.family.Nullables;
import io.frmonitor.model.GatewaysSnapshot;
import io.frmonitor.registry.Latest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code GET /metrics/gateways}: gateways reporting to {@code monitoring.gateway_events}. */
public record GatewaysDto(
    @Nullable Long timestamp,
    boolean stale,
    @JsonPropertyDescription("Gateways whose heartbeats arrive") @Nullable Integer up,
    @JsonPropertyDescription("Gateways that stopped heart-beating") @Nullable Integer down,
    @JsonPropertyDescription("Events received since fr-monitor started") @Nullable Long eventsTotal,
    @Nullable Long malformedTotal,
    List<Gateway> gateways) {

  public record Gateway(
      String name,
      @JsonPropertyDescription("up or down") String status,
      @Nullable Long lastHeartbeat,
      @JsonPropertyDescription("Clients connected, per the last heartbeat") @Nullable Long clients,
      long sessionsOpenedTotal,
      long sessionsClosedTotal,
      @JsonPropertyDescription("Refusals by reason") Map<String, Long> rejections,
      long rejectionsTotal) {}

  static GatewaysDto of(Optional<Latest<GatewaysSnapshot>> latest) {
    if (latest.isEmpty()) {
      return new GatewaysDto(null, true, null, null, null, null, List.of());
    }
    GatewaysSnapshot s = latest.get().value();
    int up = (int) s.gateways().stream().filter(GatewaysSnapshot.Gateway::up).count();
    return new GatewaysDto(
        latest.get().collectedAt().toEpochMilli(),
        latest.get().stale(),
        up,
        s.gateways().size() - up,
        s.eventsTotal(),
        s.malformed(),
        s.gateways().stream().map(GatewaysDto::gateway).toList());
  }

  private static Gateway gateway(GatewaysSnapshot.Gateway g) {
    return new Gateway(
        g.name(),
        g.up() ? "up" : "down",
        g.lastHeartbeat().map(Instant::toEpochMilli).orElse(null),
        Nullables.of(g.clients()),
        g.sessionsOpened(),
        g.sessionsClosed(),
        g.rejections(),
        g.rejections().values().stream().mapToLong(Long::longValue).sum());
  }
}

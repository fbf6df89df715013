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
    @JsonPropertyDescription(
            "Whether any gateway has ever reported since fr-monitor started: today's gateway does"
                + " not (see reason), and an empty list then means unknown, not no gateway")
        boolean reporting,
    @JsonPropertyDescription("Why the gateways' figures are unknown, while none reports")
        @Nullable String reason,
    @JsonPropertyDescription("Gateways whose heartbeats arrive") @Nullable Integer up,
    @JsonPropertyDescription("Gateways that stopped heart-beating") @Nullable Integer down,
    @JsonPropertyDescription("Events received since fr-monitor started") @Nullable Long eventsTotal,
    @Nullable Long malformedTotal,
    @JsonPropertyDescription("The gateways that reported; null while none has (unknown, not none)")
        @Nullable List<Gateway> gateways) {

  public record Gateway(
      String name,
      @JsonPropertyDescription("up or down") String status,
      @Nullable Long lastHeartbeat,
      @JsonPropertyDescription("Clients connected, per the last heartbeat") @Nullable Long clients,
      long sessionsOpenedTotal,
      long sessionsClosedTotal,
      @JsonPropertyDescription("Refusals by reason") Map<String, Long> rejections,
      long rejectionsTotal) {}

  /** Why nothing is known of the gateways while none reports. */
  static final String NOT_REPORTING =
      "no gateway has reported to monitoring.gateway_events since fr-monitor started: today's"
          + " gateway does not publish events; it needs the producer change of"
          + " docs/producers.md#3-gateway-events";

  static GatewaysDto of(Optional<Latest<GatewaysSnapshot>> latest) {
    if (latest.isEmpty()) {
      return new GatewaysDto(null, true, false, NOT_REPORTING, null, null, null, null, null);
    }
    GatewaysSnapshot s = latest.get().value();
    boolean reporting = s.reporting();
    int up = (int) s.gateways().stream().filter(GatewaysSnapshot.Gateway::up).count();
    return new GatewaysDto(
        latest.get().collectedAt().toEpochMilli(),
        latest.get().stale(),
        reporting,
        reporting ? null : NOT_REPORTING,
        reporting ? up : null,
        reporting ? s.gateways().size() - up : null,
        s.eventsTotal(),
        s.malformed(),
        reporting ? s.gateways().stream().map(GatewaysDto::gateway).toList() : null);
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

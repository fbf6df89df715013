package io.frmonitor.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The gateways that published events to {@code monitoring.gateway_events} (docs/producers.md): a
 * gateway is up while its heartbeats keep arriving within {@code
 * MONITORING_GATEWAY_HEARTBEAT_TIMEOUT}.
 *
 * @param malformed events that could not be decoded or lacked a type or gateway
 */
public record GatewaysSnapshot(List<Gateway> gateways, long eventsTotal, long malformed) {
  /** The gateways family: what the outputs call this snapshot. */
  public static final Family<GatewaysSnapshot> FAMILY =
      new Family<>("gateways", GatewaysSnapshot.class);

  public GatewaysSnapshot {
    gateways = List.copyOf(gateways);
  }

  /** Whether any gateway has reported since fr-monitor started (today's gateway does not). */
  public boolean reporting() {
    return eventsTotal > 0 || !gateways.isEmpty();
  }

  /**
   * One gateway. {@code clients} is the count from its last heartbeat; session and rejection counts
   * are since fr-monitor started.
   */
  public record Gateway(
      String name,
      boolean up,
      Optional<Instant> lastHeartbeat,
      OptionalLong clients,
      long sessionsOpened,
      long sessionsClosed,
      Map<String, Long> rejections) {
    public Gateway {
      rejections = Map.copyOf(rejections);
    }
  }
}

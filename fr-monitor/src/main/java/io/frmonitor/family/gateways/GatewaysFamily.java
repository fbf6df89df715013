package io.frmonitor.family.gateways;

import static io.frmonitor.family.Card.column;

import io.frmonitor.family.Card;
import io.frmonitor.family.Card.Format;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Points;
import io.frmonitor.family.Rest;
import io.frmonitor.family.SampleSource;
import io.frmonitor.family.Signal;
import io.frmonitor.model.GatewaysSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Gateways reporting heartbeats, sessions and rejections ({@code gateway_events}). */
public final class GatewaysFamily {
  public static final FamilySpec<GatewaysSnapshot> SPEC =
      FamilySpec.of(GatewaysSnapshot.FAMILY, "Gateways")
          .rest(
              Rest.of(
                  GatewaysDto.class,
                  registry -> GatewaysDto.of(registry.latest(GatewaysSnapshot.FAMILY)),
                  "Gateways reporting events (heartbeats, sessions, rejections)",
                  "From fr-monitor's own inbox monitoring.gateway_events (schema in"
                      + " docs/producers.md). A gateway is up while heartbeats arrive within"
                      + " MONITORING_GATEWAY_HEARTBEAT_TIMEOUT. Until a gateway has reported,"
                      + " `reporting` is false, `reason` says why and up/down are null: today's"
                      + " gateway does not report."))
          .example(example())
          .samples(GatewaysSamples.METRICS, SampleSource.whenFresh(GatewaysSamples::write))
          .observes(
              Signal.GATEWAY_SESSIONS,
              GatewaysSamples.UP,
              GatewaysSamples.SESSIONS,
              GatewaysSamples.SESSION_EVENTS,
              GatewaysSamples.REJECTIONS)
          .series(GatewaysFamily::series)
          .card(
              Card.generic()
                  .tile("Up", "up", Format.INTEGER)
                  .tile("Down", "down", Format.INTEGER)
                  .tile("Events", "events_total", Format.INTEGER)
                  .notes("reason")
                  .table(
                      "gateways",
                      "No gateway listed.",
                      column("gateway", "name", Format.TEXT),
                      column("status", "status", Format.STATUS),
                      column("clients", "clients", Format.INTEGER),
                      column("last heartbeat", "last_heartbeat", Format.TIME),
                      column("sessions opened", "sessions_opened_total", Format.INTEGER),
                      column("sessions closed", "sessions_closed_total", Format.INTEGER),
                      column("rejections", "rejections_total", Format.INTEGER))
                  .build())
          .build();

  private GatewaysFamily() {}

  static Map<String, Double> series(GatewaysSnapshot s) {
    Points p = new Points(GatewaysSnapshot.FAMILY);
    for (GatewaysSnapshot.Gateway g : s.gateways()) {
      p.put("up", g.name(), g.up() ? 1 : 0);
      p.put("clients", g.name(), g.clients());
    }
    return p.map();
  }

  /** One gateway heart-beating, with a few refusals. */
  static GatewaysSnapshot example() {
    return new GatewaysSnapshot(
        List.of(
            new GatewaysSnapshot.Gateway(
                "gw-1",
                true,
                Optional.of(Instant.parse("2026-11-28T12:00:00Z")),
                OptionalLong.of(12),
                40,
                28,
                Map.of("blocked", 3L, "paused", 17L))),
        1520,
        0);
  }
}

package io.frmonitor.family.gateways;

import io.frmonitor.family.TapMetrics;
import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.GatewaysSnapshot;
import java.util.List;

/** The {@code fr_gateway_*} metrics, from the gateways' own events. */
final class GatewaysSamples {
  static final MetricDef UP =
      MetricDef.gauge("fr_gateway_up", "1 while the gateway's heartbeats arrive.", "gateway");
  static final MetricDef SESSIONS =
      MetricDef.gauge(
          "fr_gateway_sessions", "Clients connected, per the last heartbeat.", "gateway");
  static final MetricDef SESSION_EVENTS =
      MetricDef.counter(
          "fr_gateway_session_events", "Sessions opened and closed.", "gateway", "event");
  static final MetricDef REJECTIONS =
      MetricDef.counter(
          "fr_gateway_rejections",
          "Frames or connections the gateway refused.",
          "gateway",
          "reason");

  static final List<MetricDef> METRICS =
      List.of(UP, SESSIONS, SESSION_EVENTS, REJECTIONS, TapMetrics.MALFORMED);

  private GatewaysSamples() {}

  static void write(GatewaysSnapshot s, SampleWriter out) {
    for (GatewaysSnapshot.Gateway g : s.gateways()) {
      String name = g.name();
      out.flag(UP, g.up(), name);
      out.value(SESSIONS, g.clients(), name);
      out.value(SESSION_EVENTS, g.sessionsOpened(), name, "opened");
      out.value(SESSION_EVENTS, g.sessionsClosed(), name, "closed");
      g.rejections().forEach((reason, n) -> out.value(REJECTIONS, n, name, reason));
    }
    out.value(TapMetrics.MALFORMED, s.malformed(), "gateway_events");
  }
}

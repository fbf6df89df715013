package io.frmonitor.family.clients;

import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.ClientFlag;
import io.frmonitor.model.ClientState;
import io.frmonitor.model.ClientsSnapshot;
import java.util.List;

/** The client-state metrics, from the {@code Clients_status} hash. */
final class ClientsSamples {
  static final MetricDef IN_LIST =
      MetricDef.gauge(
          "fr_gateway_clients",
          "Client names in a Clients_status list (a client may be in several).",
          "state");
  static final MetricDef BY_STATE =
      MetricDef.gauge(
          "fr_clients_by_display_state",
          "Clients by display state (blocked > paused > active > internet_error > deactivated).",
          "state");
  static final MetricDef ANOMALIES =
      MetricDef.gauge("fr_client_anomalies", "Clients in a known inconsistent state.", "kind");
  static final MetricDef TRANSITIONS =
      MetricDef.counter(
          "fr_client_state_transitions",
          "Client display-state changes seen since start.",
          "from",
          "to");
  static final MetricDef SUPPRESSED =
      MetricDef.counter(
          "fr_client_state_events_suppressed",
          "State changes not written to the event log because one cycle had too many.");

  static final List<MetricDef> METRICS =
      List.of(IN_LIST, BY_STATE, ANOMALIES, TRANSITIONS, SUPPRESSED);

  private ClientsSamples() {}

  static void write(ClientsSnapshot s, SampleWriter out) {
    for (ClientFlag f : ClientFlag.values()) {
      if (f != ClientFlag.TO_CLOSE) {
        out.value(IN_LIST, s.count(f), f.label());
      }
    }
    for (ClientState state : ClientState.values()) {
      if (state != ClientState.NONE) {
        out.value(BY_STATE, s.count(state), state.label());
      }
    }
    out.value(ANOMALIES, s.anomalies().blockedAndActiveTotal(), "blocked_and_active");
    out.value(ANOMALIES, s.anomalies().activeAfterBlockTotal(), "active_after_block");
    s.transitions()
        .totals()
        .forEach(
            (from, tos) ->
                tos.forEach((to, n) -> out.value(TRANSITIONS, n, from.label(), to.label())));
    out.value(SUPPRESSED, s.transitions().suppressed());
  }
}

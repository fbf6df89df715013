package io.frmonitor.family;

import java.util.Locale;

/** Where fr-monitor sees a {@link Signal}, most exact first. */
public enum SignalSource {
  /** fr-monitor's copy of {@code received_clients_data}: every routed frame, exactly. */
  FRAME_TAP,
  /**
   * fr-monitor's copy of {@code pipeline_results}: every result, once the workers publish there.
   */
  RESULT_TAP,
  /** The broker's trace of the default exchange, while the vhost is traced: every message. */
  FIREHOSE,
  /** The management API's per-queue counters: how many, not which. */
  QUEUE_COUNTERS,
  /** The gateways' own events in {@code monitoring.gateway_events}. */
  GATEWAY_EVENTS;

  /** The name in JSON and in Prometheus labels. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package io.frmonitor.family;

import java.util.Locale;

/**
 * What the fr-server does that an operator wants counted, independently of where fr-monitor can see
 * it: each signal is fed by one {@link SignalSource} at a time, or by none — and then it is
 * unknown, never 0 (see {@link Signals}).
 */
public enum Signal {
  /** Frames the clients sent that the gateway accepted, or the pipelines manager routed. */
  FRAMES,
  /** Frames per GPU pipeline. */
  ROUTING,
  /** Results per pipeline type (face, phone): counts and rates. */
  RESULTS,
  /** The verdicts of those results: pass, no face, spoof, wrong user, phone, error. */
  OUTCOMES,
  /** Results without a processing error ÷ results. */
  SUCCESS_RATIO,
  /** Gateway ingest → result, from the frames' own stamps. */
  RESULT_LATENCY,
  /** Decisions sent to clients ({@code actions} messages): counts and rates. */
  ACTIONS,
  /** The same by action and reason (lock screen for no face, …). */
  ACTIONS_BY_KIND,
  /** {@code saved_actions} messages. */
  SAVED_ACTIONS,
  /** Gateways' heartbeats, sessions and refusals. */
  GATEWAY_SESSIONS;

  /** The name in JSON and in Prometheus labels. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

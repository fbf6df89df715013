package io.frmonitor.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * Client display-state transitions counted since fr-monitor started, by from and to state (a name
 * appearing comes from {@link ClientState#NONE}), and the events not logged because one cycle had
 * too many.
 */
public record TransitionCounts(Map<ClientState, Map<ClientState, Long>> totals, long suppressed) {
  public static final TransitionCounts NONE = new TransitionCounts(Map.of(), 0);

  public TransitionCounts {
    Map<ClientState, Map<ClientState, Long>> copy = new EnumMap<>(ClientState.class);
    totals.forEach((from, tos) -> copy.put(from, Map.copyOf(tos)));
    totals = java.util.Collections.unmodifiableMap(copy);
  }
}

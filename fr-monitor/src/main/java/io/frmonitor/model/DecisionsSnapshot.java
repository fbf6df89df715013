package io.frmonitor.model;

import java.util.Map;

/**
 * Decisions seen through the RabbitMQ firehose (opt-in): {@code actions} messages counted by action
 * and reason name (facts §2.8), and {@code saved_actions} messages.
 */
public record DecisionsSnapshot(Map<String, Map<String, Long>> actions, long savedActions) {
  /** The decisions family: what the outputs call this snapshot. */
  public static final Family<DecisionsSnapshot> FAMILY =
      new Family<>("decisions", DecisionsSnapshot.class);

  public DecisionsSnapshot {
    Map<String, Map<String, Long>> copy = new java.util.TreeMap<>();
    actions.forEach((a, reasons) -> copy.put(a, Map.copyOf(reasons)));
    actions = java.util.Collections.unmodifiableMap(copy);
  }
}

package io.frmonitor.model;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Decisions seen through the RabbitMQ firehose: {@code actions} messages counted by action and
 * reason name (facts §2.8), and {@code saved_actions} messages, since the firehose started seeing
 * them.
 *
 * @param actionsPerSec action messages per second over the last interval; empty on the first, and
 *     while the vhost is not traced
 * @param savedActionsPerSec the same for saved actions
 * @param tracing whether the broker traces the vhost now: only then do the counts grow with the
 *     traffic; without it they are what was seen while it did, and say nothing about now
 */
public record DecisionsSnapshot(
    Map<String, Map<String, Long>> actions,
    long savedActions,
    OptionalDouble actionsPerSec,
    OptionalDouble savedActionsPerSec,
    boolean tracing) {
  /** The decisions family: what the outputs call this snapshot. */
  public static final Family<DecisionsSnapshot> FAMILY =
      new Family<>("decisions", DecisionsSnapshot.class);

  public DecisionsSnapshot {
    Map<String, Map<String, Long>> copy = new TreeMap<>();
    actions.forEach((a, reasons) -> copy.put(a, Map.copyOf(reasons)));
    actions = Collections.unmodifiableMap(copy);
  }

  /** Every action message counted, whatever its kind. */
  public long actionsTotal() {
    return actions.values().stream()
        .flatMap(reasons -> reasons.values().stream())
        .mapToLong(Long::longValue)
        .sum();
  }
}

package io.frmonitor.state;

import io.frmonitor.registry.MetricRegistry;

/**
 * Where the history and the event log come from when no state file is there — a new container, or
 * {@code MONITORING_STATE_DIR=off}: the copy in a Redis stream (docs/persistence.md). Not asked
 * when a state file is there, even an unreadable one: that file's problem stands.
 */
@FunctionalInterface
public interface StateFallback {
  /** Nowhere else to look. */
  StateFallback NONE = registry -> {};

  /**
   * Puts back what the source holds, aged to the history window, and says so with {@link
   * MetricRegistry#restored}. Called once, before the collectors start; never throws: a source that
   * cannot be read is logged, and the service starts afresh.
   */
  void restoreInto(MetricRegistry registry);
}

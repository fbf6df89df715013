package io.frmonitor.registry;

import io.frmonitor.model.Event;
import io.frmonitor.model.Family;

/**
 * Where collectors write. Implemented by {@link MetricRegistry}.
 *
 * <p>Thread safety: callable from any thread; one writer per family is expected.
 */
public interface MetricSink {
  /**
   * Publishes a family's new snapshot, stamped now. Its history points are the family's own
   * business (see {@code MetricRegistry#defineSeries}), not the collector's.
   */
  <T> void publish(Family<T> family, T snapshot);

  /** Appends an event (a state transition, an action) to the bounded event log. */
  void appendEvent(Event event);

  /** What collectors keep to go on counting across a restart (see {@link Baselines}). */
  Baselines baselines();
}

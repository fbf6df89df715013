package io.frmonitor.registry;

import io.frmonitor.model.Event;
import io.frmonitor.model.Family;
import java.util.Map;

/**
 * Where collectors write. Implemented by {@link MetricRegistry}.
 *
 * <p>Thread safety: callable from any thread; one writer per family is expected.
 */
public interface MetricSink {
  /**
   * Publishes a family's new snapshot, stamped now, and one point per numeric series. Series names
   * must start with the family's {@link Family#seriesPrefix()}; non-finite values are skipped.
   */
  <T> void publish(Family<T> family, T snapshot, Map<String, Double> series);

  /** Appends an event (a state transition, an action) to the bounded event log. */
  void appendEvent(Event event);
}

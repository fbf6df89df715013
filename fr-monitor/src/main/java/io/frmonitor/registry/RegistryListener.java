package io.frmonitor.registry;

import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Event;
import io.frmonitor.model.Family;

/**
 * Observes registry writes: the API cache, the Prometheus bridge, the WebSocket hub, alerts.
 *
 * <p>Contract: called on the writer's thread right after each write, so implementations must be
 * quick and must not block (hand work to their own thread when needed). Exceptions are caught and
 * logged by the registry and never reach the writer.
 */
public interface RegistryListener {
  /** A family got a new snapshot, or turned stale. */
  default void onSnapshot(Family<?> family, Latest<?> latest) {}

  /** An event was appended to the log. */
  default void onEvent(Event event) {}

  /** A collector's status changed or a run finished. */
  default void onStatus(CollectorStatus status) {}
}

package io.frmonitor.alert.notify;

import io.frmonitor.model.AlertsSnapshot;

/**
 * Tells a receiver about alerts: a webhook, an Alertmanager. The seam every notifier implements.
 *
 * <p>Contract: {@link #offer} is called on the alert engine's thread after every evaluation and
 * returns at once; delivery, retries and timeouts happen on the notifier's own thread, and a
 * receiver that is slow or down costs a bounded queue, counted drops and a {@code degraded} status
 * — never a blocked evaluation or an exception. Thread safety: {@link #offer}, {@link #status} and
 * {@link #close} may be called from any thread.
 */
public interface Notifier extends AutoCloseable {
  /** Hands over one evaluation's outcome; never blocks, never throws. */
  void offer(AlertBatch batch);

  /** Its delivery figures now. */
  AlertsSnapshot.Notifier status();

  /** Stops its thread; what is still queued is dropped. Idempotent. */
  @Override
  void close();
}

package io.frmonitor.alert.notify;

import io.frmonitor.model.AlertsSnapshot;
import io.frmonitor.model.Health;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One notifier's delivery figures: counts by result, health, last error and last success.
 *
 * <p>Health is {@code pending} until the first attempt ends, {@code degraded} after an attempt that
 * failed, {@code ok} after one that succeeded. Thread safety: every method is synchronized; the
 * delivery thread records, any thread reads.
 */
final class DeliveryStats {
  static final String SENT = "sent";
  static final String FAILED = "failed";
  static final String DROPPED = "dropped";

  private long sent;
  private long failed;
  private long dropped;
  private Health health = Health.PENDING;
  private Optional<String> lastError = Optional.empty();
  private Optional<Instant> lastSuccess = Optional.empty();

  /** A message was delivered; returns whether the notifier was degraded until now. */
  synchronized boolean sent(Instant at) {
    boolean recovered = health == Health.DEGRADED;
    sent++;
    health = Health.OK;
    lastSuccess = Optional.of(at);
    return recovered;
  }

  /** An attempt failed; returns whether the notifier was healthy (or untried) until now. */
  synchronized boolean failed(String error) {
    boolean wasHealthy = health != Health.DEGRADED;
    failed++;
    health = Health.DEGRADED;
    lastError = Optional.of(error);
    return wasHealthy;
  }

  /** A message was given up or pushed out of a full queue. */
  synchronized void dropped() {
    dropped++;
  }

  synchronized AlertsSnapshot.Notifier snapshot(String name, String kind, int queued) {
    return new AlertsSnapshot.Notifier(
        name,
        kind,
        health,
        Map.of(SENT, sent, FAILED, failed, DROPPED, dropped),
        lastError,
        lastSuccess,
        queued);
  }
}

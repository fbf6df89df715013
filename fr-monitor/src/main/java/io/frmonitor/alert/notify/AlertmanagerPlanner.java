package io.frmonitor.alert.notify;

import io.frmonitor.alert.eval.AlertInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides when an Alertmanager is sent the alerts, as Prometheus does: every firing instance and
 * every resolved one still retained, at once when one starts firing or resolves (as far as this
 * planner has told), and again every {@code resendInterval} after the last post while there is any,
 * so that Alertmanager, which expires an alert at its {@code endsAt}, keeps it.
 *
 * <p>One post holds all of them (Prometheus posts per rule; one post is the same to Alertmanager).
 * An instance that has both a resolved and a firing entry (it fired again) is sent firing. Time is
 * the batch's. Not thread-safe: its notifier calls it under a lock.
 */
final class AlertmanagerPlanner {
  private final Duration resendInterval;
  private Map<String, Boolean> sent = Map.of();
  private Optional<Instant> sentAt = Optional.empty();

  AlertmanagerPlanner(Duration resendInterval) {
    if (resendInterval.isNegative() || resendInterval.isZero()) {
      throw new IllegalArgumentException("resendInterval must be positive: " + resendInterval);
    }
    this.resendInterval = resendInterval;
  }

  /** The alerts to post for {@code batch}; empty when nothing is due. */
  List<AlertInstance> plan(AlertBatch batch) {
    Map<String, AlertInstance> byPrint = new LinkedHashMap<>();
    for (AlertInstance a : batch.alerts()) {
      if (a.firing() || a.phase() == AlertInstance.Phase.RESOLVED) {
        byPrint.merge(a.fingerprint(), a, (old, next) -> next.firing() ? next : old);
      }
    }
    if (byPrint.isEmpty()) {
      sent = Map.of();
      return List.of();
    }
    boolean changed =
        byPrint.values().stream()
            .anyMatch(a -> !Boolean.valueOf(a.firing()).equals(sent.get(a.fingerprint())));
    boolean due = sentAt.map(t -> !batch.at().isBefore(t.plus(resendInterval))).orElse(true);
    if (!changed && !due) {
      return List.of();
    }
    Map<String, Boolean> now = new LinkedHashMap<>();
    byPrint.forEach((print, a) -> now.put(print, a.firing()));
    sent = now;
    sentAt = Optional.of(batch.at());
    return List.copyOf(byPrint.values());
  }
}

package io.frmonitor.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one collector stands. Instants are empty when the event has not happened yet.
 *
 * @param lastError the reason of the last failure, degradation or disablement
 * @param circuitOpen whether persistent failures have slowed retries to the backoff cap
 * @param lastRunCpu CPU time the last run used on its thread
 */
public record CollectorStatus(
    String name,
    Health health,
    Optional<Instant> lastSuccess,
    Optional<String> lastError,
    int consecutiveFailures,
    Optional<Instant> nextRun,
    boolean circuitOpen,
    long runs,
    long skippedRuns,
    Duration lastRunDuration,
    Duration lastRunCpu) {

  public CollectorStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(health, "health");
  }

  /** A collector that never runs, with the reason. */
  public static CollectorStatus disabled(String name, String reason) {
    return new CollectorStatus(
        name,
        Health.DISABLED,
        Optional.empty(),
        Optional.of(reason),
        0,
        Optional.empty(),
        false,
        0,
        0,
        Duration.ZERO,
        Duration.ZERO);
  }
}

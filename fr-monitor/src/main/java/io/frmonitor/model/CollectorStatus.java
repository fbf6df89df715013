package io.frmonitor.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one collector stands. Instants are empty when the event has not happened yet.
 *
 * @param families the names of the families the collector publishes (they go stale when it fails)
 * @param lastError the reason of the last failure, degradation or disablement
 * @param circuitOpen whether persistent failures have slowed retries to the backoff cap
 * @param lastRunCpu CPU time the last run used on its thread
 */
public record CollectorStatus(
    String name,
    List<String> families,
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
    families = List.copyOf(families);
  }

  /** A collector that never runs, with the reason. */
  public static CollectorStatus disabled(String name, List<String> families, String reason) {
    return new CollectorStatus(
        name,
        families,
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

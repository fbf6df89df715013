package io.frmonitor.collect;

import io.frmonitor.model.Family;
import io.frmonitor.registry.MetricSink;
import java.util.Optional;
import java.util.Set;

/**
 * A collector that runs on a schedule: one seam per source.
 *
 * <p>Contract: {@link #poll} reads its source once and publishes to the sink. It may throw; the
 * runner turns any exception or a timeout into a {@code down} status and marks {@link #families()}
 * stale. It is never called concurrently with itself, and may be interrupted on timeout.
 */
public interface Poller extends AutoCloseable {
  /** A short stable name: {@code host}, {@code gpu}, {@code redis}. */
  String name();

  /** The families this poller publishes; they turn stale when it fails. */
  Set<Family<?>> families();

  /**
   * Checked once before scheduling: empty when the source can be polled, otherwise why not. A
   * poller that answers a reason is reported {@code disabled} and never polled.
   */
  default Optional<String> unavailableReason() {
    return Optional.empty();
  }

  /** Reads the source once and publishes what it read. */
  PollOutcome poll(MetricSink sink) throws Exception;

  /** Releases the source's resources. Idempotent. */
  @Override
  default void close() {}
}

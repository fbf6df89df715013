package io.frmonitor.schedule;

import java.time.Duration;

/**
 * Runs tasks after a delay. A seam so that tests drive time by hand.
 *
 * <p>Thread safety: implementations accept calls from any thread, and run one task at a time (the
 * live feed relies on it to confine its state to its tasks).
 */
public interface TaskScheduler extends AutoCloseable {
  /** Runs {@code task} once after {@code delay}; the handle cancels it if it has not started. */
  Cancellable schedule(Runnable task, Duration delay);

  @Override
  void close();

  /** A scheduled task that can be called off. */
  interface Cancellable {
    void cancel();
  }
}

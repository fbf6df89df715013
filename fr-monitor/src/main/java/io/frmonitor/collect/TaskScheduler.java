package io.frmonitor.collect;

import java.time.Duration;

/**
 * Runs tasks after a delay. A seam so that tests drive time by hand.
 *
 * <p>Thread safety: implementations accept calls from any thread.
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

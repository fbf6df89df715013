package io.frmonitor.schedule;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link TaskScheduler} on one daemon thread: tasks run one at a time, in the order they fall
 * due, so state touched only by its tasks needs no lock.
 */
public final class ExecutorTaskScheduler implements TaskScheduler {
  private final ScheduledThreadPoolExecutor executor;

  /** On a thread named {@code fr-scheduler}. */
  public ExecutorTaskScheduler() {
    this("fr-scheduler");
  }

  public ExecutorTaskScheduler(String threadName) {
    executor = new ScheduledThreadPoolExecutor(1, NamedThreads.daemon(threadName));
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    ScheduledFuture<?> f = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}

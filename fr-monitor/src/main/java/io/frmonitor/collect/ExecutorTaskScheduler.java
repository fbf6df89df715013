package io.frmonitor.collect;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A {@link TaskScheduler} on one daemon thread, {@code fr-scheduler}. */
public final class ExecutorTaskScheduler implements TaskScheduler {
  private final ScheduledThreadPoolExecutor executor;

  public ExecutorTaskScheduler() {
    executor = new ScheduledThreadPoolExecutor(1, NamedThreads.daemon("fr-scheduler"));
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

package io.frmonitor.collect;

import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.schedule.NamedThreads;
import io.frmonitor.schedule.TaskScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the pollers, one runner and one executor thread each, and tells when every poller has made
 * its first attempt (readiness).
 *
 * <p>Thread safety: {@link #start()} and {@link #close()} from one thread; {@link #isReady()} from
 * any.
 */
public final class CollectorRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CollectorRuntime.class);

  private final List<Poller> pollers;
  private final List<CollectorRunner> runners = new ArrayList<>();
  private final List<ExecutorService> executors = new ArrayList<>();
  private final CountDownLatch firstAttempts;
  private boolean closed;

  /**
   * @param executorFactory makes the executor a poller runs on, given its name
   * @param random jitter source in [0, 1)
   */
  public CollectorRuntime(
      List<Poller> pollers,
      MetricRegistry registry,
      TaskScheduler scheduler,
      RetryPolicy policy,
      Duration timeout,
      DoubleSupplier random,
      Function<String, ExecutorService> executorFactory) {
    this.pollers = List.copyOf(pollers);
    this.firstAttempts = new CountDownLatch(pollers.size());
    for (Poller p : this.pollers) {
      ExecutorService executor = executorFactory.apply(p.name());
      executors.add(executor);
      runners.add(
          new CollectorRunner(
              p, registry, scheduler, executor, policy, timeout, random, firstAttempts::countDown));
    }
  }

  /** Production executors: one daemon thread per poller, named {@code fr-collect-<name>}. */
  public static ExecutorService threadPerPoller(String name) {
    return Executors.newSingleThreadExecutor(NamedThreads.daemon("fr-collect-" + name));
  }

  public void start() {
    runners.forEach(CollectorRunner::start);
  }

  /** Whether every poller has finished (or been refused) its first run. */
  public boolean isReady() {
    return firstAttempts.getCount() == 0;
  }

  /** Waits up to {@code limit} for readiness; true when ready. */
  public boolean awaitReady(Duration limit) throws InterruptedException {
    return firstAttempts.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    runners.forEach(CollectorRunner::close);
    executors.forEach(ExecutorService::shutdownNow);
    for (Poller p : pollers) {
      CollectorLogTag.within(p.name(), () -> closeQuietly(p));
    }
  }

  private static void closeQuietly(Poller p) {
    try {
      p.close();
    } catch (RuntimeException e) {
      LOG.warn("closing collector {} failed", p.name(), e);
    }
  }
}

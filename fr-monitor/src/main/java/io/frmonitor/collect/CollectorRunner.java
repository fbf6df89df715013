package io.frmonitor.collect;

import io.frmonitor.config.Durations;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Event;
import io.frmonitor.model.Family;
import io.frmonitor.model.Health;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.schedule.TaskScheduler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Poller} on a schedule and keeps its {@link CollectorStatus} in the registry.
 *
 * <p>Each run executes on the poller's own executor with a time limit; a run that overstays is
 * recorded as failed and interrupted, and the next tick is skipped while it is still going.
 * Failures back off per the {@link RetryPolicy}; any success resets them. Nothing a poller throws
 * escapes this class.
 *
 * <p>Every line logged on its behalf (by the poller too) is tagged with the collector's name
 * ({@link CollectorLogTag}).
 *
 * <p>Thread safety: state is guarded by {@code this}; ticks and timeouts arrive on the scheduler's
 * thread, completions on the executor's.
 */
final class CollectorRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CollectorRunner.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Poller poller;
  private final MetricRegistry registry;
  private final TaskScheduler scheduler;
  private final Executor executor;
  private final Clock clock;
  private final RetryPolicy policy;
  private final Duration timeout;
  private final Jitter jitter;
  private final Runnable onFirstAttempt;

  private Health health = Health.PENDING;
  private Optional<Instant> lastSuccess = Optional.empty();
  private Optional<String> lastError = Optional.empty();
  private int consecutiveFailures;
  private Optional<Instant> nextRun = Optional.empty();
  private long runs;
  private long skipped;
  private Duration lastDuration = Duration.ZERO;
  private Duration lastCpu = Duration.ZERO;
  private boolean running;
  private boolean attempted;
  private boolean closed;
  private TaskScheduler.@Nullable Cancellable pendingTick;
  private @Nullable Run current;

  CollectorRunner(
      Poller poller,
      MetricRegistry registry,
      TaskScheduler scheduler,
      Executor executor,
      RetryPolicy policy,
      Duration timeout,
      DoubleSupplier random,
      Runnable onFirstAttempt) {
    this.poller = poller;
    this.registry = registry;
    this.scheduler = scheduler;
    this.executor = executor;
    this.clock = registry.clock();
    this.policy = policy;
    this.timeout = timeout;
    this.jitter = new Jitter(random, 0.1);
    this.onFirstAttempt = onFirstAttempt;
  }

  String name() {
    return poller.name();
  }

  /**
   * Checks on the poller's own thread whether its source exists (which may take a moment, e.g.
   * loading a driver), then disables it or schedules its first run at once.
   */
  synchronized void start() {
    registry.updateStatus(status());
    try {
      executor.execute(CollectorLogTag.wrap(name(), this::checkAvailability));
    } catch (RejectedExecutionException e) {
      markAttempted();
    }
  }

  private void checkAvailability() {
    Optional<String> unavailable;
    try {
      unavailable = poller.unavailableReason();
    } catch (RuntimeException | LinkageError e) {
      unavailable = Optional.of("availability check failed: " + Failures.describe(e));
    }
    synchronized (this) {
      if (unavailable.isPresent()) {
        health = Health.DISABLED;
        lastError = unavailable;
        LOG.info("collector {} disabled: {}", name(), unavailable.get());
        registry.updateStatus(CollectorStatus.disabled(name(), familyNames(), unavailable.get()));
        markAttempted();
        return;
      }
      scheduleTick(Duration.ZERO);
    }
  }

  private void scheduleTick(Duration delay) {
    if (closed) {
      return;
    }
    nextRun = Optional.of(clock.instant().plus(delay));
    pendingTick = scheduler.schedule(CollectorLogTag.wrap(name(), this::tick), delay);
  }

  void tick() {
    Run run;
    synchronized (this) {
      if (closed) {
        return;
      }
      if (running) {
        skipped++;
        LOG.debug("collector {} still running, tick skipped", name());
        scheduleTick(jitter.apply(policy.delayAfter(consecutiveFailures)));
        registry.updateStatus(status());
        return;
      }
      running = true;
      run = new Run(clock.instant());
      current = run;
      run.timeoutHandle =
          scheduler.schedule(CollectorLogTag.wrap(name(), () -> onTimeout(run)), timeout);
    }
    try {
      executor.execute(CollectorLogTag.wrap(name(), () -> execute(run)));
    } catch (RejectedExecutionException e) {
      synchronized (this) {
        running = false;
      }
      settle(run, "executor rejected the run (shutting down?)", Duration.ZERO);
    }
  }

  private void execute(Run run) {
    synchronized (this) {
      run.thread = Thread.currentThread();
    }
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    String failure = null;
    PollOutcome outcome = null;
    try {
      outcome = poller.poll(registry);
    } catch (InterruptedException e) {
      failure = "interrupted";
      Thread.currentThread().interrupt();
    } catch (Exception | LinkageError e) {
      failure = Failures.describe(e);
      LOG.debug("collector {} failed", name(), e);
    } finally {
      Duration cpu = Duration.ofNanos(Math.max(0, THREADS.getCurrentThreadCpuTime() - cpuStart));
      synchronized (this) {
        running = false;
        run.thread = null;
      }
      if (failure != null) {
        settle(run, failure, cpu);
      } else if (outcome != null) {
        settle(run, outcome, cpu);
      }
    }
    Thread.interrupted(); // a late timeout interrupt must not leak into the next run
  }

  private void onTimeout(Run run) {
    Thread stuck;
    synchronized (this) {
      stuck = run.thread;
    }
    settle(run, "timed out after " + Durations.format(timeout), Duration.ZERO);
    if (stuck != null) {
      stuck.interrupt();
    }
  }

  private void settle(Run run, Object result, Duration cpu) {
    synchronized (this) {
      if (run.settled || closed) {
        return;
      }
      run.settled = true;
      if (run.timeoutHandle != null) {
        run.timeoutHandle.cancel();
      }
      Instant now = clock.instant();
      runs++;
      lastDuration = Duration.between(run.start, now);
      lastCpu = cpu;
      Health before = health;
      if (result instanceof PollOutcome outcome) {
        recordSuccess(now, outcome);
      } else {
        recordFailure((String) result);
      }
      scheduleTick(jitter.apply(policy.delayAfter(consecutiveFailures)));
      registry.updateStatus(status());
      if (before != health) {
        announce(now, before);
      }
      markAttempted();
    }
  }

  private void recordSuccess(Instant now, PollOutcome outcome) {
    consecutiveFailures = 0;
    lastSuccess = Optional.of(now);
    health = outcome.degradedReason().isPresent() ? Health.DEGRADED : Health.OK;
    outcome.degradedReason().ifPresent(reason -> lastError = Optional.of(reason));
  }

  private void recordFailure(String reason) {
    consecutiveFailures++;
    lastError = Optional.of(reason);
    health = Health.DOWN;
    for (Family<?> family : poller.families()) {
      registry.markStale(family);
    }
    if (consecutiveFailures == 1 || policy.circuitOpen(consecutiveFailures)) {
      LOG.warn("collector {} failed ({} in a row): {}", name(), consecutiveFailures, reason);
    }
  }

  private void announce(Instant now, Health before) {
    if (before == Health.PENDING && health == Health.OK) {
      return;
    }
    LOG.info("collector {} is now {}", name(), health.label());
    registry.appendEvent(
        new Event(
            now,
            "collector_status_change",
            Map.of(
                "collector", name(),
                "from", before.label(),
                "to", health.label(),
                "reason", health == Health.OK ? "" : lastError.orElse(""))));
  }

  private void markAttempted() {
    if (!attempted) {
      attempted = true;
      onFirstAttempt.run();
    }
  }

  synchronized CollectorStatus status() {
    return new CollectorStatus(
        name(),
        familyNames(),
        health,
        lastSuccess,
        lastError,
        consecutiveFailures,
        nextRun,
        policy.circuitOpen(consecutiveFailures),
        runs,
        skipped,
        lastDuration,
        lastCpu);
  }

  private List<String> familyNames() {
    return poller.families().stream().map(Family::name).sorted().toList();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (pendingTick != null) {
      pendingTick.cancel();
    }
    if (current != null && current.thread != null) {
      current.thread.interrupt();
    }
  }

  /** One run's bookkeeping; guarded by the runner's lock. */
  private static final class Run {
    final Instant start;
    @Nullable Thread thread;
    TaskScheduler.@Nullable Cancellable timeoutHandle;
    boolean settled;

    Run(Instant start) {
      this.start = start;
    }
  }

  /** Spreads delays by ±fraction so collectors do not fire in lockstep. */
  private record Jitter(DoubleSupplier random, double fraction) {
    Duration apply(Duration d) {
      double factor = 1 + fraction * (2 * random.getAsDouble() - 1);
      return Duration.ofNanos((long) (d.toNanos() * factor));
    }
  }
}

package io.frmonitor.testing;

import io.frmonitor.schedule.TaskScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link TaskScheduler} driven by a {@link ManualClock}: {@link #advance} moves the clock and
 * runs every task that falls due, in time order, on the calling thread.
 */
public final class ManualScheduler implements TaskScheduler {
  private final ManualClock clock;
  private final List<Task> tasks = new ArrayList<>();
  private long sequence;

  public ManualScheduler(ManualClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Cancellable schedule(Runnable task, Duration delay) {
    Task t = new Task(clock.instant().plus(delay), sequence++, task);
    tasks.add(t);
    return () -> {
      synchronized (ManualScheduler.this) {
        tasks.remove(t);
      }
    };
  }

  /** Moves time forward by {@code d}, running due tasks at their due times. */
  public void advance(Duration d) {
    Instant end = clock.instant().plus(d);
    while (true) {
      Task next;
      synchronized (this) {
        next =
            tasks.stream()
                .filter(t -> !t.due.isAfter(end))
                .min(Comparator.comparing(Task::due).thenComparing(Task::seq))
                .orElse(null);
        if (next == null) {
          break;
        }
        tasks.remove(next);
      }
      Duration step = Duration.between(clock.instant(), next.due);
      if (!step.isNegative()) {
        clock.advance(step);
      }
      next.task.run();
    }
    Duration rest = Duration.between(clock.instant(), end);
    if (!rest.isNegative()) {
      clock.advance(rest);
    }
  }

  /** Runs tasks due now without moving time. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  public synchronized int pending() {
    return tasks.size();
  }

  /** When the earliest pending task is due, relative to now. */
  public synchronized Duration nextDelay() {
    return tasks.stream()
        .map(t -> Duration.between(clock.instant(), t.due))
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }

  @Override
  public void close() {}

  private record Task(Instant due, long seq, Runnable task) {}
}

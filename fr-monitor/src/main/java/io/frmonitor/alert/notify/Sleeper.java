package io.frmonitor.alert.notify;

import java.time.Duration;

/**
 * Waits between delivery attempts: the backoff's one dependency on real time, so that tests can
 * retry without waiting. Thread safety: implementations are called from one delivery thread at a
 * time, and must return promptly by {@link InterruptedException} when that thread is interrupted.
 */
@FunctionalInterface
public interface Sleeper {
  /** The real one: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

  /** Waits {@code duration}, or less if interrupted. */
  void sleep(Duration duration) throws InterruptedException;
}

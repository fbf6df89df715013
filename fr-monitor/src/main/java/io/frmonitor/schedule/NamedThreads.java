package io.frmonitor.schedule;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread factories for named daemon threads, so thread dumps say who is who. */
public final class NamedThreads {
  private NamedThreads() {}

  /** Daemon threads named {@code prefix}, then {@code prefix-2}, {@code prefix-3}... */
  public static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      int n = count.incrementAndGet();
      Thread t = new Thread(r, n == 1 ? prefix : prefix + "-" + n);
      t.setDaemon(true);
      return t;
    };
  }
}

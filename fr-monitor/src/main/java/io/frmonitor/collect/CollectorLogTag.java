package io.frmonitor.collect;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Tags the log lines a thread writes on a collector's behalf with the collector's name: the
 * diagnostic-context key {@value #KEY}, a field of its own in the JSON log format. The runner tags
 * every poll, availability check and failure report; a collector that reads on threads of its own
 * (a RabbitMQ tap's consumer) tags those.
 */
public final class CollectorLogTag {
  /** The diagnostic-context key, and the JSON log field. */
  public static final String KEY = "collector";

  private CollectorLogTag() {}

  /** Runs {@code body} with this thread's lines tagged {@code collector}, then restores the tag. */
  public static void within(String collector, Runnable body) {
    @Nullable String previous = MDC.get(KEY);
    MDC.put(KEY, collector);
    try {
      body.run();
    } finally {
      if (previous == null) {
        MDC.remove(KEY);
      } else {
        MDC.put(KEY, previous);
      }
    }
  }

  /** {@code body}, to run tagged {@code collector}. */
  public static Runnable wrap(String collector, Runnable body) {
    return () -> within(collector, body);
  }

  /** The collector this thread's lines are tagged with now, if any. */
  public static @Nullable String current() {
    return MDC.get(KEY);
  }
}

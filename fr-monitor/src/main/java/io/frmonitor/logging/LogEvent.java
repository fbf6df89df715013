package io.frmonitor.logging;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

/**
 * One log event, its message already formatted.
 *
 * @param time when it was logged
 * @param level its level
 * @param logger the logger's full name, usually a class name
 * @param thread the name of the thread that logged it
 * @param message the message with its {@code {}} placeholders filled in
 * @param context the diagnostic context (MDC) of that thread, such as {@code collector}; sorted by
 *     key (a copy is kept)
 * @param error the exception logged with it; null when none
 */
public record LogEvent(
    Instant time,
    Level level,
    String logger,
    String thread,
    String message,
    Map<String, String> context,
    @Nullable Throwable error) {
  public LogEvent {
    context = context.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(context));
  }

  /** An event with no context and no exception, for tests and simple callers. */
  public static LogEvent of(Instant time, Level level, String logger, String message) {
    return new LogEvent(time, level, logger, "main", message, Map.of(), null);
  }

  /** The same event with this context. */
  public LogEvent withContext(Map<String, String> other) {
    return new LogEvent(time, level, logger, thread, message, other, error);
  }

  /** The same event with this exception. */
  public LogEvent withError(Throwable other) {
    return new LogEvent(time, level, logger, thread, message, context, other);
  }
}

package io.frmonitor.logging;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Turns a {@link LogEvent} into the text written for it: one line ending in a newline (the text
 * format follows it with the exception's stack trace, as slf4j-simple did).
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface LineFormat {
  String format(LogEvent event);

  /** The stack trace as {@link Throwable#printStackTrace()} prints it, without the last newline. */
  static String stackTrace(Throwable error) {
    StringWriter out = new StringWriter(1024);
    try (PrintWriter writer = new PrintWriter(out)) {
      error.printStackTrace(writer);
    }
    String trace = out.toString();
    return trace.endsWith(System.lineSeparator())
        ? trace.substring(0, trace.length() - System.lineSeparator().length())
        : trace;
  }
}

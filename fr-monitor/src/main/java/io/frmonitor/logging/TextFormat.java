package io.frmonitor.logging;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The default format, as slf4j-simple wrote it before: {@code 2026-11-29T23:59:41.123Z [main]
 * [INFO] Cli - message}, the time in the host's zone, the logger's simple name, and any exception's
 * stack trace on the lines after. The diagnostic context is not shown: the messages name what they
 * are about.
 */
public final class TextFormat implements LineFormat {
  private final DateTimeFormatter time;

  public TextFormat(ZoneId zone) {
    this.time = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(zone);
  }

  @Override
  public String format(LogEvent e) {
    StringBuilder b = new StringBuilder(96 + e.message().length());
    time.formatTo(e.time(), b);
    b.append(" [").append(e.thread()).append("] [").append(e.level()).append("] ");
    b.append(simpleName(e.logger())).append(" - ").append(e.message()).append('\n');
    if (e.error() != null) {
      b.append(LineFormat.stackTrace(e.error())).append('\n');
    }
    return b.toString();
  }

  private static String simpleName(String logger) {
    return logger.substring(logger.lastIndexOf('.') + 1);
  }
}

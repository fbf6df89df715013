package io.frmonitor.logging;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A logger that formats each event it lets through into one {@link LineSink} write. Its level is
 * fixed when it is made. Markers are ignored.
 *
 * <p>Thread safety: immutable; the sink and the formatter are thread-safe.
 */
final class LineLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private final int threshold;
  private final transient Output output;

  /** What every logger of a factory shares. */
  record Output(LineFormat format, LineSink sink, Clock clock, ThreadMdc mdc) {}

  LineLogger(String name, Level level, Output output) {
    this.name = name;
    this.threshold = level.toInt();
    this.output = output;
  }

  private boolean enabled(Level level) {
    return level.toInt() >= threshold;
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Level.ERROR);
  }

  @Override
  protected @Nullable String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level,
      @Nullable Marker marker,
      @Nullable String pattern,
      Object @Nullable [] arguments,
      @Nullable Throwable error) {
    String message = String.valueOf(MessageFormatter.basicArrayFormat(pattern, arguments));
    LogEvent event =
        new LogEvent(
            output.clock().instant(),
            level,
            name,
            Thread.currentThread().getName(),
            message,
            output.mdc().current(),
            error);
    output.sink().write(output.format().format(event));
  }
}

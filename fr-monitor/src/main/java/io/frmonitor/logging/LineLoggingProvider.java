package io.frmonitor.logging;

import java.time.Clock;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * fr-monitor's SLF4J binding, found by SLF4J through {@code
 * META-INF/services/org.slf4j.spi.SLF4JServiceProvider}: every logger writes to standard error in
 * the text or JSON format ({@link LogConfig}), with a per-thread diagnostic context ({@link
 * ThreadMdc}) whose entries (such as {@code collector}) become JSON fields.
 *
 * <p>It replaces slf4j-simple, which can write neither JSON nor a diagnostic context; it is small
 * enough not to need logback (docs/operations.md, "Log format").
 *
 * <p>SLF4J makes one instance and calls {@link #initialize()} once, before any logger is made.
 */
public final class LineLoggingProvider implements SLF4JServiceProvider {
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final ThreadMdc mdc = new ThreadMdc();
  private @Nullable ILoggerFactory factory;

  @Override
  public ILoggerFactory getLoggerFactory() {
    if (factory == null) {
      throw new IllegalStateException("SLF4J did not initialize its provider");
    }
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    factory =
        new LineLoggerFactory(
            LogConfig.fromEnvironment(System.getenv()),
            LineSink.stderr(),
            Clock.systemUTC(),
            ZoneId.systemDefault(),
            mdc);
  }
}

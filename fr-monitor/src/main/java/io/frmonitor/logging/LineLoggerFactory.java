package io.frmonitor.logging;

import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/**
 * Makes one {@link LineLogger} per name, all writing through one formatter to one sink.
 *
 * <p>Thread safety: safe for concurrent use.
 */
final class LineLoggerFactory implements ILoggerFactory {
  private final LogConfig config;
  private final LineLogger.Output output;
  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

  LineLoggerFactory(LogConfig config, LineSink sink, Clock clock, ZoneId zone, ThreadMdc mdc) {
    this.config = config;
    this.output = new LineLogger.Output(config.formatter(zone), sink, clock, mdc);
  }

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, n -> new LineLogger(n, config.levelOf(n), output));
  }
}

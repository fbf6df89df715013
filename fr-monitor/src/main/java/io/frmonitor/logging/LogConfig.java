package io.frmonitor.logging;

import io.frmonitor.config.LogFormat;
import io.frmonitor.config.Variable;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.event.Level;

/**
 * What is logged and how: the level ({@code MONITORING_LOG_LEVEL}) and the format ({@code
 * MONITORING_LOG_FORMAT}).
 *
 * <p>Logging starts before the settings are loaded (and must not lose or mangle those first lines),
 * so it reads the two variables itself, leniently: a bad value means the default here, and {@code
 * SettingsLoader} then stops the process naming the variable.
 *
 * @param level the least severe level written
 * @param format how lines are written
 */
public record LogConfig(Level level, LogFormat format) {
  /**
   * Chatty libraries, written from {@code warn} up whatever the level (as slf4j-simple was set up
   * before): Jetty's and Javalin's start-up banners.
   */
  private static final Map<String, Level> QUIET =
      Map.of("org.eclipse.jetty", Level.WARN, "io.javalin", Level.WARN);

  /** From the environment (usually {@link System#getenv()}); bad or missing values: the default. */
  public static LogConfig fromEnvironment(Map<String, String> env) {
    return new LogConfig(
        level(env.getOrDefault(Variable.MONITORING_LOG_LEVEL.name(), "")).orElse(Level.INFO),
        LogFormat.parse(env.getOrDefault(Variable.MONITORING_LOG_FORMAT.name(), ""))
            .orElse(LogFormat.TEXT));
  }

  /** The level a {@code MONITORING_LOG_LEVEL} value names; empty when none. */
  static Optional<Level> level(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "error", "warn", "info", "debug", "trace" ->
          Optional.of(Level.valueOf(value.trim().toUpperCase(Locale.ROOT)));
      default -> Optional.empty();
    };
  }

  /** The least severe level written for the logger {@code name}. */
  Level levelOf(String name) {
    for (Map.Entry<String, Level> quiet : QUIET.entrySet()) {
      String prefix = quiet.getKey();
      boolean under =
          name.startsWith(prefix)
              && (name.length() == prefix.length() || name.charAt(prefix.length()) == '.');
      if (under && quiet.getValue().toInt() > level.toInt()) {
        return quiet.getValue();
      }
    }
    return level;
  }

  /** The formatter for {@link #format()}; the text format shows times in {@code zone}. */
  LineFormat formatter(ZoneId zone) {
    return format == LogFormat.JSON ? new JsonFormat() : new TextFormat(zone);
  }
}

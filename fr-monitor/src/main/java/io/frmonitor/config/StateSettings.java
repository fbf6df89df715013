package io.frmonitor.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where and how often the state that survives a restart is written (docs/persistence.md).
 *
 * @param dir the state directory; empty when switched off ({@code off})
 * @param interval how often the state is written while running
 */
public record StateSettings(Optional<Path> dir, Duration interval) {
  /** No state kept: a throw-away instance (the self-test), or {@code MONITORING_STATE_DIR=off}. */
  public static final StateSettings OFF =
      new StateSettings(Optional.empty(), Duration.ofMinutes(1));

  /**
   * Reads {@code MONITORING_STATE_DIR}: {@code off} (any case), or a path.
   *
   * @throws ConfigException naming the variable when the path is not one
   */
  static Optional<Path> dir(String value) {
    Variable v = Variable.MONITORING_STATE_DIR;
    if (value.equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    try {
      if (value.isBlank()) {
        throw new InvalidPathException(value, "empty");
      }
      return Optional.of(Path.of(value));
    } catch (InvalidPathException e) {
      throw new ConfigException(v.name(), value, v.expected());
    }
  }
}

package io.frmonitor.config;

/**
 * A feature that is on, off, or on when the source is there ({@code auto}): the GPU collector (when
 * a driver is found), the firehose (when the broker traces the vhost).
 */
public enum Toggle {
  AUTO,
  ON,
  OFF;

  /** How the configuration writes it: {@code auto}, {@code true}, {@code false}. */
  public String label() {
    return switch (this) {
      case AUTO -> "auto";
      case ON -> "true";
      case OFF -> "false";
    };
  }
}

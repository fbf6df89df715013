package io.frmonitor.config;

/** A credential. Its {@link #toString()} never reveals the value, so it cannot leak into logs. */
public record Secret(String value) {
  public Secret {
    value = value == null ? "" : value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  /** {@code ***} when set, empty otherwise. */
  public String masked() {
    return value.isEmpty() ? "" : "***";
  }

  @Override
  public String toString() {
    return masked();
  }
}

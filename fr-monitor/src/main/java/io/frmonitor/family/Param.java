package io.frmonitor.family;

import java.util.List;

/**
 * A query parameter a family's REST endpoint takes, for its description in {@code openapi.json}.
 *
 * @param type the JSON schema type: {@code string} or {@code integer}
 */
public record Param(String name, String type, String description) {
  public Param {
    if (!List.of("string", "integer").contains(type)) {
      throw new IllegalArgumentException("parameter type must be string or integer: " + type);
    }
  }

  /** {@code window}: aggregates over a span of the history kept. */
  public static Param window(String description) {
    return new Param("window", "string", description);
  }
}

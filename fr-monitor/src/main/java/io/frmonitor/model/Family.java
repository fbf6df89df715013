package io.frmonitor.model;

import java.util.Objects;

/**
 * A metric family: one kind of snapshot a collector publishes (e.g. {@code system}, {@code gpu}).
 * Its name prefixes the family's history series ({@code system.cpu_percent}).
 *
 * @param <T> the snapshot type
 */
public record Family<T>(String name, Class<T> type) {
  public Family {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** The prefix shared by all history series of this family. */
  public String seriesPrefix() {
    return name + ".";
  }
}

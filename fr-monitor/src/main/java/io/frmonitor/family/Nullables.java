package io.frmonitor.family;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * From the model's optionals to the JSON bodies' nulls: in the model a missing value is an empty
 * optional, in the API it is {@code null}, never zero.
 */
public final class Nullables {
  private Nullables() {}

  public static @Nullable Double of(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }

  public static @Nullable Long of(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }

  public static <T> @Nullable T of(Optional<T> value) {
    return value.orElse(null);
  }
}

package io.frmonitor.codec;

/**
 * A NumPy scalar ({@code numpy.float64(0.71)}) with its value: a {@link Double} for floats, a
 * {@link Long} for integers, a {@link Boolean} for {@code bool}, or {@link PyNone} for types
 * fr-monitor does not read (complex, strings, dates).
 */
public record NumpyScalar(String dtype, Object value) {
  /** The value as a double, when it is a number. */
  public java.util.OptionalDouble asDouble() {
    return value instanceof Number n
        ? java.util.OptionalDouble.of(n.doubleValue())
        : java.util.OptionalDouble.empty();
  }
}

package io.frmonitor.family;

import io.frmonitor.model.Family;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The history points of one snapshot, named {@code <family>.<field>} or {@code
 * <family>.<field>:<label>}. An absent value adds no point: a gap in the history, never a zero.
 *
 * <p>Thread safety: not thread-safe; one per snapshot.
 */
public final class Points {
  private final String prefix;
  private final Map<String, Double> points = new LinkedHashMap<>();

  public Points(Family<?> family) {
    this.prefix = family.seriesPrefix();
  }

  public Points put(String field, double value) {
    points.put(prefix + field, value);
    return this;
  }

  /** A count or a size (exact as a double up to 2^53). */
  public Points put(String field, long value) {
    return put(field, (double) value);
  }

  public Points put(String field, String label, long value) {
    return put(field, label, (double) value);
  }

  public Points put(String field, String label, double value) {
    return put(field + ":" + label, value);
  }

  public Points put(String field, OptionalDouble value) {
    value.ifPresent(v -> put(field, v));
    return this;
  }

  public Points put(String field, String label, OptionalDouble value) {
    return put(field + ":" + label, value);
  }

  public Points put(String field, String label, OptionalLong value) {
    value.ifPresent(v -> put(field + ":" + label, (double) v));
    return this;
  }

  public Map<String, Double> map() {
    return points;
  }
}

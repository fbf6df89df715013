package io.frmonitor.alert.eval;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One series: a metric as {@code /prometheus} names it and its labels (sorted, so that equal label
 * sets are equal keys), with its current value.
 */
public record Series(String metric, Map<String, String> labels, double value) {
  public Series {
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /** The series' identity: metric and labels, without the value. */
  public Key key() {
    return new Key(metric, labels);
  }

  /** A series' identity. */
  public record Key(String metric, Map<String, String> labels) {
    public Key {
      labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }
  }
}

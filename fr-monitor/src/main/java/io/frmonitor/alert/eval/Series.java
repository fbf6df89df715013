package io.frmonitor.alert.eval;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One series: a metric as {@code /prometheus} names it and its labels (sorted, so that equal label
 * sets are equal keys), with its current value.
 */
public record Series(Key key, double value) {
  public Series(String metric, Map<String, String> labels, double value) {
    this(new Key(metric, labels), value);
  }

  public String metric() {
    return key.metric();
  }

  public Map<String, String> labels() {
    return key.labels();
  }

  /**
   * A series' identity: metric and labels, without the value. Its hash is computed once: the
   * windows look series up by it at every evaluation.
   */
  public static final class Key {
    private final String metric;
    private final Map<String, String> labels;
    private final int hash;

    public Key(String metric, Map<String, String> labels) {
      this.metric = metric;
      this.labels = Collections.unmodifiableMap(new TreeMap<>(labels));
      this.hash = 31 * metric.hashCode() + this.labels.hashCode();
    }

    public String metric() {
      return metric;
    }

    public Map<String, String> labels() {
      return labels;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && hash == k.hash
          && metric.equals(k.metric)
          && labels.equals(k.labels);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return metric + labels;
    }
  }
}

package io.frmonitor.metric;

import java.util.Locale;

/** The kinds of metric fr-monitor exposes, as Prometheus names them. */
public enum MetricType {
  /** A value that goes up and down. */
  GAUGE,
  /** A total that only grows (reset only by a restart); exposed with a {@code _total} suffix. */
  COUNTER,
  /** A distribution: buckets, sum and count. */
  HISTOGRAM;

  /** The lower-case name, as docs/metrics.md and Prometheus' {@code # TYPE} line write it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package io.frmonitor.family;

import io.frmonitor.metric.MetricDef;

/** Metrics every RabbitMQ tap writes, each under its own {@code tap} label. */
public final class TapMetrics {
  public static final MetricDef MALFORMED =
      MetricDef.counter(
          "fr_tap_malformed_messages",
          "Messages a tap could not decode; counted, acked and dropped.",
          "tap");

  private TapMetrics() {}
}

package io.frmonitor.metric;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one definition of a metric: its name, type, help text, unit and label names. Every output
 * that names a metric (the Prometheus endpoint, docs/metrics.md's check, later the alert rules and
 * persistence) takes it from here, so each is written once, next to the code that writes its
 * samples.
 *
 * @param name the base name, {@code fr_} prefixed, in base units; a counter's name is given without
 *     {@code _total}, which the exposition adds
 * @param unit the base unit, taken from the name's suffix ({@code bytes}, {@code seconds}, {@code
 *     ratio}, {@code celsius}, {@code watts}); empty for counts and flags
 * @param labelNames the labels every sample of the metric carries, in order; not {@value
 *     #RESERVED_LABEL}, which the Prometheus exposition adds to every series (the server stack)
 */
public record MetricDef(
    String name, MetricType type, String help, Optional<String> unit, List<String> labelNames) {
  private static final Pattern NAME = Pattern.compile("fr_[a-z0-9_]*[a-z0-9]");
  private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]*");
  private static final List<String> UNITS =
      List.of("bytes", "seconds", "ratio", "celsius", "watts");

  /** The label the exposition adds to every series: no metric may define it. */
  public static final String RESERVED_LABEL = "server";

  public MetricDef {
    Objects.requireNonNull(type, "type");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("metric name must match fr_[a-z0-9_]+: " + name);
    }
    if (type == MetricType.COUNTER && name.endsWith("_total")) {
      throw new IllegalArgumentException("give counter " + name + " without _total");
    }
    if (help.isBlank()) {
      throw new IllegalArgumentException("metric " + name + " needs a help text");
    }
    labelNames = List.copyOf(labelNames);
    for (String label : labelNames) {
      if (!LABEL.matcher(label).matches() || label.equals(RESERVED_LABEL)) {
        throw new IllegalArgumentException("bad label name '" + label + "' on " + name);
      }
    }
    if (labelNames.stream().distinct().count() != labelNames.size()) {
      throw new IllegalArgumentException("duplicate label names on " + name + ": " + labelNames);
    }
  }

  public static MetricDef gauge(String name, String help, String... labelNames) {
    return new MetricDef(name, MetricType.GAUGE, help, unitOf(name), List.of(labelNames));
  }

  public static MetricDef counter(String name, String help, String... labelNames) {
    return new MetricDef(name, MetricType.COUNTER, help, unitOf(name), List.of(labelNames));
  }

  /** A latency histogram; its name must end in {@code _seconds}. */
  public static MetricDef histogram(String name, String help, String... labelNames) {
    if (!name.endsWith("_seconds")) {
      throw new IllegalArgumentException("histogram " + name + " must be in seconds");
    }
    return new MetricDef(name, MetricType.HISTOGRAM, help, unitOf(name), List.of(labelNames));
  }

  /** The name as scraped: with {@code _total} for a counter. */
  public String exposedName() {
    return type == MetricType.COUNTER ? name + "_total" : name;
  }

  private static Optional<String> unitOf(String name) {
    return UNITS.stream().filter(u -> name.endsWith("_" + u)).findFirst();
  }
}

package io.frmonitor.alert.rule;

import java.util.ArrayList;
import java.util.List;

/**
 * How a rule combines its selected series before the comparison, each as PromQL does it: not at all
 * (one value, and one alert instance, per series); {@code sum by (labels)}; the ratio of two such
 * sums ({@code sum by (pipeline) (a) / sum by (pipeline) (b)}, an error ratio); or a quantile of a
 * histogram's buckets summed by labels ({@code histogram_quantile(0.95, sum by (pipeline, le)
 * (rate(x_bucket[5m])))}). An aggregated rule has one alert instance per group.
 *
 * <p>In PromQL every sum also keeps {@value #FLEET_LABEL}, the label the exposition puts on every
 * series (the fr-server stack): one Prometheus scraping a fleet of monitors must never add two
 * servers' series together, and its alerts must say which server they are about. fr-monitor's own
 * evaluation sees one server's series only, where the label would change nothing.
 */
public sealed interface Aggregation {
  /**
   * The label naming the server stack on every exposed series ({@code MetricDef.RESERVED_LABEL}).
   */
  String FLEET_LABEL = "server";

  /** The labels that tell the groups apart (empty: one group of everything, or no grouping). */
  List<String> by();

  /** Whether series are summed into groups. */
  default boolean groups() {
    return !(this instanceof None);
  }

  /**
   * The PromQL of the combined value, given the PromQL of the (reduced) selected series and, for a
   * ratio, of the denominator's.
   */
  String promql(String value, String denominatorValue);

  /** One value per series: no aggregation. */
  record None() implements Aggregation {
    @Override
    public List<String> by() {
      return List.of();
    }

    @Override
    public String promql(String value, String denominatorValue) {
      return value;
    }
  }

  /** {@code sum by (by) (value)}. */
  record Sum(List<String> by) implements Aggregation {
    public Sum {
      by = List.copyOf(by);
    }

    @Override
    public String promql(String value, String denominatorValue) {
      return sum(by, value);
    }
  }

  /** {@code sum by (by) (value) / sum by (by) (denominator's value)}. */
  record Ratio(List<String> by, Selector denominator) implements Aggregation {
    public Ratio {
      by = List.copyOf(by);
    }

    @Override
    public String promql(String value, String denominatorValue) {
      return sum(by, value) + " / " + sum(by, denominatorValue);
    }
  }

  /**
   * {@code histogram_quantile(quantile, sum by (by, le) (value))}: the rule selects a histogram's
   * {@code _bucket} series.
   */
  record Quantile(List<String> by, double quantile) implements Aggregation {
    public Quantile {
      by = List.copyOf(by);
    }

    @Override
    public String promql(String value, String denominatorValue) {
      List<String> withLe = new ArrayList<>(by);
      withLe.add("le");
      return "histogram_quantile(" + Template.format(quantile) + ", " + sum(withLe, value) + ")";
    }
  }

  /** {@code sum by (server, by) (value)}. */
  static String sum(List<String> by, String value) {
    List<String> all = new ArrayList<>(List.of(FLEET_LABEL));
    by.stream().filter(l -> !l.equals(FLEET_LABEL)).forEach(all::add);
    return "sum by (" + String.join(", ", all) + ") (" + value + ")";
  }
}

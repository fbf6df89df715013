package io.frmonitor.alert.eval;

import io.frmonitor.alert.rule.LabelMatcher;
import io.frmonitor.alert.rule.Selector;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the evaluator sees at one instant: every current series by metric, whether each metric can
 * be read now (and, for a metric some of whose series show a signal of their own, whether those
 * can), and the recent past of the series the windowed rules need.
 *
 * @param unobservableWhere per metric, its series that cannot be observed on this deployment
 */
public record Observation(
    Instant at,
    Map<String, List<Series>> series,
    Map<String, Availability> availability,
    Map<String, List<Unobservable>> unobservableWhere,
    SeriesWindows windows) {
  public Observation {
    series = Map.copyOf(series);
    availability = Map.copyOf(availability);
    unobservableWhere = Map.copyOf(unobservableWhere);
  }

  public Observation(
      Instant at,
      Map<String, List<Series>> series,
      Map<String, Availability> availability,
      SeriesWindows windows) {
    this(at, series, availability, Map.of(), windows);
  }

  public List<Series> of(String metric) {
    return series.getOrDefault(metric, List.of());
  }

  /** Unknown metrics (no family publishes them yet) have no data. */
  public Availability availabilityOf(String metric) {
    return availability.getOrDefault(metric, Availability.noData("not collected yet"));
  }

  /**
   * Whether the series a selector picks can be read now: its metric's availability, unless the
   * selector asks by equality for series that cannot be observed here at all.
   */
  public Availability availabilityOf(Selector selector) {
    Availability metric = availabilityOf(selector.metric());
    if (!metric.available()) {
      return metric;
    }
    for (Unobservable u : unobservableWhere.getOrDefault(selector.metric(), List.of())) {
      for (LabelMatcher m : selector.matchers()) {
        if (m.op() == LabelMatcher.Op.EQ
            && m.label().equals(u.label())
            && m.value().equals(u.value())) {
          return u.availability();
        }
      }
    }
    return metric;
  }

  /** The series with {@code label="value"} cannot be observed here, and why. */
  public record Unobservable(String label, String value, Availability availability) {}
}

package io.frmonitor.alert.eval;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the evaluator sees at one instant: every current series by metric, whether each metric can
 * be read now, and the recent past of the series the windowed rules need.
 */
public record Observation(
    Instant at,
    Map<String, List<Series>> series,
    Map<String, Availability> availability,
    SeriesWindows windows) {
  public Observation {
    series = Map.copyOf(series);
    availability = Map.copyOf(availability);
  }

  public List<Series> of(String metric) {
    return series.getOrDefault(metric, List.of());
  }

  /** Unknown metrics (no family publishes them yet) have no data. */
  public Availability availabilityOf(String metric) {
    return availability.getOrDefault(metric, Availability.noData("not collected yet"));
  }
}

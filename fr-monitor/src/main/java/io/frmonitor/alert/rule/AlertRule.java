package io.frmonitor.alert.rule;

import io.frmonitor.config.Durations;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One alert rule: which series ({@code selector}), what of them ({@code reduction} over {@code
 * window}), compared how ({@code comparison} with {@code threshold}, resolving only past {@code
 * clear} when given), for how long before it fires ({@code forDuration}) and keeps firing after
 * ({@code keepFiringFor}), what missing data means ({@code noData}), and what it says ({@code
 * labels}, {@code annotations}). One alert instance per selected series, as in Prometheus.
 *
 * @param source where the rule comes from: {@code default} (shipped) or the rules file's path
 */
public record AlertRule(
    String name,
    Selector selector,
    Reduction reduction,
    Duration window,
    Comparison comparison,
    double threshold,
    OptionalDouble clear,
    Duration forDuration,
    Duration keepFiringFor,
    Severity severity,
    NoData noData,
    Map<String, Template> labels,
    Map<String, Template> annotations,
    String source) {
  public AlertRule {
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
  }

  /**
   * The rule as the PromQL expression of a Prometheus alerting rule: the condition, e.g. {@code
   * avg_over_time(x[5m]) > 0.9}; with a clear threshold, also the series of this rule's firing
   * alerts whose value has not come back past it — {@code x > 0.9 or (x >= 0.85 and
   * ignoring(alertname, alertstate, severity) ALERTS{alertname="Name", alertstate="firing"})} —
   * which is how the evaluator treats them too. The single place the rule's PromQL is made.
   */
  public String expression() {
    String value = value();
    if (reduction == Reduction.ABSENT) {
      return value;
    }
    String condition = value + " " + comparison.symbol() + " " + Template.format(threshold);
    if (clear.isEmpty()) {
      return condition;
    }
    Set<String> ignored = new LinkedHashSet<>(List.of("alertname", "alertstate", "severity"));
    ignored.addAll(labels.keySet());
    return condition
        + " or ("
        + value
        + " "
        + comparison.whileFiring().symbol()
        + " "
        + Template.format(clear.getAsDouble())
        + " and ignoring("
        + String.join(", ", ignored)
        + ") ALERTS{alertname=\""
        + name
        + "\", alertstate=\"firing\"})";
  }

  /** The value compared: the selected series, or the reduction over the window of them. */
  private String value() {
    String series = selector.toString();
    return reduction == Reduction.LAST
        ? series
        : reduction.promql() + "(" + series + "[" + Durations.format(window) + "])";
  }
}

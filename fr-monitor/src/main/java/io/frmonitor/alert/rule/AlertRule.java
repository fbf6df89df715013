package io.frmonitor.alert.rule;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

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

  /** The condition as PromQL writes it, e.g. {@code avg_over_time(x[5m]) > 0.9}. */
  public String expression() {
    String series = selector.toString();
    String value =
        reduction == Reduction.LAST
            ? series
            : reduction.promql()
                + "("
                + series
                + "["
                + io.frmonitor.config.Durations.format(window)
                + "])";
    return reduction == Reduction.ABSENT
        ? value
        : value + " " + comparison.symbol() + " " + Template.format(threshold);
  }
}

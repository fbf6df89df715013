package io.frmonitor.alert.rule;

import io.frmonitor.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One alert rule: which series ({@code selector}), what of them ({@code reduction} over {@code
 * window}, then combined by {@code aggregation}), compared how ({@code comparison} with {@code
 * threshold}, resolving only past {@code clear} when given; only while {@code guard} holds, when
 * given), for how long before it fires ({@code forDuration}) and keeps firing after ({@code
 * keepFiringFor}), what missing data means ({@code noData}), and what it says ({@code labels},
 * {@code annotations}). One alert instance per selected series, or per group of an aggregation, as
 * in Prometheus.
 *
 * @param source where the rule comes from: {@code default} (shipped) or the rules file's path
 */
public record AlertRule(
    String name,
    Selector selector,
    Reduction reduction,
    Duration window,
    Aggregation aggregation,
    Comparison comparison,
    double threshold,
    OptionalDouble clear,
    Optional<Guard> guard,
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
   * which is how the evaluator treats them too; with a guard, all of it {@code and on()} the guard.
   * The single place the rule's PromQL is made.
   */
  public String expression() {
    String value = value();
    if (reduction == Reduction.ABSENT) {
      return value;
    }
    String condition = value + " " + comparison.symbol() + " " + Template.format(threshold);
    if (clear.isPresent()) {
      Set<String> ignored = new LinkedHashSet<>(List.of("alertname", "alertstate", "severity"));
      ignored.addAll(labels.keySet());
      condition =
          condition
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
    if (guard.isEmpty()) {
      return condition;
    }
    String left = clear.isPresent() ? "(" + condition + ")" : condition;
    return left + " and on(" + Aggregation.FLEET_LABEL + ") " + guard.get().promql();
  }

  /**
   * Every metric the rule reads, with the longest window it reads it over (zero: only its current
   * value).
   */
  public Map<String, Duration> reads() {
    Map<String, Duration> out = new LinkedHashMap<>();
    out.put(selector.metric(), reduction.windowed() ? window : Duration.ZERO);
    if (aggregation instanceof Aggregation.Ratio ratio) {
      out.merge(ratio.denominator().metric(), out.get(selector.metric()), AlertRule::longer);
    }
    guard.ifPresent(
        g ->
            out.merge(
                g.selector().metric(),
                g.reduction().windowed() ? g.window() : Duration.ZERO,
                AlertRule::longer));
    return out;
  }

  /** The selectors of every series the rule reads: its own, a ratio's denominator, a guard's. */
  public List<Selector> selectors() {
    List<Selector> out = new ArrayList<>();
    out.add(selector);
    if (aggregation instanceof Aggregation.Ratio ratio) {
      out.add(ratio.denominator());
    }
    guard.ifPresent(g -> out.add(g.selector()));
    return out;
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** The value compared: the selected series or their reduction, combined by the aggregation. */
  private String value() {
    String denominator =
        aggregation instanceof Aggregation.Ratio ratio
            ? valueOf(ratio.denominator(), reduction, window)
            : "";
    return aggregation.promql(valueOf(selector, reduction, window), denominator);
  }

  /** The PromQL of {@code selector}'s series, reduced over {@code window}. */
  static String valueOf(Selector selector, Reduction reduction, Duration window) {
    String series = selector.toString();
    return reduction == Reduction.LAST
        ? series
        : reduction.promql() + "(" + series + "[" + Durations.format(window) + "])";
  }
}

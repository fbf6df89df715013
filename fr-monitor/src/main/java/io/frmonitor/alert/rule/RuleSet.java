package io.frmonitor.alert.rule;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules in force: the shipped defaults, with the rules file's changes applied.
 *
 * @param disabled the names of shipped rules the file switched off ({@code enabled: false})
 */
public record RuleSet(List<AlertRule> rules, Set<String> disabled) {
  public RuleSet {
    rules = List.copyOf(rules);
    disabled = Set.copyOf(disabled);
  }

  /** The metrics the rules read, by exposed name. */
  public Set<String> metrics() {
    return rules.stream()
        .flatMap(r -> r.reads().keySet().stream())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** How far back each metric read over a window must be kept: its rules' longest window. */
  public Map<String, Duration> windowsByMetric() {
    Map<String, Duration> keep = new HashMap<>();
    for (AlertRule r : rules) {
      r.reads()
          .forEach(
              (metric, window) -> {
                if (!window.isZero()) {
                  keep.merge(metric, window, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
              });
    }
    return keep;
  }
}

package io.frmonitor.alert.rule;

import java.util.List;
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
        .map(r -> r.selector().metric())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}

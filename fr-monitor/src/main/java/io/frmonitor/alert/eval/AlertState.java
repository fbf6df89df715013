package io.frmonitor.alert.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule's instances and health after an evaluation. Immutable.
 *
 * @param instances per rule, by label set
 */
public record AlertState(
    Map<String, Map<Map<String, String>, AlertInstance>> instances,
    Map<String, RuleHealth> health) {
  public static final AlertState EMPTY = new AlertState(Map.of(), Map.of());

  public AlertState {
    Map<String, Map<Map<String, String>, AlertInstance>> copy = new LinkedHashMap<>();
    instances.forEach(
        (rule, byLabels) ->
            copy.put(rule, Collections.unmodifiableMap(new LinkedHashMap<>(byLabels))));
    instances = Collections.unmodifiableMap(copy);
    health = Collections.unmodifiableMap(new LinkedHashMap<>(health));
  }

  public Map<Map<String, String>, AlertInstance> of(String rule) {
    return instances.getOrDefault(rule, Map.of());
  }

  /** Every instance, rule by rule. */
  public List<AlertInstance> all() {
    return instances.values().stream().flatMap(m -> m.values().stream()).toList();
  }
}

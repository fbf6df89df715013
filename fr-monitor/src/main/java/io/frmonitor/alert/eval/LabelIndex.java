package io.frmonitor.alert.eval;

import io.frmonitor.alert.rule.LabelMatcher;
import io.frmonitor.alert.rule.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One metric's series, indexed on demand by the labels selectors test, so that a rule on one queue
 * of two thousand looks at one series, not all, and a regular expression is tested once per
 * distinct label value. Built per evaluation.
 *
 * <p>Thread safety: not thread-safe; used by one evaluation.
 */
final class LabelIndex<T> {
  private final List<T> all;
  private final Function<T, Map<String, String>> labelsOf;
  private final Map<String, Map<String, List<T>>> byLabel = new HashMap<>();
  private final Map<String, NavigableMap<String, List<T>>> sortedByLabel = new HashMap<>();

  LabelIndex(List<T> all, Function<T, Map<String, String>> labelsOf) {
    this.all = all;
    this.labelsOf = labelsOf;
  }

  /**
   * The items the selector matches. The first equality matcher narrows through its label's index;
   * without one, the first matcher is tested once per distinct value of its label; the others are
   * then tested on what is left.
   */
  List<T> select(Selector selector) {
    List<LabelMatcher> matchers = selector.matchers();
    if (matchers.isEmpty()) {
      return all;
    }
    LabelMatcher first =
        matchers.stream()
            .filter(m -> m.op() == LabelMatcher.Op.EQ)
            .findFirst()
            .orElse(matchers.get(0));
    Map<String, List<T>> index = byLabel.computeIfAbsent(first.label(), this::index);
    List<T> candidates;
    if (first.op() == LabelMatcher.Op.EQ) {
      candidates = index.getOrDefault(first.value(), List.of());
    } else {
      candidates = new ArrayList<>();
      String prefix = first.literalPrefix();
      Map<String, List<T>> values =
          prefix.isEmpty()
              ? index
              : sortedByLabel
                  .computeIfAbsent(first.label(), l -> new TreeMap<>(index))
                  .subMap(prefix, true, prefix + Character.MAX_VALUE, true);
      for (Map.Entry<String, List<T>> e : values.entrySet()) {
        if (first.matches(e.getKey())) {
          candidates.addAll(e.getValue());
        }
      }
    }
    if (matchers.size() == 1) {
      return candidates;
    }
    List<T> out = new ArrayList<>(Math.min(candidates.size(), 16));
    for (T item : candidates) {
      if (selector.matches(labelsOf.apply(item))) {
        out.add(item);
      }
    }
    return out;
  }

  /**
   * The items by their value of {@code label}; "" for those without it (as PromQL has it). Hashed:
   * sorted only when a regular expression with a literal prefix asks for a range of values.
   */
  private Map<String, List<T>> index(String label) {
    Map<String, List<T>> index = new HashMap<>();
    for (T item : all) {
      String value = labelsOf.apply(item).getOrDefault(label, "");
      index.computeIfAbsent(value, v -> new ArrayList<>(1)).add(item);
    }
    return index;
  }
}

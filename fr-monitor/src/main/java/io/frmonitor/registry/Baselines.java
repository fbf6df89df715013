package io.frmonitor.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What collectors need to go on counting across a restart: per namespace (a collector's), per key
 * (a queue), the raw values they last read from their source and the totals they had counted — kept
 * with the state, so that a counter "since fr-monitor started watching" goes on from where it was
 * instead of starting again from 0.
 *
 * <p>Thread safety: synchronized; each namespace has one writer (its collector) and the state
 * writer reads all.
 */
public final class Baselines {
  private final Map<String, Map<String, long[]>> byNamespace = new TreeMap<>();

  /** The namespace's values, by key (copies). */
  public synchronized Map<String, long[]> get(String namespace) {
    return copy(byNamespace.getOrDefault(namespace, Map.of()));
  }

  /** Replaces the namespace's values: keys not given are forgotten (a queue deleted). */
  public synchronized void put(String namespace, Map<String, long[]> values) {
    byNamespace.put(namespace, copy(values));
  }

  /** Every namespace's values, for the state file. */
  public synchronized Map<String, Map<String, long[]>> all() {
    Map<String, Map<String, long[]>> out = new TreeMap<>();
    byNamespace.forEach((ns, values) -> out.put(ns, copy(values)));
    return Collections.unmodifiableMap(out);
  }

  /** Puts back an earlier run's values, before the collectors start. */
  public synchronized void restore(Map<String, Map<String, long[]>> earlier) {
    earlier.forEach((ns, values) -> byNamespace.putIfAbsent(ns, copy(values)));
  }

  private static Map<String, long[]> copy(Map<String, long[]> values) {
    Map<String, long[]> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, v.clone()));
    return out;
  }
}

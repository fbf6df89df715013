package io.frmonitor.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * What the simulation really did, counted where it happened: the ground truth fr-monitor's numbers
 * are checked against. Thread-safe.
 */
final class Truth {
  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
  private final List<Map<String, Object>> transitions =
      Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Object> config = new LinkedHashMap<>();
  private volatile Map<String, List<String>> finalStates = Map.of();

  /** Adds one to a counter named by its path, such as {@code frames.per_pipeline.3}. */
  void count(String name) {
    counters.computeIfAbsent(name, n -> new LongAdder()).increment();
  }

  /**
   * One message published into {@code queue}: what the broker's {@code message_stats.publish} of
   * the queue counts, so what fr-monitor's counter-derived figures must show.
   */
  void published(String queue) {
    count("broker.published." + queue);
  }

  long get(String name) {
    LongAdder a = counters.get(name);
    return a == null ? 0 : a.sum();
  }

  /** Every counter's current value, by name: cheap, for telling whether anything still moves. */
  Map<String, Long> counts() {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((name, value) -> out.put(name, value.sum()));
    return out;
  }

  /** Records one latency in milliseconds under {@code name}, such as {@code face}. */
  void latency(String name, long ms) {
    latencies.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>())).add(ms);
  }

  void transition(long atMs, String client, String from, String to) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("at", atMs);
    t.put("client", client);
    t.put("from", from);
    t.put("to", to);
    transitions.add(t);
  }

  void config(String key, Object value) {
    config.put(key, value);
  }

  void finalStates(Map<String, List<String>> states) {
    finalStates = Map.copyOf(states);
  }

  /** The whole truth as a JSON-ready tree: counters nested by their dotted names. */
  Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("config", config);
    Map<String, Object> tree = new TreeMap<>();
    counts().forEach((name, value) -> put(tree, name.split("\\.", -1), value));
    out.put("counts", tree);
    Map<String, Object> lat = new TreeMap<>();
    latencies.forEach((name, values) -> lat.put(name, summary(values)));
    out.put("latency_ms", lat);
    out.put("clients", new TreeMap<>(finalStates));
    synchronized (transitions) {
      out.put("transitions", List.copyOf(transitions));
    }
    return out;
  }

  void write(Path file) throws IOException {
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(file.toFile(), toMap());
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> tree, String[] path, long value) {
    Map<String, Object> node = tree;
    for (int i = 0; i < path.length - 1; i++) {
      node =
          (Map<String, Object>) node.computeIfAbsent(path[i], k -> new TreeMap<String, Object>());
    }
    node.put(path[path.length - 1], value);
  }

  private static Map<String, Object> summary(List<Long> values) {
    List<Long> sorted;
    synchronized (values) {
      sorted = new ArrayList<>(values);
    }
    Collections.sort(sorted);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("count", sorted.size());
    s.put("p50", percentile(sorted, 50));
    s.put("p95", percentile(sorted, 95));
    s.put("p99", percentile(sorted, 99));
    s.put("max", sorted.isEmpty() ? null : sorted.get(sorted.size() - 1));
    return s;
  }

  /** The nearest-rank percentile, or null for no values. */
  static @Nullable Long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}

package io.frmonitor.alert.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One rule's story told in input series: every series has a value at every step — no gaps, no
 * series that comes or goes, where fr-monitor and Prometheus intentionally differ.
 *
 * @param rule the rule it is written for
 * @param step the time between samples, and between evaluations
 */
record Scenario(String rule, Duration step, List<Track> tracks) {
  Scenario {
    tracks = List.copyOf(tracks);
    for (Track t : tracks) {
      if (t.values().size() != tracks.get(0).values().size()) {
        throw new IllegalArgumentException(rule + ": " + t.series() + " has another length");
      }
    }
  }

  int steps() {
    return tracks.get(0).values().size();
  }

  /** One series and its value at each step. */
  record Track(String metric, Map<String, String> labels, List<Double> values) {
    Track {
      labels = Collections.unmodifiableMap(new TreeMap<>(labels));
      values = List.copyOf(values);
    }

    /** As PromQL and promtool write a series: {@code name{a="x", b="y"}}. */
    String series() {
      List<String> pairs = new ArrayList<>();
      labels.forEach((k, v) -> pairs.add(k + "=\"" + v + "\""));
      return pairs.isEmpty() ? metric : metric + "{" + String.join(", ", pairs) + "}";
    }
  }

  /** Values step by step: held for a number of steps, or rising by as much at each step. */
  static final class Values {
    private final List<Double> values = new ArrayList<>();

    static Values start() {
      return new Values();
    }

    Values hold(double value, int steps) {
      for (int i = 0; i < steps; i++) {
        values.add(value);
      }
      return this;
    }

    /** {@code steps} values: {@code from}, {@code from + by}, … */
    Values rise(double from, double by, int steps) {
      for (int i = 0; i < steps; i++) {
        values.add(from + by * i);
      }
      return this;
    }

    /** {@code steps} values, each {@code by} above the one before (the first: the last so far). */
    Values climb(double by, int steps) {
      double last = values.isEmpty() ? 0 : values.get(values.size() - 1);
      for (int i = 1; i <= steps; i++) {
        values.add(last + by * i);
      }
      return this;
    }

    List<Double> list() {
      return List.copyOf(values);
    }
  }
}

package io.frmonitor.state;

import io.frmonitor.alert.engine.AlertHistory;
import io.frmonitor.alert.engine.Silences;
import io.frmonitor.alert.eval.AlertInstance;
import io.frmonitor.alert.rule.LabelMatcher;
import io.frmonitor.alert.rule.LabelMatcher.Op;
import io.frmonitor.model.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** State images for the codec's tests. */
final class StateImages {
  static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  static final long MS = T0.toEpochMilli();
  static final double ODD_NAN = Double.longBitsToDouble(0x7ff8_0000_dead_beefL);

  private StateImages() {}

  /** One of each thing: a two-point series, an event, an alert, a silence, a history entry. */
  static StateImage small() {
    return new StateImage(
        T0,
        List.of(new SeriesHistory("up", new long[] {MS, MS + 5000}, new double[] {1, ODD_NAN})),
        List.of(new Event(T0, "collector", Map.of("state", "down"))),
        List.of(alert(AlertInstance.Phase.FIRING, true)),
        List.of(silence("s1", LabelMatcher.of("queue", Op.RE, "a.*"))),
        List.of(entry(1, OptionalDouble.of(2.5), true)));
  }

  /**
   * Every field populated, with the awkward cases: odd NaN payloads, infinities, -0.0, extreme
   * times, an empty series, non-ASCII text, empty strings and maps.
   */
  static StateImage full() {
    double[] special = {
      ODD_NAN,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      -0.0,
      -12.5,
      Double.MIN_VALUE,
      Double.MAX_VALUE
    };
    long[] odd = {MS, MS + 1, MS - 3, 0, -1, Long.MIN_VALUE, Long.MAX_VALUE, MS};
    return new StateImage(
        T0,
        List.of(
            series("cpu_usage{host=\"a\"}", 10, i -> 0.5),
            series("fr_results_total", 10, i -> 100 + i * (i % 3)),
            series("temperature", 10, i -> -5 + i * 0.37),
            new SeriesHistory("special", odd, special),
            new SeriesHistory("empty", new long[0], new double[0])),
        List.of(
            new Event(T0, "collector", Map.of("name", "größe", "state", "日本語 🚀")),
            new Event(T0.minusSeconds(30), "ação", Map.of()),
            new Event(T0.plusMillis(1), "", Map.of("", ""))),
        List.of(
            alert(AlertInstance.Phase.PENDING, false),
            alert(AlertInstance.Phase.FIRING, true),
            alert(AlertInstance.Phase.RESOLVED, false)),
        List.of(
            silence("s1", LabelMatcher.of("queue", Op.EQ, "actions")),
            silence(
                "s2",
                LabelMatcher.of("owner", Op.NE, "x"),
                LabelMatcher.of("queue", Op.RE, "PipeLine_.*_face_data"),
                LabelMatcher.of("gpu", Op.NRE, "1|2"))),
        List.of(
            entry(1, OptionalDouble.of(97.5), false),
            entry(2, OptionalDouble.empty(), true),
            entry(3, OptionalDouble.of(Double.NaN), false)));
  }

  private interface Value {
    double at(int i);
  }

  private static SeriesHistory series(String name, int n, Value value) {
    long[] times = new long[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      times[i] = MS + 5000L * i + (i == 4 ? 17 : 0);
      values[i] = value.at(i);
    }
    return new SeriesHistory(name, times, values);
  }

  private static AlertInstance alert(AlertInstance.Phase phase, boolean everything) {
    return new AlertInstance(
        "HighCpu",
        Map.of("alertname", "HighCpu", "host", "ä-1", "severity", "warning"),
        everything ? Map.of("summary", "CPU über 90 %") : Map.of(),
        phase,
        T0.minusSeconds(300),
        everything ? Optional.of(T0.minusSeconds(240)) : Optional.empty(),
        everything ? Optional.of(T0.minusSeconds(10)) : Optional.empty(),
        T0.minusSeconds(5),
        everything ? OptionalDouble.of(93.25) : OptionalDouble.empty(),
        everything ? Optional.of(T0.minusSeconds(2)) : Optional.empty(),
        everything ? Optional.of("collector host is down") : Optional.empty());
  }

  private static Silences.Silence silence(String id, LabelMatcher... matchers) {
    return new Silences.Silence(
        id, List.of(matchers), T0, T0.plusSeconds(3600), "ops", "maintenance — ☕");
  }

  private static AlertHistory.Entry entry(long id, OptionalDouble value, boolean silenced) {
    return new AlertHistory.Entry(
        id,
        T0.plusSeconds(id * 15),
        "HighCpu",
        "warning",
        Map.of("host", "a"),
        "pending",
        "firing",
        value,
        "CPU high",
        silenced,
        "0123456789abcdef");
  }
}

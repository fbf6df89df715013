package io.frmonitor.alert.conformance;

import io.frmonitor.alert.eval.AlertInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a unit-test file for {@code promtool test rules}: the rules file, the evaluation interval,
 * and per scenario a test group — its input series in promtool's expanding notation ({@code 0.5x9}
 * for ten samples of 0.5, {@code 2+2x14} for 2, 4, … 30) and, per check, the alerts expected firing
 * (promtool lists only firing ones) with their labels, {@code alertname} aside, and annotations.
 */
final class PromtoolTestFile {
  private PromtoolTestFile() {}

  /** One scenario and what to expect of it. */
  record Group(Scenario scenario, List<Check> checks) {}

  /** The alerts of one rule expected firing at one time after the start. */
  record Check(Duration at, String alertname, List<AlertInstance> firing) {}

  static String yaml(String rulesFile, Duration evaluationInterval, List<Group> groups) {
    StringBuilder out = new StringBuilder();
    out.append("rule_files:\n  - ").append(quoted(rulesFile)).append('\n');
    out.append("evaluation_interval: ").append(seconds(evaluationInterval)).append("\ntests:\n");
    for (Group g : groups) {
      out.append("  - name: ").append(quoted(g.scenario().rule())).append('\n');
      out.append("    interval: ").append(seconds(g.scenario().step())).append('\n');
      out.append("    input_series:\n");
      for (Scenario.Track t : g.scenario().tracks()) {
        out.append("      - series: ").append(quoted(t.series())).append('\n');
        out.append("        values: ").append(quoted(values(t.values()))).append('\n');
      }
      out.append("    alert_rule_test:\n");
      g.checks().forEach(c -> check(c, out));
    }
    return out.toString();
  }

  private static void check(Check c, StringBuilder out) {
    out.append("      - eval_time: ").append(seconds(c.at())).append('\n');
    out.append("        alertname: ").append(c.alertname()).append('\n');
    if (c.firing().isEmpty()) {
      out.append("        exp_alerts: []\n");
      return;
    }
    out.append("        exp_alerts:\n");
    for (AlertInstance a : c.firing()) {
      Map<String, String> labels = new TreeMap<>(a.labels());
      labels.remove("alertname"); // promtool adds it
      out.append("          - exp_labels:\n");
      labels.forEach(
          (k, v) ->
              out.append("              ").append(k).append(": ").append(quoted(v)).append('\n'));
      out.append("            exp_annotations:\n");
      a.annotations()
          .forEach(
              (k, v) ->
                  out.append("              ")
                      .append(k)
                      .append(": ")
                      .append(quoted(v))
                      .append('\n'));
    }
  }

  /**
   * The values in expanding notation: a run of one value as {@code vxN} (N + 1 samples), a run of
   * whole numbers rising or falling by a whole step as {@code a+bxN}, anything else one by one.
   */
  static String values(List<Double> v) {
    List<String> items = new ArrayList<>();
    int i = 0;
    while (i < v.size()) {
      int same = i + 1;
      while (same < v.size() && v.get(same).equals(v.get(i))) {
        same++;
      }
      int rising = progressionEnd(v, i);
      if (same - i >= 2) {
        items.add(number(v.get(i)) + "x" + (same - i - 1));
        i = same;
      } else if (rising - i >= 3) {
        double by = v.get(i + 1) - v.get(i);
        String step = (by > 0 ? "+" : "-") + number(Math.abs(by));
        items.add(number(v.get(i)) + step + "x" + (rising - i - 1));
        i = rising;
      } else {
        items.add(number(v.get(i)));
        i++;
      }
    }
    return String.join(" ", items);
  }

  /** Where a run of whole numbers with one whole, non-zero step from {@code i} ends. */
  private static int progressionEnd(List<Double> v, int i) {
    if (i + 1 >= v.size() || !whole(v.get(i)) || !whole(v.get(i + 1))) {
      return i + 1;
    }
    double by = v.get(i + 1) - v.get(i);
    int end = i + 2;
    while (end < v.size() && whole(v.get(end)) && v.get(end) - v.get(end - 1) == by) {
      end++;
    }
    return by == 0 ? i + 1 : end;
  }

  private static boolean whole(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15;
  }

  private static String number(double x) {
    return whole(x) ? Long.toString((long) x) : Double.toString(x);
  }

  private static String seconds(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("whole seconds only: " + d);
    }
    return d.toSeconds() + "s";
  }

  /** Single-quoted YAML; the scenarios' texts have no line breaks or control characters. */
  private static String quoted(String text) {
    if (text.chars().anyMatch(c -> c < 0x20)) {
      throw new IllegalArgumentException("a control character in " + text);
    }
    return "'" + text.replace("'", "''") + "'";
  }
}

package io.frmonitor.alert.conformance;

import io.frmonitor.alert.eval.AlertInstance;
import io.frmonitor.alert.eval.AlertState;
import io.frmonitor.alert.eval.Availability;
import io.frmonitor.alert.eval.Evaluator;
import io.frmonitor.alert.eval.Observation;
import io.frmonitor.alert.eval.Series;
import io.frmonitor.alert.eval.SeriesWindows;
import io.frmonitor.alert.rule.RuleSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario run through fr-monitor's evaluator, step by step from the epoch (where promtool starts
 * too): each step's samples recorded in the windows, then every rule evaluated, all metrics
 * available. What comes out: each step's firing alert instances.
 */
final class EngineReplay {
  private EngineReplay() {}

  static List<List<AlertInstance>> firing(RuleSet rules, Scenario scenario) {
    SeriesWindows windows = new SeriesWindows(rules.windowsByMetric(), 1000);
    Map<String, Availability> availability = new HashMap<>();
    rules.metrics().forEach(m -> availability.put(m, Availability.OK));
    AlertState state = AlertState.EMPTY;
    List<List<AlertInstance>> out = new ArrayList<>();
    for (int step = 0; step < scenario.steps(); step++) {
      Instant at = Instant.EPOCH.plus(scenario.step().multipliedBy(step));
      List<Series> now = new ArrayList<>();
      for (Scenario.Track t : scenario.tracks()) {
        now.add(new Series(t.metric(), t.labels(), t.values().get(step)));
      }
      windows.record(at, now);
      Map<String, List<Series>> byMetric = new HashMap<>();
      now.forEach(s -> byMetric.computeIfAbsent(s.metric(), k -> new ArrayList<>()).add(s));
      state =
          Evaluator.evaluate(rules, new Observation(at, byMetric, availability, windows), state)
              .state();
      out.add(state.all().stream().filter(AlertInstance::firing).toList());
    }
    return out;
  }
}

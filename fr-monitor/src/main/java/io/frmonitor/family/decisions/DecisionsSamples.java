package io.frmonitor.family.decisions;

import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.DecisionsSnapshot;
import java.util.List;

/** The decision manager's messages: {@code actions} by kind and {@code saved_actions}. */
final class DecisionsSamples {
  static final MetricDef ACTIONS =
      MetricDef.counter(
          "fr_actions",
          "Decisions sent to clients (the actions queue), seen through the firehose.",
          "action",
          "reason");
  static final MetricDef SAVED_ACTIONS =
      MetricDef.counter("fr_saved_actions", "saved_actions messages seen through the firehose.");

  static final List<MetricDef> METRICS = List.of(ACTIONS, SAVED_ACTIONS);

  private DecisionsSamples() {}

  static void write(DecisionsSnapshot s, SampleWriter out) {
    s.actions()
        .forEach(
            (action, reasons) ->
                reasons.forEach((reason, n) -> out.value(ACTIONS, n, action, reason)));
    out.value(SAVED_ACTIONS, s.savedActions());
  }
}

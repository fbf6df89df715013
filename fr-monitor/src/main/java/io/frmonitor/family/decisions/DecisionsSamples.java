package io.frmonitor.family.decisions;

import io.frmonitor.family.Signal;
import io.frmonitor.family.SignalSource;
import io.frmonitor.family.Signals;
import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.registry.Latest;
import io.frmonitor.registry.MetricRegistry;
import java.util.List;

/** The decision manager's messages: {@code actions} by kind and {@code saved_actions}. */
final class DecisionsSamples {
  static final MetricDef ACTIONS =
      MetricDef.counter(
          "fr_actions",
          "Decisions sent to clients (the actions queue) by kind, seen through the firehose; absent"
              + " while the vhost is not traced.",
          "action",
          "reason");
  static final MetricDef SAVED_ACTIONS =
      MetricDef.counter(
          "fr_saved_actions",
          "saved_actions messages seen through the firehose; absent while the vhost is not traced.");

  static final List<MetricDef> METRICS = List.of(ACTIONS, SAVED_ACTIONS);

  private DecisionsSamples() {}

  /**
   * Only while the firehose sees every decision, and its snapshot is fresh: the counts without it
   * are the actions and saved_actions queues' {@code fr_queue_published_total}.
   */
  static void write(Latest<DecisionsSnapshot> latest, MetricRegistry registry, SampleWriter out) {
    if (latest.stale()
        || !Signals.of(registry).from(Signal.ACTIONS_BY_KIND, SignalSource.FIREHOSE)) {
      return;
    }
    DecisionsSnapshot s = latest.value();
    s.actions()
        .forEach(
            (action, reasons) ->
                reasons.forEach((reason, n) -> out.value(ACTIONS, n, action, reason)));
    out.value(SAVED_ACTIONS, s.savedActions());
  }
}

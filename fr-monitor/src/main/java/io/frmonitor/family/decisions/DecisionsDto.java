package io.frmonitor.family.decisions;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.family.FrServerQueues;
import io.frmonitor.family.Nullables;
import io.frmonitor.family.Signal;
import io.frmonitor.family.SignalSource;
import io.frmonitor.family.Signals;
import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.model.QueueCounters;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.registry.Latest;
import io.frmonitor.registry.MetricRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /metrics/decisions}: the decision manager's {@code actions} and {@code saved_actions}
 * messages — by action and reason from the firehose while the vhost is traced, else how many from
 * the broker's queue counters — and the {@code actions} queue's redeliveries (the requeue loop of
 * facts §8). What no source sees is null, with the reason in {@code unobservable}.
 */
public record DecisionsDto(
    @JsonPropertyDescription("When the source of the actions last reported")
        @Nullable Long timestamp,
    boolean stale,
    @JsonPropertyDescription(
            "Which source feeds each signal now: firehose, queue_counters; null when none does")
        Map<String, @Nullable String> sources,
    @JsonPropertyDescription("Why each signal that no source feeds is unknown, and what to do")
        Map<String, String> unobservable,
    @JsonPropertyDescription(
            "What to bear in mind about a signal's figures from its source now (the firehose"
                + " dropping copies: the counts by kind are lower bounds)")
        Map<String, String> caveats,
    @JsonPropertyDescription(
            "actions messages (one per face result, NO_ACTION included), since fr-monitor started"
                + " (with the firehose: since the vhost is traced)")
        @Nullable Long actionsTotal,
    @Nullable Double actionsPerSec,
    @JsonPropertyDescription("saved_actions messages (one per face and per phone result)")
        @Nullable Long savedActionsTotal,
    @Nullable Double savedActionsPerSec,
    @JsonPropertyDescription("Deliveries from the actions queue to the gateway (broker counter)")
        @Nullable Long actionsDeliveredTotal,
    @JsonPropertyDescription(
            "Actions delivered again after a requeue: the gateway requeues an action whose client"
                + " is gone, in a loop (broker counter)")
        @Nullable Long actionsRedeliveredTotal,
    @Nullable Double actionsRedeliverPerSec,
    @JsonPropertyDescription(
            "Counts per action and reason name, largest first; null when no source sees them")
        @Nullable List<Decision> decisions) {

  public record Decision(String action, String reason, long total) {}

  private static final Signal[] SHOWN = {
    Signal.ACTIONS, Signal.ACTIONS_BY_KIND, Signal.SAVED_ACTIONS
  };

  static DecisionsDto of(MetricRegistry registry) {
    Signals signals = Signals.of(registry);
    Optional<Latest<DecisionsSnapshot>> traced =
        registry
            .latest(DecisionsSnapshot.FAMILY)
            .filter(l -> signals.from(Signal.ACTIONS_BY_KIND, SignalSource.FIREHOSE));
    Optional<Latest<QueuesSnapshot>> counted =
        registry
            .latest(QueuesSnapshot.FAMILY)
            .filter(l -> Signals.countedQueues(registry).isPresent());
    Optional<QueueStats> actions = Signals.countedQueue(registry, FrServerQueues.ACTIONS);
    Figures sent;
    Figures saved;
    if (traced.isPresent() && signals.from(Signal.ACTIONS, SignalSource.FIREHOSE)) {
      DecisionsSnapshot s = traced.get().value();
      sent = new Figures(s.actionsTotal(), Nullables.of(s.actionsPerSec()));
      saved = new Figures(s.savedActions(), Nullables.of(s.savedActionsPerSec()));
    } else {
      sent = Figures.counted(actions);
      saved = Figures.counted(Signals.countedQueue(registry, FrServerQueues.SAVED_ACTIONS));
    }
    Optional<? extends Latest<?>> source = traced.isPresent() ? traced : counted;
    QueueCounters actionCounters = actions.map(QueueStats::counters).orElse(QueueCounters.NONE);
    return new DecisionsDto(
        source.map(l -> l.collectedAt().toEpochMilli()).orElse(null),
        source.map(Latest::stale).orElse(true),
        signals.sourcesOf(SHOWN),
        signals.unobservableOf(SHOWN),
        signals.caveatsOf(SHOWN),
        sent.total(),
        sent.perSec(),
        saved.total(),
        saved.perSec(),
        Nullables.of(actionCounters.delivered()),
        Nullables.of(actionCounters.redelivered()),
        actions
            .map(q -> q.redeliverPerSec().isPresent() ? q.redeliverPerSec().getAsDouble() : null)
            .orElse(null),
        traced.map(l -> decisions(l.value())).orElse(null));
  }

  /** How many messages and how fast, from one source. */
  private record Figures(@Nullable Long total, @Nullable Double perSec) {
    /** From a queue's counters and publish rate; unknown without the queue. */
    static Figures counted(Optional<QueueStats> queue) {
      return queue
          .map(
              q ->
                  new Figures(
                      Nullables.of(q.counters().published()), Nullables.of(q.publishPerSec())))
          .orElse(new Figures(null, null));
    }
  }

  private static List<Decision> decisions(DecisionsSnapshot s) {
    List<Decision> decisions = new ArrayList<>();
    s.actions()
        .forEach(
            (action, reasons) ->
                reasons.forEach((reason, n) -> decisions.add(new Decision(action, reason, n))));
    decisions.sort((a, b) -> Long.compare(b.total(), a.total()));
    return decisions;
  }
}

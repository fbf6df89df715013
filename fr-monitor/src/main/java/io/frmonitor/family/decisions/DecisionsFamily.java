package io.frmonitor.family.decisions;

import static io.frmonitor.family.Card.column;

import io.frmonitor.family.Card;
import io.frmonitor.family.Card.Format;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Points;
import io.frmonitor.family.Rest;
import io.frmonitor.family.Signal;
import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.model.ResultsSnapshot;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the decision manager decided: its {@code actions} (lock screen, sign out, warning, …) and
 * {@code saved_actions} messages ({@code firehose}). Not to be confused with the event log at
 * {@code /metrics/actions}, the seed's "recent actions" history.
 */
public final class DecisionsFamily {
  public static final FamilySpec<DecisionsSnapshot> SPEC =
      FamilySpec.of(DecisionsSnapshot.FAMILY, "Decisions")
          .rest(
              Rest.of(
                  DecisionsDto.class,
                  DecisionsDto::of,
                  "Decisions sent to clients, by action and reason",
                  "The decision manager's actions messages (per action and reason name) and"
                      + " saved_actions messages: every one, with its kind, through the RabbitMQ"
                      + " firehose while the vhost is traced (docs/operations.md#the-firehose);"
                      + " otherwise how many from the broker's counters of the actions and"
                      + " saved_actions queues, the kinds then unknown (null, with the reason in"
                      + " `unobservable`). The actions queue's deliveries and redeliveries come"
                      + " from its counters either way."))
          .alsoReads(QueuesSnapshot.FAMILY, ResultsSnapshot.FAMILY)
          .example(example())
          .samples(DecisionsSamples.METRICS, DecisionsSamples::write)
          .observes(
              Signal.ACTIONS_BY_KIND, DecisionsSamples.ACTIONS, DecisionsSamples.SAVED_ACTIONS)
          .series(DecisionsFamily::series)
          .card(
              Card.generic()
                  .tile("Actions", "actions_total", Format.INTEGER)
                  .tile("Actions/s", "actions_per_sec", Format.NUMBER)
                  .tile("Saved actions", "saved_actions_total", Format.INTEGER)
                  .tile("Redelivered", "actions_redelivered_total", Format.INTEGER)
                  .notes("unobservable", "caveats")
                  .table(
                      "decisions",
                      "No decision seen yet.",
                      column("action", "action", Format.TEXT),
                      column("reason", "reason", Format.TEXT),
                      column("count", "total", Format.INTEGER))
                  .build())
          .build();

  private DecisionsFamily() {}

  static Map<String, Double> series(DecisionsSnapshot s) {
    Points p = new Points(DecisionsSnapshot.FAMILY);
    if (s.tracing()) {
      p.put("actions_total", s.actionsTotal());
      p.put("saved_actions_total", s.savedActions());
      p.put("actions_per_sec", s.actionsPerSec());
    }
    return p.map();
  }

  /** The mix a minute of five clients gave against the real fr-server's services, traced. */
  static DecisionsSnapshot example() {
    return new DecisionsSnapshot(
        Map.of(
            "no_action", Map.of("empty_reason", 676L),
            "lock_screen", Map.of("no_face", 104L, "wrong_user", 103L),
            "sign_out", Map.of("spoof_image", 116L),
            "warning", Map.of("phone_detection", 88L)),
        2998,
        OptionalDouble.of(18.2),
        OptionalDouble.of(33.3),
        true);
  }
}

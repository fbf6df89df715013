package io.frmonitor.family.decisions;

import static io.frmonitor.family.Card.column;

import io.frmonitor.family.Card;
import io.frmonitor.family.Card.Format;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Points;
import io.frmonitor.family.Rest;
import io.frmonitor.family.SampleSource;
import io.frmonitor.model.DecisionsSnapshot;
import java.util.Map;

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
                  registry -> DecisionsDto.of(registry.latest(DecisionsSnapshot.FAMILY)),
                  "Decisions sent to clients, by action and reason",
                  "The decision manager's actions messages (per action and reason name) and"
                      + " saved_actions messages, counted since fr-monitor started. Seen through"
                      + " the RabbitMQ firehose, which an operator must switch on"
                      + " (MONITORING_RMQ_FIREHOSE=true, docs/operations.md)."))
          .example(example())
          .samples(DecisionsSamples.METRICS, SampleSource.whenFresh(DecisionsSamples::write))
          .series(DecisionsFamily::series)
          .card(
              Card.generic()
                  .tile("Actions", "actions_total", Format.INTEGER)
                  .tile("Saved actions", "saved_actions_total", Format.INTEGER)
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
    p.put(
        "actions_total",
        s.actions().values().stream()
            .flatMap(r -> r.values().stream())
            .mapToLong(Long::longValue)
            .sum());
    p.put("saved_actions_total", s.savedActions());
    return p.map();
  }

  /** The mix a minute of five clients gave against the real fr-server's services. */
  static DecisionsSnapshot example() {
    return new DecisionsSnapshot(
        Map.of(
            "no_action", Map.of("empty_reason", 676L),
            "lock_screen", Map.of("no_face", 104L, "wrong_user", 103L),
            "sign_out", Map.of("spoof_image", 116L),
            "warning", Map.of("phone_detection", 88L)),
        2998);
  }
}

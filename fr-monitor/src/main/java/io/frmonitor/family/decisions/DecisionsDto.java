package io.frmonitor.family.decisions;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.registry.Latest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /metrics/decisions}: the decision manager's {@code actions} (per action and reason)
 * and {@code saved_actions} messages, counted since fr-monitor started.
 */
public record DecisionsDto(
    @Nullable Long timestamp,
    boolean stale,
    @JsonPropertyDescription("actions messages (one per face result, NO_ACTION included)")
        @Nullable Long actionsTotal,
    @JsonPropertyDescription("saved_actions messages (one per face and per phone result)")
        @Nullable Long savedActionsTotal,
    @JsonPropertyDescription("Counts per action and reason name, largest first")
        List<Decision> decisions) {

  public record Decision(String action, String reason, long total) {}

  static DecisionsDto of(Optional<Latest<DecisionsSnapshot>> latest) {
    if (latest.isEmpty()) {
      return new DecisionsDto(null, true, null, null, List.of());
    }
    DecisionsSnapshot s = latest.get().value();
    List<Decision> decisions = new ArrayList<>();
    s.actions()
        .forEach(
            (action, reasons) ->
                reasons.forEach((reason, n) -> decisions.add(new Decision(action, reason, n))));
    decisions.sort((a, b) -> Long.compare(b.total(), a.total()));
    return new DecisionsDto(
        latest.get().collectedAt().toEpochMilli(),
        latest.get().stale(),
        decisions.stream().mapToLong(Decision::total).sum(),
        s.savedActions(),
        decisions);
  }
}

package io.frmonitor.alert.engine;

import io.frmonitor.alert.eval.AlertInstance;
import io.frmonitor.alert.eval.AlertState;
import io.frmonitor.alert.eval.RuleHealth;
import io.frmonitor.alert.notify.Notifier;
import io.frmonitor.alert.rule.AlertRule;
import io.frmonitor.alert.rule.RuleSet;
import io.frmonitor.alert.rule.Template;
import io.frmonitor.model.AlertsSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Turns the engine's state into the snapshot the outputs render. */
final class Snapshots {
  private Snapshots() {}

  static AlertsSnapshot of(
      RuleSet rules,
      AlertState state,
      Predicate<AlertInstance> silenced,
      List<Notifier> notifiers,
      int silences,
      Instant at,
      long evaluations,
      Duration cpu) {
    List<AlertsSnapshot.Alert> alerts =
        state.all().stream().map(i -> alert(i, silenced.test(i))).toList();
    List<AlertsSnapshot.Rule> ruleViews =
        rules.rules().stream().map(r -> rule(r, state.health().get(r.name()), at)).toList();
    return new AlertsSnapshot(
        at,
        evaluations,
        cpu,
        alerts,
        ruleViews,
        notifiers.stream().map(Notifier::status).toList(),
        silences);
  }

  static AlertsSnapshot.Alert alert(AlertInstance i, boolean silenced) {
    return new AlertsSnapshot.Alert(
        i.rule(),
        i.labels(),
        i.annotations(),
        i.state(),
        i.firing(),
        i.activeAt(),
        i.firedAt(),
        i.resolvedAt(),
        i.value(),
        i.noDataReason(),
        silenced,
        i.fingerprint());
  }

  private static AlertsSnapshot.Rule rule(
      AlertRule r, @org.jspecify.annotations.Nullable RuleHealth health, Instant at) {
    RuleHealth h =
        health != null ? health : new RuleHealth(RuleHealth.Status.OK, Optional.empty(), at, 0);
    return new AlertsSnapshot.Rule(
        r.name(),
        r.severity().label(),
        r.expression(),
        r.forDuration(),
        r.keepFiringFor(),
        r.clear(),
        r.noData().label(),
        texts(r.labels()),
        texts(r.annotations()),
        r.source(),
        h.status().label(),
        h.reason(),
        h.lastEvaluation(),
        h.series());
  }

  private static Map<String, String> texts(Map<String, Template> templates) {
    Map<String, String> out = new LinkedHashMap<>();
    templates.forEach((k, t) -> out.put(k, t.text()));
    return out;
  }
}

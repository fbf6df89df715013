package io.frmonitor.alert.notify;

import io.frmonitor.alert.eval.AlertInstance;
import io.frmonitor.alert.eval.Transition;
import java.time.Instant;
import java.util.List;

/**
 * What one evaluation tells the notifiers. Silenced instances are left out of both lists.
 *
 * @param at when the evaluation ran
 * @param alerts the instances a receiver should know of now, as Prometheus sends them to
 *     Alertmanager: every firing one, and every resolved one still retained (15 minutes), so that a
 *     receiver that missed the resolution hears it again
 * @param transitions this evaluation's state changes (pending and {@code no_data} ones included; a
 *     notifier picks those it cares for)
 */
public record AlertBatch(Instant at, List<AlertInstance> alerts, List<Transition> transitions) {
  public AlertBatch {
    alerts = List.copyOf(alerts);
    transitions = List.copyOf(transitions);
  }
}

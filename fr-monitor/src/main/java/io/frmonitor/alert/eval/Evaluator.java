package io.frmonitor.alert.eval;

import io.frmonitor.alert.eval.AlertInstance.Phase;
import io.frmonitor.alert.rule.Aggregation;
import io.frmonitor.alert.rule.AlertRule;
import io.frmonitor.alert.rule.Guard;
import io.frmonitor.alert.rule.LabelMatcher;
import io.frmonitor.alert.rule.NoData;
import io.frmonitor.alert.rule.Reduction;
import io.frmonitor.alert.rule.RuleSet;
import io.frmonitor.alert.rule.Selector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The alert rules' evaluation, as a pure function of the rules, what is observed now and the
 * previous state: no clock, no threads, no I/O. Prometheus's semantics — one instance per selected
 * series; {@code pending} until the condition has held for {@code for}, then {@code firing}; {@code
 * resolved} when it no longer holds (after {@code keep_firing_for}, and with a clear threshold only
 * once the value is back past it) — plus missing data made explicit: an instance whose metric
 * cannot be read now is {@code no_data}, handled by the rule's {@code no_data} policy, and a
 * pending {@code for} survives a missed collection.
 */
public final class Evaluator {
  /** How long a resolved instance stays listed (and is re-sent to notifiers), as in Prometheus. */
  public static final Duration RESOLVED_RETENTION = Duration.ofMinutes(15);

  private Evaluator() {}

  /** The new state, and the transitions from the previous one. */
  public static Evaluation evaluate(RuleSet rules, Observation now, AlertState previous) {
    Map<String, Map<Map<String, String>, AlertInstance>> instances = new LinkedHashMap<>();
    Map<String, RuleHealth> health = new LinkedHashMap<>();
    List<Transition> transitions = new ArrayList<>();
    Selection selection = new Selection(now);
    for (AlertRule rule : rules.rules()) {
      RuleStep step = new RuleStep(rule, now, selection, previous.of(rule.name()), transitions);
      instances.put(rule.name(), step.run());
      health.put(rule.name(), step.health());
    }
    return new Evaluation(new AlertState(instances, health), transitions);
  }

  /**
   * The series the rules select, through label indexes shared by the rules of one evaluation: the
   * current series per metric, the windowed ones per metric and window.
   */
  private static final class Selection {
    private final Observation obs;
    private final Map<String, LabelIndex<Series>> current = new HashMap<>();
    private final Map<String, LabelIndex<Series.Key>> windowed = new HashMap<>();

    Selection(Observation obs) {
      this.obs = obs;
    }

    List<Series> current(Selector selector) {
      return current
          .computeIfAbsent(selector.metric(), m -> new LabelIndex<>(obs.of(m), Series::labels))
          .select(selector);
    }

    List<Series.Key> windowed(Selector selector, Instant from, Instant to) {
      return windowed
          .computeIfAbsent(
              selector.metric() + '\u0000' + from.toEpochMilli(),
              k ->
                  new LabelIndex<>(
                      obs.windows().keysOf(selector.metric(), from, to), Series.Key::labels))
          .select(selector);
    }
  }

  /** The outcome of one evaluation. */
  public record Evaluation(AlertState state, List<Transition> transitions) {
    public Evaluation {
      transitions = List.copyOf(transitions);
    }
  }

  /**
   * One rule's evaluation. Without data, {@code keep_state} marks the instances {@code no_data}
   * (phase and timers kept); {@code alerting} treats the condition as holding (the missing data is
   * the alarm: pending, then firing); {@code ok} as not holding.
   */
  private static final class RuleStep {
    private final AlertRule rule;
    private final Observation obs;
    private final Selection selection;
    private final Instant at;
    private final Map<Map<String, String>, AlertInstance> before;
    private final List<Transition> transitions;
    private final Map<Map<String, String>, AlertInstance> after = new LinkedHashMap<>();
    private RuleHealth health;
    private int selected;

    RuleStep(
        AlertRule rule,
        Observation obs,
        Selection selection,
        Map<Map<String, String>, AlertInstance> before,
        List<Transition> transitions) {
      this.rule = rule;
      this.obs = obs;
      this.selection = selection;
      this.at = obs.at();
      this.before = before;
      this.transitions = transitions;
      this.health = new RuleHealth(RuleHealth.Status.OK, Optional.empty(), at, 0);
    }

    RuleHealth health() {
      return health;
    }

    Map<Map<String, String>, AlertInstance> run() {
      Availability availability = availability();
      if (!availability.available()) {
        withoutData(availability);
        return after;
      }
      Map<Map<String, String>, Reading> readings = readings();
      health = new RuleHealth(RuleHealth.Status.OK, Optional.empty(), at, selected);
      readings.forEach(
          (labels, r) -> {
            if (r.value().isEmpty()) {
              // too few values in the window yet: no verdict either way
              AlertInstance prev = before.get(labels);
              if (prev != null) {
                put(labels, prev);
              }
            } else {
              step(labels, r.seriesLabels(), r.value(), r.holds());
            }
          });
      before.forEach(
          (labels, instance) -> {
            if (!readings.containsKey(labels)) {
              // the metric is read; the series no longer holds, or is gone (a queue deleted)
              step(labels, instance.labels(), instance.value(), false);
            }
          });
      return after;
    }

    /**
     * Whether every series the rule reads can be read now; else the reason of the first that cannot
     * be observed at all, or of the first without data.
     */
    private Availability availability() {
      Availability missing = Availability.OK;
      for (Selector selector : rule.selectors()) {
        Availability a = obs.availabilityOf(selector);
        if (a.unobservable()) {
          return a;
        }
        if (!a.available() && missing.available()) {
          missing = a;
        }
      }
      return missing;
    }

    /** The metric cannot be read: every instance is handled by the rule's no-data policy. */
    private void withoutData(Availability availability) {
      String reason = availability.reason().orElse("no data");
      health =
          new RuleHealth(
              availability.unobservable() ? RuleHealth.Status.INACTIVE : RuleHealth.Status.NO_DATA,
              Optional.of(
                  availability.unobservable() ? "metric not observable: " + reason : reason),
              at,
              0);
      before.forEach((labels, instance) -> noData(labels, instance, reason));
      if (before.isEmpty() && rule.noData() == NoData.ALERTING && !availability.unobservable()) {
        Map<String, String> labels = ruleOnlyLabels();
        step(labels, labels, OptionalDouble.empty(), true);
      }
    }

    private void noData(Map<String, String> labels, AlertInstance instance, String reason) {
      switch (rule.noData()) {
        case KEEP_STATE -> {
          if (instance.phase() == Phase.RESOLVED) {
            retainResolved(labels, instance);
          } else {
            put(labels, instance);
            markNoData(labels, reason);
          }
        }
        case ALERTING -> step(labels, instance.labels(), instance.value(), true);
        case OK -> step(labels, instance.labels(), instance.value(), false);
      }
    }

    /** Marks the instance under {@code labels}, if any, as without data since now (or before). */
    private void markNoData(Map<String, String> labels, String reason) {
      AlertInstance i = after.get(labels);
      if (i == null || i.noDataSince().isPresent() || i.phase() == Phase.RESOLVED) {
        return;
      }
      AlertInstance marked =
          new AlertInstance(
              i.rule(),
              i.labels(),
              i.annotations(),
              i.phase(),
              i.activeAt(),
              i.firedAt(),
              i.resolvedAt(),
              i.lastActiveAt(),
              i.value(),
              Optional.of(at),
              Optional.of(reason));
      after.put(labels, marked);
      transitions.add(new Transition(marked, i.phase().label(), "no_data", at));
    }

    /**
     * Moves one instance on. {@code active}: the condition holds (or, for a firing instance with a
     * clear threshold, the value has not come back past it).
     */
    private void step(
        Map<String, String> labels,
        Map<String, String> seriesLabels,
        OptionalDouble value,
        boolean active) {
      AlertInstance prev = before.get(labels);
      if (prev == null || prev.phase() == Phase.RESOLVED) {
        if (active) {
          activate(labels, seriesLabels, value, prev == null ? "inactive" : prev.state());
        } else if (prev != null) {
          retainResolved(labels, prev);
        }
      } else if (active) {
        holdOn(labels, seriesLabels, value, prev);
      } else {
        release(labels, seriesLabels, value, prev);
      }
    }

    /** The condition starts to hold: pending, or firing at once without {@code for}. */
    private void activate(
        Map<String, String> labels,
        Map<String, String> seriesLabels,
        OptionalDouble value,
        String fromState) {
      boolean fires = rule.forDuration().isZero();
      AlertInstance next =
          instance(
              labels,
              seriesLabels,
              fires ? Phase.FIRING : Phase.PENDING,
              at,
              fires ? Optional.of(at) : Optional.empty(),
              Optional.empty(),
              at,
              value);
      put(labels, next);
      transitions.add(new Transition(next, fromState, next.state(), at));
    }

    /** The condition still holds: a pending instance fires once {@code for} has passed. */
    private void holdOn(
        Map<String, String> labels,
        Map<String, String> seriesLabels,
        OptionalDouble value,
        AlertInstance prev) {
      boolean fires =
          prev.phase() == Phase.FIRING || !at.isBefore(prev.activeAt().plus(rule.forDuration()));
      AlertInstance next =
          instance(
              labels,
              seriesLabels,
              fires ? Phase.FIRING : Phase.PENDING,
              prev.activeAt(),
              fires ? Optional.of(prev.firedAt().orElse(at)) : Optional.empty(),
              Optional.empty(),
              at,
              value.isPresent() ? value : prev.value());
      put(labels, next);
      if (!next.state().equals(prev.state())) {
        transitions.add(new Transition(next, prev.state(), next.state(), at));
      }
    }

    /**
     * The condition no longer holds: a pending instance is gone; a firing one resolves, unless
     * {@code keep_firing_for} has not passed since it last held.
     */
    private void release(
        Map<String, String> labels,
        Map<String, String> seriesLabels,
        OptionalDouble value,
        AlertInstance prev) {
      OptionalDouble last = value.isPresent() ? value : prev.value();
      if (prev.phase() == Phase.PENDING) {
        transitions.add(new Transition(prev, prev.state(), "inactive", at));
        return;
      }
      boolean kept = at.isBefore(prev.lastActiveAt().plus(rule.keepFiringFor()));
      AlertInstance next =
          instance(
              labels,
              seriesLabels,
              kept ? Phase.FIRING : Phase.RESOLVED,
              prev.activeAt(),
              prev.firedAt(),
              kept ? Optional.empty() : Optional.of(at),
              prev.lastActiveAt(),
              last);
      put(labels, next);
      if (!next.state().equals(prev.state())) {
        transitions.add(new Transition(next, prev.state(), next.state(), at));
      }
    }

    private void retainResolved(Map<String, String> labels, AlertInstance resolved) {
      if (resolved.resolvedAt().map(r -> at.isBefore(r.plus(RESOLVED_RETENTION))).orElse(false)) {
        put(labels, resolved);
      }
    }

    private void put(Map<String, String> labels, AlertInstance instance) {
      after.put(labels, instance);
    }

    private AlertInstance instance(
        Map<String, String> labels,
        Map<String, String> seriesLabels,
        Phase phase,
        Instant activeAt,
        Optional<Instant> firedAt,
        Optional<Instant> resolvedAt,
        Instant lastActiveAt,
        OptionalDouble value) {
      double v = value.isPresent() ? value.getAsDouble() : Double.NaN;
      Map<String, String> annotations = new TreeMap<>();
      rule.annotations().forEach((k, t) -> annotations.put(k, t.render(seriesLabels, v)));
      return new AlertInstance(
          rule.name(),
          labels,
          annotations,
          phase,
          activeAt,
          firedAt,
          resolvedAt,
          lastActiveAt,
          value,
          Optional.empty(),
          Optional.empty());
    }

    /** The instance labels of each selected series with its value, whether or not it holds. */
    private Map<Map<String, String>, Reading> readings() {
      Map<Map<String, String>, Reading> out = new LinkedHashMap<>();
      if (rule.reduction() == Reduction.ABSENT) {
        Instant from = at.minus(rule.window());
        boolean any = !selection.windowed(rule.selector(), from, at).isEmpty();
        if (!any) {
          Map<String, String> series = absentLabels();
          out.put(instanceLabels(series), new Reading(series, OptionalDouble.of(1), true));
        }
        selected = out.size();
        return out;
      }
      Map<Map<String, String>, OptionalDouble> values = values();
      selected = values.size();
      for (Map.Entry<Map<String, String>, OptionalDouble> e : values.entrySet()) {
        OptionalDouble value = e.getValue();
        if (value.isEmpty()) {
          // too few values in the window yet: no verdict, an instance it has stays as it is
          out.put(instanceLabels(e.getKey()), new Reading(e.getKey(), value, false));
          continue;
        }
        double v = value.getAsDouble();
        boolean beyond = rule.comparison().test(v, rule.threshold());
        boolean withinClear =
            !beyond
                && rule.clear().isPresent()
                && rule.comparison().holds(v, rule.clear().getAsDouble());
        if (!beyond && !withinClear) {
          // the common case, left without the cost of its instance labels: an instance it had is
          // released as one whose series went, keeping its last value while active (Prometheus's)
          continue;
        }
        Map<String, String> labels = instanceLabels(e.getKey());
        AlertInstance prev = before.get(labels);
        boolean firing = prev != null && prev.phase() == Phase.FIRING;
        out.put(labels, new Reading(e.getKey(), value, beyond || firing));
      }
      return out;
    }

    /**
     * The value of each selected series, or of each group of the rule's aggregation — none at all
     * while the guard does not hold (its alerts are then released, as series that went).
     */
    private Map<Map<String, String>, OptionalDouble> values() {
      if (rule.guard().isPresent() && !guardHolds(rule.guard().get())) {
        return Map.of();
      }
      Map<Map<String, String>, OptionalDouble> values =
          valuesOf(rule.selector(), rule.reduction(), rule.window());
      Aggregation aggregation = rule.aggregation();
      if (aggregation instanceof Aggregation.Ratio ratio) {
        return Groups.ratio(
            Groups.sum(values, ratio.by()),
            Groups.sum(valuesOf(ratio.denominator(), rule.reduction(), rule.window()), ratio.by()));
      }
      if (aggregation instanceof Aggregation.Quantile q) {
        return Groups.quantile(values, q.by(), q.quantile());
      }
      return aggregation.groups() ? Groups.sum(values, aggregation.by()) : values;
    }

    /** Whether the sum of the guard's series passes; not without any value to sum. */
    private boolean guardHolds(Guard guard) {
      double sum = 0;
      boolean any = false;
      for (OptionalDouble v :
          valuesOf(guard.selector(), guard.reduction(), guard.window()).values()) {
        if (v.isPresent()) {
          sum += v.getAsDouble();
          any = true;
        }
      }
      return any && guard.test(sum);
    }

    /** Each selected series' value: the current one, or its reduction over the window. */
    private Map<Map<String, String>, OptionalDouble> valuesOf(
        Selector selector, Reduction reduction, Duration window) {
      Map<Map<String, String>, OptionalDouble> out = new LinkedHashMap<>();
      if (reduction == Reduction.LAST) {
        for (Series s : selection.current(selector)) {
          out.put(s.labels(), OptionalDouble.of(s.value()));
        }
        return out;
      }
      Instant from = at.minus(window);
      for (Series.Key key : selection.windowed(selector, from, at)) {
        SeriesWindows.Window w = obs.windows().window(key, from, at);
        out.put(key.labels(), Reductions.of(reduction, w, at.toEpochMilli(), window));
      }
      return out;
    }

    /** The series' labels, the rule's (templated), {@code alertname} and {@code severity}. */
    private Map<String, String> instanceLabels(Map<String, String> series) {
      Map<String, String> labels = new TreeMap<>(series);
      // the rule's labels may name the series' labels, not the value: an instance keeps its
      // identity
      rule.labels().forEach((k, t) -> labels.put(k, t.render(series, Double.NaN)));
      labels.put("alertname", rule.name());
      labels.put("severity", rule.severity().label());
      return labels;
    }

    /** As {@code absent()} labels its result: with the selector's equality matchers. */
    private Map<String, String> absentLabels() {
      Map<String, String> labels = new TreeMap<>();
      for (LabelMatcher m : rule.selector().matchers()) {
        if (m.op() == LabelMatcher.Op.EQ) {
          labels.put(m.label(), m.value());
        }
      }
      return labels;
    }

    private Map<String, String> ruleOnlyLabels() {
      return instanceLabels(absentLabels());
    }

    /** A series' value and whether the condition holds for it. */
    private record Reading(Map<String, String> seriesLabels, OptionalDouble value, boolean holds) {}
  }
}

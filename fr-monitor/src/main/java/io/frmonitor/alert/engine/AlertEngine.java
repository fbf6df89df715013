package io.frmonitor.alert.engine;

import io.frmonitor.alert.eval.AlertInstance;
import io.frmonitor.alert.eval.AlertState;
import io.frmonitor.alert.eval.Evaluator;
import io.frmonitor.alert.eval.Evaluator.Evaluation;
import io.frmonitor.alert.eval.Observation;
import io.frmonitor.alert.eval.RuleHealth;
import io.frmonitor.alert.eval.SeriesWindows;
import io.frmonitor.alert.eval.Transition;
import io.frmonitor.alert.notify.AlertBatch;
import io.frmonitor.alert.notify.Notifier;
import io.frmonitor.alert.rule.RuleSet;
import io.frmonitor.family.Catalog;
import io.frmonitor.model.AlertsSnapshot;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Family;
import io.frmonitor.registry.Latest;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.registry.RegistryListener;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the alert rules after every collection of the families they read (never on a timer of its
 * own): reads the registry, evaluates ({@link Evaluator}), records each state change in the history
 * and the event log, hands the outcome to the notifiers and publishes the {@code alerts} family.
 * Requests that arrive while an evaluation is queued are folded into it.
 *
 * <p>Thread safety: {@link #onSnapshot} and {@link #onStatus} are called on collectors' threads and
 * only queue work; evaluations run one at a time on the given executor (a single thread), which
 * alone touches the state.
 */
public final class AlertEngine implements RegistryListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Series the windowed rules keep at most (each a few hundred bytes). */
  static final int MAX_WINDOW_SERIES = 20_000;

  private final RuleSet rules;
  private final MetricRegistry registry;
  private final Observer observer;
  private final SeriesWindows windows;
  private final Silences silences;
  private final AlertHistory history;
  private final List<Notifier> notifiers;
  private final Executor executor;
  private final Set<String> triggers;
  private final AtomicBoolean queued = new AtomicBoolean();
  private final Map<String, RuleHealth.Status> reported = new HashMap<>();
  // written by the engine's thread, read by the state keeper's
  private volatile AlertState state = AlertState.EMPTY;
  private long evaluations;
  private boolean refusalReported;

  /**
   * @param executor runs the evaluations; must run one task at a time
   */
  public AlertEngine(
      RuleSet rules,
      Catalog catalog,
      MetricRegistry registry,
      List<Notifier> notifiers,
      Silences silences,
      AlertHistory history,
      Executor executor) {
    this.rules = rules;
    this.registry = registry;
    this.observer = new Observer(rules.metrics(), catalog, registry);
    this.windows = new SeriesWindows(rules.windowsByMetric(), MAX_WINDOW_SERIES);
    this.silences = silences;
    this.history = history;
    this.notifiers = List.copyOf(notifiers);
    this.executor = executor;
    this.triggers = observer.triggers();
  }

  @Override
  public void onSnapshot(Family<?> family, Latest<?> latest) {
    if (triggers.contains(family.name())) {
      request();
    }
  }

  @Override
  public void onStatus(CollectorStatus status) {
    // a collector's health is a metric of the whole registry, and a collector that fails or hangs
    // publishes nothing: its rules must still see the family turn stale, by age too
    request();
  }

  /** Queues an evaluation unless one is queued already. */
  public void request() {
    if (queued.compareAndSet(false, true)) {
      executor.execute(this::evaluateQueued);
    }
  }

  private void evaluateQueued() {
    queued.set(false);
    try {
      evaluate();
    } catch (RuntimeException e) {
      LOG.error("evaluating the alert rules failed", e);
    }
  }

  /** Evaluates now, on the caller's thread: the executor's, or a test's. */
  void evaluate() {
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    Instant at = registry.clock().instant();
    Observation observation = observer.observe(at, windows);
    Evaluation evaluation = Evaluator.evaluate(rules, observation, state);
    state = evaluation.state();
    evaluations++;
    // each label set asked of the silences once per evaluation, whoever asks
    Map<Map<String, String>, Boolean> verdicts = new HashMap<>();
    Predicate<Map<String, String>> silenced =
        labels -> verdicts.computeIfAbsent(labels, l -> silences.silenced(l, at));
    List<Transition> told = record(evaluation.transitions(), silenced);
    offer(new AlertBatch(at, notified(silenced), told));
    reportHealth();
    reportRefusedSeries();
    Duration cpu = Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - cpuStart);
    registry.publish(
        AlertsSnapshot.FAMILY,
        Snapshots.of(
            rules,
            state,
            i -> silenced.test(i.labels()),
            notifiers,
            silences.active(at),
            at,
            evaluations,
            cpu));
  }

  /** Logs each change in the history and the event log; returns those not silenced. */
  private List<Transition> record(
      List<Transition> transitions, Predicate<Map<String, String>> silenced) {
    List<Transition> told = new java.util.ArrayList<>();
    for (Transition t : transitions) {
      boolean quiet = silenced.test(t.instance().labels());
      AlertHistory.Entry e = history.append(t, quiet);
      registry.appendEvent(AlertEvents.of(e));
      if (!quiet) {
        told.add(t);
      }
      if (t.to().equals("firing") || t.to().equals("resolved")) {
        LOG.info("alert {} {} → {}", t.instance().rule(), t.instance().labels(), t.to());
      }
    }
    return told;
  }

  /** What receivers should know of: firing and recently resolved instances, not silenced. */
  private List<AlertInstance> notified(Predicate<Map<String, String>> silenced) {
    return state.all().stream()
        .filter(i -> i.phase() != AlertInstance.Phase.PENDING)
        .filter(i -> !silenced.test(i.labels()))
        .toList();
  }

  private void offer(AlertBatch batch) {
    for (Notifier n : notifiers) {
      try {
        n.offer(batch);
      } catch (RuntimeException e) {
        LOG.warn("notifier {} refused a batch", n.status().name(), e);
      }
    }
  }

  /** Logs when the windows start refusing series: windowed rules then miss some of their data. */
  private void reportRefusedSeries() {
    if (windows.refused() > 0 && !refusalReported) {
      refusalReported = true;
      LOG.warn(
          "alert rules' windows hold {} series, their limit: windowed rules miss the others",
          MAX_WINDOW_SERIES);
    }
  }

  /** Logs once each rule that turns inactive (not observable here) or back. */
  private void reportHealth() {
    state
        .health()
        .forEach(
            (rule, h) -> {
              RuleHealth.Status before = reported.put(rule, h.status());
              boolean inactive = h.status() == RuleHealth.Status.INACTIVE;
              if (inactive && before != RuleHealth.Status.INACTIVE) {
                LOG.info("alert rule {} is inactive: {}", rule, h.reason().orElse(""));
              } else if (!inactive && before == RuleHealth.Status.INACTIVE) {
                LOG.info("alert rule {} is active again", rule);
              }
            });
  }

  public RuleSet rules() {
    return rules;
  }

  /** Every alert instance of the latest evaluation (or of the restored state before one). */
  public List<AlertInstance> instances() {
    return state.all();
  }

  /**
   * Puts back the instances of an earlier run, before the first evaluation: a pending {@code for}
   * goes on from where it was, a firing alert keeps firing (its start kept). Instances of rules no
   * longer in force are left out. Ignored once an evaluation has run.
   */
  public void restore(List<AlertInstance> earlier) {
    Set<String> names = new HashSet<>();
    rules.rules().forEach(r -> names.add(r.name()));
    Map<String, Map<Map<String, String>, AlertInstance>> byRule = new LinkedHashMap<>();
    for (AlertInstance i : earlier) {
      if (names.contains(i.rule())) {
        byRule.computeIfAbsent(i.rule(), r -> new LinkedHashMap<>()).put(i.labels(), i);
      }
    }
    executor.execute(
        () -> {
          if (evaluations == 0) {
            state = new AlertState(byRule, Map.of());
          }
        });
  }

  public Silences silences() {
    return silences;
  }

  public AlertHistory history() {
    return history;
  }

  /** Stops the notifiers; the executor is its owner's to stop. */
  @Override
  public void close() {
    notifiers.forEach(Notifier::close);
  }
}

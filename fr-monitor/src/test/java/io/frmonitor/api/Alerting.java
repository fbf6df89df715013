package io.frmonitor.api;

import io.frmonitor.alert.engine.AlertEngine;
import io.frmonitor.alert.engine.AlertHistory;
import io.frmonitor.alert.engine.Silences;
import io.frmonitor.alert.rule.RuleSet;
import io.frmonitor.app.Families;
import io.frmonitor.registry.MetricRegistry;
import java.util.List;

/** Alert engines for the API's tests: evaluating on the publishing thread, no notifier. */
final class Alerting {
  private Alerting() {}

  /** The shipped rules over {@code registry}, listening to it. */
  static AlertEngine engine(MetricRegistry registry) {
    return engine(registry, io.frmonitor.alert.Rules.loader().defaults());
  }

  static AlertEngine engine(MetricRegistry registry, RuleSet rules) {
    AlertEngine engine =
        new AlertEngine(
            rules,
            Families.CATALOG,
            registry,
            List.of(),
            new Silences(),
            new AlertHistory(100),
            Runnable::run);
    registry.addListener(engine);
    return engine;
  }
}

package io.frmonitor.alert.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.alert.Rules;
import io.frmonitor.testing.Promtool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export is a rules file Prometheus loads: {@code promtool check rules} says so. */
class PrometheusRulesIT {
  @TempDir Path dir;

  private Promtool.Result check(RuleSet rules) throws Exception {
    Path file = dir.resolve("fr-monitor.rules.yml");
    Files.writeString(file, PrometheusRules.yaml(rules), StandardCharsets.UTF_8);
    return Promtool.run(dir, "check", "rules", file.toString());
  }

  @Test
  void promtoolAcceptsTheShippedRulesExport() throws Exception {
    RuleSet shipped = Rules.loader().defaults();
    Promtool.Result r = check(shipped);
    assertThat(r.exitCode()).as("promtool says:\n%s", r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS: " + shipped.rules().size() + " rules found");
  }

  @Test
  void promtoolAcceptsEveryFeatureARuleCanUse() throws Exception {
    RuleSet rules =
        Rules.of(
            """
            rules:
              - alert: NoActionsQueue
                metric: 'fr_queue_consumers{queue="actions", owner!~"fr-mon.*"}'
                reduce: absent
                window: 5m
                keep_firing_for: 1m
                no_data: alerting
                labels: {team: "gateway", queue_name: "{{ $labels.queue }}"}
                annotations:
                  summary: "it's \\"{{ $labels.queue }}\\"\\nsecond line\\ttab \\\\ backslash"
              - alert: TooFewConsumers
                metric: 'fr_queue_consumers{queue=~"PipeLine_[0-9]+_(face|phone)_data"}'
                reduce: min
                window: 90s
                op: "<="
                threshold: 1
                clear: 2.5
                for: 30s
                severity: info
                labels: {team: gpu}
                annotations:
                  summary: "{{ $value | humanize }} {{ humanizeDuration $value }}"
              - alert: RedeliveryRate
                metric: fr_queue_redelivered_total
                reduce: rate
                window: 2m
                op: ">="
                threshold: 0.000001
            """);
    Promtool.Result r = check(rules);
    assertThat(r.exitCode()).as("promtool says:\n%s", r.output()).isZero();
    assertThat(r.output()).contains("SUCCESS: 3 rules found");
  }
}

package io.frmonitor.alert.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frmonitor.alert.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesLoaderTest {
  @TempDir Path dir;

  private RuleSet load(String yaml) throws IOException {
    Path file = dir.resolve("rules.yml");
    Files.writeString(file, yaml);
    return Rules.loader().load(Optional.of(file));
  }

  private void refused(String yaml, String message) {
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(RuleException.class)
        .hasMessage(dir.resolve("rules.yml") + ": " + message);
  }

  @Test
  void readsEveryField() throws IOException {
    RuleSet set =
        load(
            """
            rules:
              - alert: BacklogGrowing
                metric: 'fr_queue_messages{state="unacked", owner="fr-server"}'
                reduce: delta
                window: 5m
                op: ">"
                threshold: 0
                clear: -10
                for: 5m
                keep_firing_for: 1m
                severity: critical
                no_data: ok
                labels: {team: gpu, queue_name: "{{ $labels.queue }}"}
                annotations:
                  summary: "{{ $labels.queue }} grows"
            """);
    AlertRule r =
        set.rules().stream()
            .filter(x -> x.name().equals("BacklogGrowing"))
            .findFirst()
            .orElseThrow();
    assertThat(r.reduction()).isEqualTo(Reduction.DELTA);
    assertThat(r.window()).isEqualTo(Duration.ofMinutes(5));
    assertThat(r.comparison()).isEqualTo(Comparison.GT);
    assertThat(r.clear()).hasValue(-10);
    assertThat(r.forDuration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(r.keepFiringFor()).isEqualTo(Duration.ofMinutes(1));
    assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(r.noData()).isEqualTo(NoData.OK);
    assertThat(r.source()).isEqualTo(dir.resolve("rules.yml").toString());
    String delta = "delta(fr_queue_messages{state=\"unacked\", owner=\"fr-server\"}[5m])";
    assertThat(r.expression())
        .as("hysteresis: firing alerts of the rule stay while not back past the clear threshold")
        .isEqualTo(
            delta
                + " > 0 or ("
                + delta
                + " >= -10 and ignoring(alertname, alertstate, severity, team, queue_name)"
                + " ALERTS{alertname=\"BacklogGrowing\", alertstate=\"firing\"})");
  }

  @Test
  void eachProblemNamesTheFileTheRuleAndTheField() {
    refused("rules: {}", "expected 'rules:' followed by a list of rules");
    refused("rules: [1]", "rule #1: expected a mapping of fields");
    refused(
        "rules:\n  - alert: 'bad name'",
        "rule #1: field 'alert': expected a name of letters, digits and _ (got 'bad name')");
    refused(
        "rules:\n  - {alert: A, metric: fr_nope, op: '>', threshold: 1}",
        "rule 'A': field 'metric': no metric named fr_nope (docs/metrics.md)");
    refused(
        "rules:\n  - {alert: A, metric: 'fr_queue_consumers{queu=\"x\"}', op: '>', threshold: 1}",
        "rule 'A': field 'metric': 'queu' is not a label of fr_queue_consumers [queue, owner]");
    refused(
        "rules:\n  - {alert: A, metric: fr_queue_consumers, op: '=>', threshold: 1}",
        "rule 'A': field 'op': expected one of > >= < <= == !=");
    refused(
        "rules:\n  - {alert: A, metric: fr_queue_consumers, op: '>', threshold: high}",
        "rule 'A': field 'threshold': expected a number (got \"high\")");
    refused(
        "rules:\n  - {alert: A, metric: fr_queue_consumers, op: '>', threshold: 1, for: soon}",
        "rule 'A': field 'for': expected a duration such as 30s, 5m, 1h (got \"soon\")");
    refused(
        "rules:\n  - {alert: A, metric: fr_queue_consumers, reduce: avg, op: '>', threshold: 1}",
        "rule 'A': field 'window': 'reduce: avg' needs a window such as 5m");
    refused(
        "rules:\n  - {alert: A, metric: fr_queue_consumers, reduce: rate, window: 1m, op: '>', threshold: 1}",
        "rule 'A': field 'reduce': rate reads a counter; fr_queue_consumers is a gauge");
    refused(
        "rules:\n  - {alert: A, metric: fr_queue_consumers, op: '>', threshold: 0.9, clear: 0.95}",
        "rule 'A': field 'clear': must lie on the resolved side of the threshold (> 0.9)");
    refused(
        "rules:\n  - {alert: A, metric: fr_queue_consumers, op: '>', threshold: 1, severity: page}",
        "rule 'A': field 'severity': expected one of [info, warning, critical] (got \"page\")");
    refused(
        "rules:\n  - {alert: A, metric: fr_queue_consumers, op: '>', threshold: 1, treshold: 2}",
        "rule 'A': unknown field 'treshold'; known: "
            + "[alert, enabled, metric, reduce, window, op, threshold, clear, by, divide_by,"
            + " quantile, and, for, keep_firing_for, severity, no_data, labels, annotations]");
    refused(
        "rules:\n  - {alert: A, metric: fr_queue_consumers, op: '>', threshold: 1, annotations: {s: '{{ $x }}'}}",
        "rule 'A': field 'annotations.s': cannot read {{ $x }}: expected $labels.<name> or $value,"
            + " optionally through [humanize, humanize1024, humanizePercentage, humanizeDuration]");
    refused(
        "rules:\n  - {alert: A, metric: fr_queue_consumers, op: '>', threshold: 1}\n"
            + "  - {alert: A, metric: fr_queue_consumers, op: '>', threshold: 2}",
        "rule 'A' is defined twice");
    refused(
        "rules:\n  - {alert: HostDiskFul, enabled: false}",
        "rule 'HostDiskFul': field 'enabled': no shipped rule is named so (fr-monitor check-rules"
            + " lists them)");
    assertThatThrownBy(() -> load("rules: [: x"))
        .hasMessageStartingWith(dir.resolve("rules.yml") + ": not valid YAML: ");
  }

  @Test
  void aFileChangesOrSwitchesOffAShippedRuleByName() throws IOException {
    RuleSet shipped = Rules.loader().defaults();
    assertThat(shipped.rules()).isNotEmpty();
    AlertRule first = shipped.rules().get(0);
    AlertRule second = shipped.rules().get(1);
    RuleSet set =
        load(
            "rules:\n  - alert: "
                + first.name()
                + "\n    severity: info\n    for: 7m\n  - alert: "
                + second.name()
                + "\n    enabled: false\n");
    AlertRule changed =
        set.rules().stream().filter(r -> r.name().equals(first.name())).findFirst().orElseThrow();
    assertThat(changed.severity()).isEqualTo(Severity.INFO);
    assertThat(changed.forDuration()).isEqualTo(Duration.ofMinutes(7));
    assertThat(changed.selector()).as("the rest as shipped").isEqualTo(first.selector());
    assertThat(set.rules()).extracting(AlertRule::name).doesNotContain(second.name());
    assertThat(set.disabled()).containsExactly(second.name());
  }

  @Test
  void aggregationsAndGuardsAreCheckedToo() {
    String rule = "rules:\n  - {alert: A, op: '>', threshold: 1, ";
    refused(
        rule + "metric: fr_pipeline_latency_seconds}",
        "rule 'A': field 'metric': fr_pipeline_latency_seconds is a histogram: a rule reads its"
            + " buckets, fr_pipeline_latency_seconds_bucket, by a quantile");
    refused(
        rule + "metric: fr_pipeline_latency_seconds_bucket, reduce: rate, window: 5m}",
        "rule 'A': field 'quantile': missing: fr_pipeline_latency_seconds_bucket is read by a"
            + " quantile such as 'quantile: 0.95'");
    refused(
        rule + "metric: fr_queue_published_total, reduce: rate, window: 5m, quantile: 0.9}",
        "rule 'A': field 'metric': a quantile reads a histogram's buckets, such as"
            + " fr_pipeline_latency_seconds_bucket");
    refused(
        rule + "metric: fr_pipeline_latency_seconds_bucket, quantile: 0.9}",
        "rule 'A': field 'reduce': a quantile reads the buckets' rate or increase over a window");
    refused(
        rule
            + "metric: fr_pipeline_latency_seconds_bucket, reduce: rate, window: 5m, quantile: 95}",
        "rule 'A': field 'quantile': expected a number from 0 to 1 (got 95)");
    refused(
        rule
            + "metric: fr_pipeline_results_total, reduce: rate, window: 5m, divide_by: fr_frames_total}",
        "rule 'A': field 'by': missing: a ratio sums both sides by labels ('by: [pipeline]';"
            + " 'by: []' for all)");
    refused(
        rule + "metric: fr_pipeline_results_total, reduce: rate, window: 5m, by: [pipelin]}",
        "rule 'A': field 'by': 'pipelin' is not a label of fr_pipeline_results_total [pipeline,"
            + " outcome]");
    refused(
        rule
            + "metric: fr_pipeline_results_total, reduce: rate, window: 5m, by: [], divide_by: fr_nope}",
        "rule 'A': field 'divide_by': no metric named fr_nope (docs/metrics.md)");
    refused(
        rule + "metric: fr_frames_total, and: {metric: fr_frames_total, op: '>', treshold: 0}}",
        "rule 'A': field 'and.treshold': unknown field; known: [metric, reduce, window, op,"
            + " threshold]");
    refused(
        rule + "metric: fr_frames_total, and: {op: '>', threshold: 0}}",
        "rule 'A': field 'and.metric': missing");
    refused(
        rule
            + "metric: fr_frames_total, and: {metric: fr_frames_total, reduce: absent, window: 1m}}",
        "rule 'A': field 'and.reduce': a guard compares a value; absent has none");
  }

  @Test
  void theShippedAggregatedRulesReadEverySeriesTheirPromqlReads() {
    RuleSet set = Rules.loader().defaults();
    AlertRule ratio =
        set.rules().stream()
            .filter(r -> r.name().equals("PipelineErrorRatioHigh"))
            .findFirst()
            .orElseThrow();
    assertThat(ratio.aggregation())
        .isEqualTo(
            new Aggregation.Ratio(
                java.util.List.of("pipeline"), Selector.parse("fr_pipeline_results_total")));
    AlertRule stalled =
        set.rules().stream()
            .filter(r -> r.name().equals("ResultsStalled"))
            .findFirst()
            .orElseThrow();
    assertThat(stalled.reads()).containsOnlyKeys("fr_queue_published_total");
    assertThat(stalled.reads().get("fr_queue_published_total")).isEqualTo(Duration.ofMinutes(3));
    assertThat(stalled.selectors()).hasSize(2);
    assertThat(set.windowsByMetric())
        .containsEntry("fr_pipeline_latency_seconds_bucket", Duration.ofMinutes(5));
  }
}

package io.frmonitor.alert.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.alert.Rules;
import io.frmonitor.alert.eval.AlertInstance;
import io.frmonitor.alert.rule.AlertRule;
import io.frmonitor.alert.rule.PrometheusRules;
import io.frmonitor.alert.rule.RuleSet;
import io.frmonitor.testing.Promtool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Prometheus, given the exported shipped rules, fires the same alerts at the same times as
 * fr-monitor's evaluator, with the same labels and annotations: each rule's scenario is replayed
 * through the evaluator, its firing alerts at every evaluation become the expectations of a {@code
 * promtool test rules} file over the same input series, and promtool must pass it. The files stay
 * in {@code target/prometheus-conformance/} to be rerun by hand ({@code promtool test rules
 * conformance-tests.yml} there).
 */
class PrometheusConformanceIT {
  private static final Path DIR = Path.of("target", "prometheus-conformance");
  private static final RuleSet SHIPPED = Rules.loader().defaults();

  @Test
  void everyShippedRuleHasAScenario() {
    assertThat(DefaultRuleScenarios.all())
        .extracting(Scenario::rule)
        .containsExactlyInAnyOrderElementsOf(
            SHIPPED.rules().stream().map(AlertRule::name).toList());
  }

  @Test
  void promtoolSeesTheShippedRulesFireWhenAndAsTheEvaluatorDoes() throws Exception {
    Files.createDirectories(DIR);
    Path rulesFile = DIR.resolve("fr-monitor.rules.yml");
    Files.writeString(rulesFile, PrometheusRules.yaml(SHIPPED), StandardCharsets.UTF_8);
    List<PromtoolTestFile.Group> groups = new ArrayList<>();
    for (Scenario s : DefaultRuleScenarios.all()) {
      List<List<AlertInstance>> firing = EngineReplay.firing(SHIPPED, s);
      tellsTheWholeStory(s, firing);
      groups.add(new PromtoolTestFile.Group(s, checks(s, firing)));
    }
    Path tests = DIR.resolve("conformance-tests.yml");
    String yaml =
        PromtoolTestFile.yaml(
            rulesFile.getFileName().toString(), DefaultRuleScenarios.STEP, groups);
    Files.writeString(tests, yaml, StandardCharsets.UTF_8);

    Promtool.Result r = Promtool.run(DIR, "test", "rules", tests.getFileName().toString());
    String output = r.output();
    assertThat(r.exitCode())
        .as(
            "promtool test rules %s says:%n%s",
            tests.toAbsolutePath(),
            output.length() > 20_000 ? output.substring(0, 20_000) + "\n[…]" : output)
        .isZero();
  }

  /**
   * The alerts of every rule reading the scenario's metrics, at every evaluation: what each has
   * firing then.
   */
  private static List<PromtoolTestFile.Check> checks(Scenario s, List<List<AlertInstance>> firing) {
    Set<String> metrics =
        s.tracks().stream().map(Scenario.Track::metric).collect(Collectors.toSet());
    List<String> rules =
        SHIPPED.rules().stream()
            .filter(r -> metrics.contains(r.selector().metric()))
            .map(AlertRule::name)
            .toList();
    List<PromtoolTestFile.Check> checks = new ArrayList<>();
    for (int step = 0; step < firing.size(); step++) {
      for (String rule : rules) {
        List<AlertInstance> of =
            firing.get(step).stream().filter(a -> a.rule().equals(rule)).toList();
        checks.add(new PromtoolTestFile.Check(s.step().multipliedBy(step), rule, of));
      }
    }
    return checks;
  }

  /**
   * A scenario that never fires, or does not resolve, or (with a clear threshold) never keeps an
   * alert firing between the two thresholds, would prove little.
   */
  private static void tellsTheWholeStory(Scenario s, List<List<AlertInstance>> firing) {
    AlertRule rule =
        SHIPPED.rules().stream().filter(r -> r.name().equals(s.rule())).findFirst().orElseThrow();
    List<AlertInstance> all =
        firing.stream().flatMap(List::stream).filter(a -> a.rule().equals(s.rule())).toList();
    assertThat(all).as(s.rule() + " fires").isNotEmpty();
    assertThat(firing.get(firing.size() - 1))
        .as(s.rule() + " has resolved by the end")
        .noneMatch(a -> a.rule().equals(s.rule()));
    if (rule.clear().isPresent()) {
      assertThat(all)
          .as(s.rule() + " keeps firing between its threshold and its clear threshold")
          .anyMatch(a -> !rule.comparison().test(a.value().getAsDouble(), rule.threshold()));
    }
  }
}

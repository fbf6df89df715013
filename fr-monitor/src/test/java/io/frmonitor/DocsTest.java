package io.frmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.alert.rule.AlertRule;
import io.frmonitor.alert.rule.RulesLoader;
import io.frmonitor.app.Families;
import io.frmonitor.config.Variable;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.metric.MetricDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the documentation in step with the code it describes. */
class DocsTest {
  private static final Path ROOT = Path.of("..");

  private static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file));
  }

  @Test
  void configurationDocumentsEveryVariableWithItsDefault() throws IOException {
    String doc = read("docs/configuration.md");
    for (Variable v : Variable.values()) {
      assertThat(doc).contains("| `" + v.name() + "` |");
      if (!v.defaultValue().isEmpty()) {
        assertThat(doc).contains("| `" + v.name() + "` | `" + v.defaultValue() + "` |");
      }
    }
  }

  @Test
  void metricsDocumentsEveryRegisteredMetricWithItsTypeAndLabels() throws IOException {
    Map<String, List<String>> rows = metricRows(read("docs/metrics.md"));
    List<MetricDef> metrics = Families.CATALOG.metrics();
    for (MetricDef m : metrics) {
      List<String> row = rows.get(m.exposedName());
      assertThat(row).as(m.exposedName() + " in docs/metrics.md").isNotNull();
      assertThat(row.get(1)).as(m.exposedName() + "'s type").startsWith(m.type().label());
      for (String label : m.labelNames()) {
        assertThat(row.get(2)).as(m.exposedName() + "'s labels").contains("`" + label + "`");
      }
    }
    assertThat(rows.keySet())
        .as("metrics documented but not defined")
        .containsExactlyInAnyOrderElementsOf(metrics.stream().map(MetricDef::exposedName).toList());
  }

  /** The rows of the metric tables: the metric's name, then its other cells, trimmed. */
  private static Map<String, List<String>> metricRows(String doc) {
    Map<String, List<String>> rows = new TreeMap<>();
    Matcher m = Pattern.compile("(?m)^\\| `(fr_[a-z0-9_]+)` \\|(.*)$").matcher(doc);
    while (m.find()) {
      List<String> cells = new ArrayList<>();
      cells.add(m.group(1));
      for (String cell : m.group(2).split("(?<!\\\\)\\|", -1)) {
        cells.add(cell.trim());
      }
      rows.put(m.group(1), cells);
    }
    return rows;
  }

  @Test
  void theApiDocumentsEveryFamilyEndpoint() throws IOException {
    String api = read("docs/api.md");
    for (FamilySpec<?> spec : Families.CATALOG.specs()) {
      if (spec.rest().isPresent()) {
        assertThat(api).as(spec.path() + " in docs/api.md").contains("`GET " + spec.path());
      }
    }
  }

  @Test
  void readmeStartsWithTheRunAndTestCommands() throws IOException {
    String readme = read("README.md");
    String head = readme.substring(0, readme.indexOf("```", readme.indexOf("```") + 3));
    assertThat(head).contains("bin/fr-monitor").contains("scripts/test");
    assertThat(read(".ci/run")).contains("scripts/test");
  }

  @Test
  void everyShippedRuleHasItsRunbookInTheAlertsDocWhereItsLinkPoints() throws IOException {
    String doc = read("docs/alerts.md");
    for (AlertRule rule : new RulesLoader(Families.CATALOG.metrics()).defaults().rules()) {
      String anchor = rule.name().toLowerCase(java.util.Locale.ROOT);
      assertThat(doc).as(rule.name() + "'s runbook").contains("\n### " + rule.name() + "\n");
      assertThat(rule.annotations().get("runbook_url").text())
          .isEqualTo("docs/alerts.md#" + anchor);
    }
  }
}

package io.frmonitor.alert.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.alert.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped rules' Prometheus export is committed, for those who deploy it without running
 * fr-monitor; it must be what the code generates now. To regenerate it after changing the rules or
 * the export, run this test with {@code -Dfrmonitor.regenerate=true}.
 */
class ExportedDefaultRulesTest {
  private static final String NAME = "deploy/prometheus/fr-monitor.rules.yml";

  /** Relative to the module, where Maven runs the tests. */
  private static final Path FILE = Path.of("..").resolve(NAME);

  private static final String REGENERATE =
      "./mvnw -pl fr-monitor -am test -Dtest=ExportedDefaultRulesTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dfrmonitor.regenerate=true";

  @Test
  void theCommittedFileIsWhatTheShippedRulesExportToNow() throws IOException {
    String generated = PrometheusRules.yaml(Rules.loader().defaults());
    if (Boolean.getBoolean("frmonitor.regenerate")) {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, generated, StandardCharsets.UTF_8);
    }
    assertThat(FILE).as(NAME + " is missing; generate it with " + REGENERATE).exists();
    assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
        .as(NAME + " is out of date; regenerate it with " + REGENERATE)
        .isEqualTo(generated);
  }
}

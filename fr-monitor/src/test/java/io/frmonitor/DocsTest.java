package io.frmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.config.Variable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void metricsDocumentsEveryPrometheusNameTheExporterUses() throws IOException {
    String doc = read("docs/metrics.md");
    String source =
        read("fr-monitor/src/main/java/io/frmonitor/export/RegistryCollector.java")
            + read("fr-monitor/src/main/java/io/frmonitor/export/StorageMetrics.java");
    Matcher m = Pattern.compile("\"(fr_[a-z0-9_]+)\"").matcher(source);
    int names = 0;
    while (m.find()) {
      String name = m.group(1);
      boolean counter = source.contains("counter(\n          \"" + name) || isCounter(source, name);
      assertThat(doc).contains("`" + name + (counter ? "_total" : "") + "`");
      names++;
    }
    assertThat(names).isGreaterThan(30);
  }

  private static boolean isCounter(String source, String name) {
    return Pattern.compile("counter\\(\\s*\"" + name + "\"").matcher(source).find();
  }

  @Test
  void readmeStartsWithTheRunAndTestCommands() throws IOException {
    String readme = read("README.md");
    String head = readme.substring(0, readme.indexOf("```", readme.indexOf("```") + 3));
    assertThat(head).contains("bin/fr-monitor").contains("scripts/test");
    assertThat(read(".ci/run")).contains("scripts/test");
  }
}

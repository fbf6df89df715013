package io.frmonitor.alert;

import io.frmonitor.alert.rule.RuleSet;
import io.frmonitor.alert.rule.RulesLoader;
import io.frmonitor.app.Families;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Rules for tests, from YAML text, checked against the service's metrics like any rules file. */
public final class Rules {
  private Rules() {}

  public static RulesLoader loader() {
    return new RulesLoader(Families.CATALOG.metrics());
  }

  /** The rules of {@code yaml} alone: written to a file, loaded over no shipped rules. */
  public static RuleSet of(String yaml) {
    try {
      Path file = Files.createTempFile("rules", ".yml");
      Files.writeString(file, yaml);
      try {
        RuleSet all = loader().load(Optional.of(file));
        return new RuleSet(
            all.rules().stream().filter(r -> !r.source().equals("default")).toList(),
            all.disabled());
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

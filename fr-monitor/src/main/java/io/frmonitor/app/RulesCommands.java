package io.frmonitor.app;

import io.frmonitor.alert.rule.AlertRule;
import io.frmonitor.alert.rule.PrometheusRules;
import io.frmonitor.alert.rule.RuleException;
import io.frmonitor.alert.rule.RuleSet;
import io.frmonitor.alert.rule.RulesLoader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code fr-monitor check-rules FILE} validates a rules file as the service would load it; {@code
 * fr-monitor export-rules} prints the rules in force for Prometheus.
 */
final class RulesCommands {
  private RulesCommands() {}

  /** Prints the rules in force with that file; 0 when valid, 2 (naming what is wrong) when not. */
  static int check(@Nullable String file, PrintStream out, PrintStream err) {
    if (file == null) {
      err.println("fr-monitor: check-rules needs the rules file: fr-monitor check-rules FILE");
      return Cli.EXIT_USAGE;
    }
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      err.println("fr-monitor: " + file + ": no such file");
      return Cli.EXIT_USAGE;
    }
    RuleSet rules;
    try {
      rules = loader().load(Optional.of(path));
    } catch (RuleException e) {
      err.println("fr-monitor: invalid alert rules: " + e.getMessage());
      return Cli.EXIT_USAGE;
    }
    long own = rules.rules().stream().filter(r -> !r.source().equals("default")).count();
    out.printf(
        "%s is valid: %d rules in force (%d from the file, %d shipped), %d shipped disabled%n",
        file, rules.rules().size(), own, rules.rules().size() - own, rules.disabled().size());
    for (AlertRule r : rules.rules()) {
      out.printf(
          "  %-32s %-8s %s%s%n",
          r.name(),
          r.severity().label(),
          r.expression(),
          r.forDuration().isZero()
              ? ""
              : " for " + io.frmonitor.config.Durations.format(r.forDuration()));
    }
    return 0;
  }

  /** Prints the rules in force as a Prometheus rules file; 2 when they are invalid. */
  static int export(Optional<Path> file, PrintStream out, PrintStream err) {
    try {
      out.print(PrometheusRules.yaml(loader().load(file)));
      return 0;
    } catch (RuleException e) {
      err.println("fr-monitor: invalid alert rules: " + e.getMessage());
      return Cli.EXIT_USAGE;
    }
  }

  static RulesLoader loader() {
    return new RulesLoader(Families.CATALOG.metrics());
  }
}

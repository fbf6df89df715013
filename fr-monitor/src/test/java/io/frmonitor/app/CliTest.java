package io.frmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.config.Variable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return new Cli(
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsEveryVariableWithItsDefault() {
    assertThat(run(Map.of(), "--help")).isZero();
    for (Variable v : Variable.values()) {
      assertThat(out()).contains(v.name());
    }
    assertThat(out()).contains("[5s]", "[60m]", "[9470]", "[auto]");
  }

  @Test
  void checkConfigPrintsEffectiveValuesWithSecretsMasked() {
    int code =
        run(
            Map.of(
                "MONITORING_POLL_INTERVAL", "10",
                "MONITORING_RMQ_URL", "amqp://mon:topsecret@rmq:5672/"),
            "check-config");
    assertThat(code).isZero();
    assertThat(out())
        .contains("MONITORING_POLL_INTERVAL=10s")
        .contains("MONITORING_RMQ_URL=amqp://mon:***@rmq:5672/")
        .doesNotContain("topsecret");
  }

  @Test
  void badConfigurationExitsTwoWithOneLineNamingTheVariable() {
    int code = run(Map.of("MONITORING_HTTP_PORT", "99999"), "check-config");
    assertThat(code).isEqualTo(2);
    assertThat(err().strip())
        .isEqualTo(
            "fr-monitor: invalid configuration: MONITORING_HTTP_PORT=\"99999\": expected a port"
                + " number 1-65535");
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(run(Map.of(), "frobnicate")).isEqualTo(2);
    assertThat(err()).contains("unknown command 'frobnicate'");
  }

  @Test
  void statusReportsNoInstanceWhenNothingListens() {
    int code = run(Map.of("MONITORING_HTTP_PORT", "1"), "status");
    assertThat(code).isEqualTo(3);
    assertThat(err()).contains("no instance answers at http://127.0.0.1:1/healthz");
  }

  @Test
  void alertsReportsNoInstanceWithExitThree() {
    int code = run(Map.of("MONITORING_HTTP_PORT", "1"), "alerts");
    assertThat(code).isEqualTo(3);
    assertThat(err()).contains("no instance answers at http://127.0.0.1:1/alerts");
  }

  @Test
  void checkRulesAcceptsAValidFileAndListsTheRulesInForce(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rules.yml");
    Files.writeString(
        file,
        """
        rules:
          - alert: ActionsBacklog
            metric: 'fr_queue_depth{queue="actions"}'
            op: ">"
            threshold: 100
          - alert: HostDiskFull
            enabled: false
        """);
    assertThat(run(Map.of(), "check-rules", file.toString())).isEqualTo(0);
    assertThat(out())
        .contains(file + " is valid")
        .contains("1 from the file")
        .contains("1 shipped disabled")
        .contains("ActionsBacklog")
        .contains("fr_queue_depth{queue=\"actions\"} > 100")
        .doesNotContain("HostDiskFull");
  }

  @Test
  void checkRulesNamesTheFileTheRuleAndTheFieldAndExitsTwo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yml");
    Files.writeString(
        file,
        """
        rules:
          - alert: Typo
            metric: fr_queue_dept
            op: ">"
            threshold: 1
        """);
    assertThat(run(Map.of(), "check-rules", file.toString())).isEqualTo(2);
    assertThat(err()).contains(file.toString()).contains("Typo").contains("metric");
    assertThat(run(Map.of(), "check-rules")).isEqualTo(2);
  }

  @Test
  void serveRefusesABadRulesFileBeforeStartingAnything(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yml");
    Files.writeString(file, "rules:\n  - alert: NoMetric\n    op: \">\"\n    threshold: 1\n");
    int code = run(Map.of("MONITORING_ALERT_RULES", file.toString(), "MONITORING_HTTP_PORT", "1"));
    assertThat(code).isEqualTo(2);
    assertThat(err()).contains("invalid alert rules").contains("NoMetric");
  }

  @Test
  void exportRulesPrintsTheRulesInForceAsThePrometheusRulesFileOfTheDefaults() throws Exception {
    assertThat(run(Map.of(), "export-rules")).isEqualTo(0);
    assertThat(out())
        .isEqualTo(Files.readString(Path.of("../deploy/prometheus/fr-monitor.rules.yml")));
  }
}

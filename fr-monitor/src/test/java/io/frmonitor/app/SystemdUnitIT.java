package io.frmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.config.Variable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/systemd: the install script run into a temporary root, and the unit it installs checked by
 * {@code systemd-analyze verify} (which needs the unit's {@code ExecStart} program to exist, and
 * exits 0 on unknown keys and bad values: any output at all fails the test).
 */
class SystemdUnitIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path UNIT = REPO.resolve("deploy/systemd/fr-monitor.service");

  @TempDir static Path tmp;
  private static Path prefix;
  private static Path etc;
  private static Path units;
  private static Result install;

  /** A program's exit status and everything it printed, stdout and stderr together. */
  private record Result(int exitCode, String output) {}

  @BeforeAll
  static void installIntoATemporaryRoot() throws Exception {
    prefix = tmp.resolve("opt/fr-monitor");
    etc = tmp.resolve("etc/fr-monitor");
    units = tmp.resolve("etc/systemd/system");
    install =
        run(
            REPO.resolve("deploy/systemd/install").toString(),
            "--prefix",
            prefix.toString(),
            "--sysconfdir",
            etc.toString(),
            "--unitdir",
            units.toString(),
            "--jar",
            JarProcess.jar().toAbsolutePath().toString());
  }

  private static Result run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish");
    }
    return new Result(p.exitValue(), output);
  }

  private static Result verify(Path unit) throws IOException, InterruptedException {
    return run("systemd-analyze", "verify", unit.toString());
  }

  @Test
  void installsTheJarTheLauncherTheArchiveTheUnitAndTheConfiguration() throws Exception {
    assertThat(install.exitCode()).as(install.output()).isZero();
    assertThat(install.output()).contains("fr-monitor " + Cli.VERSION);
    assertThat(prefix.resolve("lib/fr-monitor.jar")).isRegularFile();
    assertThat(prefix.resolve("lib/fr-monitor.jsa")).as("the CDS archive").isRegularFile();
    assertThat(Files.isExecutable(prefix.resolve("bin/fr-monitor"))).isTrue();
    assertThat(etc.resolve("fr-monitor.env"))
        .hasSameTextualContentAs(UNIT.resolveSibling("fr-monitor.env"));
    String installed = Files.readString(units.resolve("fr-monitor.service"));
    String shipped = Files.readString(UNIT);
    assertThat(installed)
        .isEqualTo(
            shipped
                .replace("/opt/fr-monitor", prefix.toString())
                .replace("/etc/fr-monitor", etc.toString()));
  }

  @Test
  void theInstalledLauncherRunsTheInstalledJar() throws Exception {
    Result version = run(prefix.resolve("bin/fr-monitor").toString(), "--version");
    assertThat(version).isEqualTo(new Result(0, "fr-monitor " + Cli.VERSION + "\n"));
  }

  @Test
  void systemdAnalyzeVerifiesTheUnitWithoutAWord() throws Exception {
    Result verified = verify(units.resolve("fr-monitor.service"));
    assertThat(verified).isEqualTo(new Result(0, ""));
  }

  @Test
  void verifyWouldSpeakUpOnAMisspeltKeyEvenThoughItExitsZero() throws Exception {
    Path broken = tmp.resolve("broken/fr-monitor.service");
    Files.createDirectories(broken.getParent());
    Files.writeString(
        broken,
        Files.readString(units.resolve("fr-monitor.service"))
            .replace("ProtectSystem=strict", "ProtectSytem=strict"));
    Result verified = verify(broken);
    assertThat(verified.output()).contains("ProtectSytem");
  }

  @Test
  void theUnitKeepsItsStateInItsStateDirectoryAndRunsAsADynamicUser() throws IOException {
    List<String> lines = Files.readAllLines(UNIT);
    assertThat(lines)
        .contains(
            "DynamicUser=yes",
            "StateDirectory=fr-monitor",
            "Environment=MONITORING_STATE_DIR=%S/fr-monitor",
            "EnvironmentFile=-/etc/fr-monitor/fr-monitor.env",
            "ProtectSystem=strict",
            "NoNewPrivileges=yes",
            "MemoryMax=256M",
            "Restart=on-failure");
  }

  @Test
  void theExampleConfigurationNamesOnlyRealVariables() throws IOException {
    Set<String> known =
        Arrays.stream(Variable.values())
            .map(Variable::name)
            .collect(Collectors.toCollection(java.util.HashSet::new));
    known.addAll(Set.of("JAVA_HOME", "FR_MONITOR_JAVA_OPTS"));
    Matcher m =
        Pattern.compile("(?m)^#?([A-Z][A-Z0-9_]+)=")
            .matcher(Files.readString(UNIT.resolveSibling("fr-monitor.env")));
    int named = 0;
    while (m.find()) {
      assertThat(known).as("a variable of fr-monitor.env").contains(m.group(1));
      named++;
    }
    assertThat(named).isGreaterThan(20);
  }
}

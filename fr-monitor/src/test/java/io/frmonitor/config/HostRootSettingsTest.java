package io.frmonitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code MONITORING_HOST_PROC} and {@code MONITORING_HOST_ROOT}. */
class HostRootSettingsTest {
  @TempDir Path dir;

  @Test
  void defaultsAreThisMachinesProcAndRoot() {
    Settings s = SettingsLoader.load(Map.of());
    assertThat(s.hostRoot()).isEqualTo(HostRootSettings.LOCAL);
    assertThat(s.hostRoot().proc()).isEqualTo(Path.of("/proc"));
    assertThat(s.describe().get(Variable.MONITORING_HOST_PROC)).isEqualTo("/proc");
    assertThat(s.describe().get(Variable.MONITORING_HOST_ROOT)).isEqualTo("/");
  }

  @Test
  void aMountedProcAndRootAreAccepted() throws IOException {
    Path proc = Files.createDirectories(dir.resolve("host/proc"));
    Files.writeString(proc.resolve("stat"), "cpu  1 2 3 4 5 6 7 8 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n");
    Path root = dir.resolve("host");

    Settings s =
        SettingsLoader.load(
            Map.of("MONITORING_HOST_PROC", proc.toString(), "MONITORING_HOST_ROOT", root + "/ "));

    assertThat(s.hostRoot()).isEqualTo(new HostRootSettings(proc, root));
    assertThat(s.describe().get(Variable.MONITORING_HOST_PROC)).isEqualTo(proc.toString());
  }

  @Test
  void theRealProcIsAcceptedUnderAnotherSpelling() {
    Settings s = SettingsLoader.load(Map.of("MONITORING_HOST_PROC", "/proc/1/.."));
    assertThat(s.hostRoot().proc()).isEqualTo(Path.of("/proc/1/.."));
  }

  @Test
  void aDirectoryWithoutAProcStatIsRefused() throws IOException {
    Path notProc = Files.createDirectories(dir.resolve("empty"));
    assertRefused("MONITORING_HOST_PROC", notProc.toString());
    Files.writeString(notProc.resolve("stat"), "something else\n");
    assertRefused("MONITORING_HOST_PROC", notProc.toString());
  }

  @Test
  void aMissingPathOrAFileOrARelativePathIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "cpu ");
    for (String variable : new String[] {"MONITORING_HOST_PROC", "MONITORING_HOST_ROOT"}) {
      assertRefused(variable, dir.resolve("missing").toString());
      assertRefused(variable, file.toString());
      assertRefused(variable, "proc");
      assertRefused(variable, "/bad\0path");
    }
  }

  private static void assertRefused(String variable, String value) {
    assertThatThrownBy(() -> SettingsLoader.load(Map.of(variable, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(variable + "=")
        .hasMessageContaining("the absolute path of a readable")
        .satisfies(e -> assertThat(((ConfigException) e).variable()).isEqualTo(variable));
  }
}

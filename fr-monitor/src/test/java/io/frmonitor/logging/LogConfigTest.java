package io.frmonitor.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.config.LogFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class LogConfigTest {
  @Test
  void defaultsToInfoAsText() {
    assertThat(LogConfig.fromEnvironment(Map.of()))
        .isEqualTo(new LogConfig(Level.INFO, LogFormat.TEXT));
  }

  @Test
  void readsTheLevelAndFormatInAnyCase() {
    assertThat(
            LogConfig.fromEnvironment(
                Map.of("MONITORING_LOG_LEVEL", " Debug ", "MONITORING_LOG_FORMAT", "JSON")))
        .isEqualTo(new LogConfig(Level.DEBUG, LogFormat.JSON));
  }

  @Test
  void badValuesMeanTheDefaultsHereTheSettingsLoaderRefusesThem() {
    assertThat(
            LogConfig.fromEnvironment(
                Map.of("MONITORING_LOG_LEVEL", "loud", "MONITORING_LOG_FORMAT", "xml")))
        .isEqualTo(new LogConfig(Level.INFO, LogFormat.TEXT));
  }

  @Test
  void chattyLibrariesStartAtWarnUnlessTheLevelIsStricter() {
    LogConfig debug = new LogConfig(Level.DEBUG, LogFormat.TEXT);
    assertThat(debug.levelOf("org.eclipse.jetty.server.Server")).isEqualTo(Level.WARN);
    assertThat(debug.levelOf("io.javalin.Javalin")).isEqualTo(Level.WARN);
    assertThat(debug.levelOf("io.javalinX.Other")).isEqualTo(Level.DEBUG);
    assertThat(debug.levelOf("io.frmonitor.app.Cli")).isEqualTo(Level.DEBUG);
    assertThat(new LogConfig(Level.ERROR, LogFormat.TEXT).levelOf("io.javalin.Javalin"))
        .isEqualTo(Level.ERROR);
  }
}

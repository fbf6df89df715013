package io.frmonitor.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class TextFormatTest {
  private static final Instant T = Instant.parse("2026-11-29T23:59:41.120Z");

  @Test
  void looksAsSlf4jSimpleWroteIt() {
    String line =
        new TextFormat(ZoneOffset.UTC)
            .format(
                new LogEvent(
                    T,
                    Level.INFO,
                    "io.frmonitor.app.Cli",
                    "main",
                    "fr-monitor 0.1.0 listening",
                    Map.of("collector", "redis"),
                    null));
    assertThat(line)
        .isEqualTo("2026-11-29T23:59:41.120Z [main] [INFO] Cli - fr-monitor 0.1.0 listening\n");
  }

  @Test
  void showsTheTimeInTheHostsZoneWithItsOffset() {
    String line =
        new TextFormat(ZoneId.of("Europe/Berlin")).format(LogEvent.of(T, Level.WARN, "Cli", "x"));
    assertThat(line).startsWith("2026-11-30T00:59:41.120+01:00 [main] [WARN] Cli - x");
  }

  @Test
  void followsTheLineWithTheStackTrace() {
    String text =
        new TextFormat(ZoneOffset.UTC)
            .format(
                LogEvent.of(T, Level.ERROR, "a.B", "failed")
                    .withError(new IllegalStateException("boom")));
    assertThat(text)
        .startsWith(
            "2026-11-29T23:59:41.120Z [main] [ERROR] B - failed\n"
                + "java.lang.IllegalStateException: boom\n\tat ")
        .endsWith("\n")
        .doesNotEndWith("\n\n");
  }
}

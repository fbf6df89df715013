package io.frmonitor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parsesSuffixesAndPlainNumbers() {
    assertThat(Durations.parse("500ms", ChronoUnit.SECONDS)).contains(Duration.ofMillis(500));
    assertThat(Durations.parse("5s", ChronoUnit.MINUTES)).contains(Duration.ofSeconds(5));
    assertThat(Durations.parse("2m", ChronoUnit.SECONDS)).contains(Duration.ofMinutes(2));
    assertThat(Durations.parse("1H", ChronoUnit.SECONDS)).contains(Duration.ofHours(1));
    assertThat(Durations.parse("1d", ChronoUnit.SECONDS)).contains(Duration.ofDays(1));
    assertThat(Durations.parse(" 15 ", ChronoUnit.MINUTES)).contains(Duration.ofMinutes(15));
  }

  @Test
  void rejectsAnythingElse() {
    assertThat(Durations.parse("", ChronoUnit.SECONDS)).isEmpty();
    assertThat(Durations.parse("5 s", ChronoUnit.SECONDS)).isEmpty();
    assertThat(Durations.parse("-5s", ChronoUnit.SECONDS)).isEmpty();
    assertThat(Durations.parse("1.5m", ChronoUnit.SECONDS)).isEmpty();
    assertThat(Durations.parse("5w", ChronoUnit.SECONDS)).isEmpty();
    assertThat(Durations.parse("99999999999s", ChronoUnit.SECONDS)).isEmpty();
  }

  @Test
  void formatsInTheLargestExactUnit() {
    assertThat(Durations.format(Duration.ofMinutes(60))).isEqualTo("1h");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Durations.format(Duration.ofDays(2))).isEqualTo("2d");
  }
}

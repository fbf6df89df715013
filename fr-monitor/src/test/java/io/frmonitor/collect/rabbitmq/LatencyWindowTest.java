package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyWindowTest {
  private static final Duration ONE = Duration.ofMinutes(1);
  private static final Duration FIVE = Duration.ofMinutes(5);
  private static final Duration HOUR = Duration.ofMinutes(60);

  private static Histogram of(long... values) {
    Histogram h = LatencyWindow.newHistogram();
    for (long v : values) {
      h.recordValue(v);
    }
    return h;
  }

  @Test
  void eachWindowKeepsItsMinutesAndForgetsOlderOnes() {
    LatencyWindow w = new LatencyWindow();
    Instant t0 = Instant.parse("2026-01-01T00:00:10Z");
    w.add(t0, of(100, 100)); // minute 0
    w.add(t0.plusSeconds(120), of(300)); // minute 2
    assertThat(w.windows().get(ONE).count()).isEqualTo(1);
    assertThat(w.windows().get(FIVE).count()).isEqualTo(3);

    w.add(t0.plusSeconds(230), of()); // minute 4: minute 0 still inside the 5-minute window
    assertThat(w.windows().get(FIVE).count()).isEqualTo(3);
    assertThat(w.windows().get(ONE).count()).isZero();

    w.add(t0.plusSeconds(300), of()); // minute 5: minute 0 ages out of it
    assertThat(w.windows().get(FIVE).count()).isEqualTo(1);
    assertThat(w.windows().get(FIVE).p50Ms()).isCloseTo(300, within(3.0)); // 2 significant digits
    assertThat(w.windows().get(HOUR).count()).isEqualTo(3);
    assertThat(w.sinceStart().count()).isEqualTo(3);

    w.add(t0.plusSeconds(3800), of()); // minute 63: minute 2 is out of the hour
    assertThat(w.windows().get(HOUR).count()).isZero();
    assertThat(w.sinceStart().count()).isEqualTo(3);
  }
}

package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyWindowTest {
  private static Histogram of(long... values) {
    Histogram h = LatencyWindow.newHistogram();
    for (long v : values) {
      h.recordValue(v);
    }
    return h;
  }

  @Test
  void theWindowForgetsOldIntervalsWhileTheTotalKeepsThem() {
    LatencyWindow w = new LatencyWindow(Duration.ofMinutes(5));
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    w.add(t0, of(100, 100));
    w.add(t0.plusSeconds(60), of(300));
    assertThat(w.windowed().count()).isEqualTo(3);
    w.add(t0.plusSeconds(301), of()); // an idle interval; the first one ages out
    assertThat(w.windowed().count()).isEqualTo(1);
    assertThat(w.windowed().p50Ms())
        .isCloseTo(300, org.assertj.core.api.Assertions.within(3.0)); // 2 significant digits
    assertThat(w.sinceStart().count()).isEqualTo(3);
    w.add(t0.plusSeconds(400), of());
    assertThat(w.windowed().count()).isZero();
    assertThat(w.windowed().p95Ms()).isZero();
  }
}

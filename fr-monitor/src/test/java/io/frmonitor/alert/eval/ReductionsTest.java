package io.frmonitor.alert.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.alert.rule.Reduction;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ReductionsTest {
  /** Scrape-like instants, in milliseconds after the first, and a gauge's values at them. */
  private static final long[] OFFSETS = {3, 7004, 14_009, 21_002, 28_011};

  private static final double[] VALUES = {10, 12, 15, 15, 19};

  private static OptionalDouble at(long baseMs, Reduction reduction) {
    long[] times = new long[OFFSETS.length];
    for (int i = 0; i < times.length; i++) {
      times[i] = baseMs + OFFSETS[i];
    }
    SeriesWindows.Window w = new SeriesWindows.Window(times, VALUES.clone());
    return Reductions.of(reduction, w, baseMs + 30_001, Duration.ofMinutes(1));
  }

  @Test
  void extrapolationIsTheSameAtAnyDistanceFromTheEpoch() {
    long now = Instant.parse("2026-11-29T12:00:00Z").toEpochMilli();
    for (Reduction r : new Reduction[] {Reduction.DELTA, Reduction.INCREASE, Reduction.RATE}) {
      assertThat(at(now, r)).as(r.label()).isEqualTo(at(0, r));
    }
  }
}

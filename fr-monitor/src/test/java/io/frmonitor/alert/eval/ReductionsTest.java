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

  @Test
  void minAndMaxSkipNaNAsTheirOverTimeFunctionsDo() {
    SeriesWindows.Window w =
        new SeriesWindows.Window(
            new long[] {1, 2, 3, 4}, new double[] {Double.NaN, 4, 9, Double.NaN});
    assertThat(Reductions.of(Reduction.MAX, w, 5, Duration.ofMinutes(1))).hasValue(9);
    assertThat(Reductions.of(Reduction.MIN, w, 5, Duration.ofMinutes(1))).hasValue(4);
  }

  @Test
  void aWindowIsTheRecordedValuesInItsRangeExcludingItsStart() {
    SeriesWindows windows = new SeriesWindows(java.util.Map.of("m", Duration.ofSeconds(30)), 10);
    Series.Key key = new Series.Key("m", java.util.Map.of("a", "b"));
    for (int s = 0; s <= 60; s += 10) {
      windows.record(Instant.ofEpochSecond(s), java.util.List.of(new Series("m", key.labels(), s)));
    }
    // kept: 30 s back from 60 s, i.e. after 30 s; asked: (35 s, 60 s]
    SeriesWindows.Window w =
        windows.window(key, Instant.ofEpochSecond(35), Instant.ofEpochSecond(60));
    assertThat(w.size()).isEqualTo(3);
    assertThat(w.value(0)).isEqualTo(40);
    assertThat(w.time(2)).isEqualTo(60_000);
    assertThat(windows.window(key, Instant.ofEpochSecond(40), Instant.ofEpochSecond(50)).size())
        .as("(40 s, 50 s]")
        .isEqualTo(1);
  }
}

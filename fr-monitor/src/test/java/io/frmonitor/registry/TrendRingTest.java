package io.frmonitor.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrendRingTest {
  private static final long M = TrendRing.MINUTE_MS;

  @Test
  void eachMinuteKeepsItsMinAverageAndMaxAndAMinuteWithoutPointsIsAGap() {
    TrendRing ring = new TrendRing(10);
    ring.add(0, 4);
    ring.add(20_000, 8);
    ring.add(40_000, 6);
    ring.add(3 * M, 1);
    TrendRing.TrendPoints p = ring.since(0);
    assertThat(p.size()).isEqualTo(2);
    assertThat(p.startMs(0)).isZero();
    assertThat(p.min(0)).isEqualTo(4);
    assertThat(p.avg(0)).isEqualTo(6);
    assertThat(p.max(0)).isEqualTo(8);
    assertThat(p.startMs(1)).as("minutes 1 and 2 had no point").isEqualTo(3 * M);
    assertThat(ring.since(M).size()).as("from minute 1 on").isEqualTo(1);
  }

  @Test
  void theRingKeepsItsCapacityOfMinutesAndIgnoresLatePointsAndNaN() {
    TrendRing ring = new TrendRing(3);
    for (int m = 0; m < 5; m++) {
      ring.add(m * M, m);
    }
    ring.add(2 * M, 100); // minute 2 is closed: late
    ring.add(4 * M + 1, Double.NaN);
    TrendRing.TrendPoints p = ring.since(Long.MIN_VALUE / 2);
    assertThat(p.size()).isEqualTo(3);
    assertThat(p.minute(0)).isEqualTo(2);
    assertThat(p.max(0)).isEqualTo(2);
    assertThat(p.avg(2)).isEqualTo(4);
  }

  @Test
  void restoredMinutesNeverOverwriteNewerOnes() {
    TrendRing ring = new TrendRing(3);
    ring.add(5 * M, 50);
    ring.restore(4, 1, 2, 3);
    ring.restore(5, 9, 9, 9);
    ring.restore(2, 7, 7, 7); // slot of minute 5
    TrendRing.TrendPoints p = ring.since(0);
    assertThat(p.size()).isEqualTo(2);
    assertThat(p.minute(0)).isEqualTo(4);
    assertThat(p.avg(0)).isEqualTo(2);
    assertThat(p.avg(1)).as("the minute in progress").isEqualTo(50);
  }
}

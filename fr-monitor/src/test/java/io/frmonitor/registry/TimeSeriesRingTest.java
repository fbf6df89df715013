package io.frmonitor.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TimeSeriesRingTest {
  @Test
  void keepsPointsInTimeOrder() {
    TimeSeriesRing ring = new TimeSeriesRing(4);
    ring.add(1000, 1);
    ring.add(2000, 2);

    TimeSeriesRing.SeriesPoints p = ring.since(0);
    assertThat(p.size()).isEqualTo(2);
    assertThat(p.time(0)).isEqualTo(1000);
    assertThat(p.value(1)).isEqualTo(2);
  }

  @Test
  void evictsOldestPointWhenFull() {
    TimeSeriesRing ring = new TimeSeriesRing(3);
    for (int i = 1; i <= 5; i++) {
      ring.add(i * 1000L, i);
    }
    TimeSeriesRing.SeriesPoints p = ring.since(0);
    assertThat(p.size()).isEqualTo(3);
    assertThat(new double[] {p.value(0), p.value(1), p.value(2)}).containsExactly(3, 4, 5);
    assertThat(ring.lastTime()).contains(5000L);
  }

  @Test
  void windowStartsAtTheFirstPointAtOrAfterTheCutoff() {
    TimeSeriesRing ring = new TimeSeriesRing(5);
    for (int i = 1; i <= 8; i++) { // wraps around
      ring.add(i * 1000L, i * 10);
    }
    assertThat(ring.since(6000).size()).isEqualTo(3);
    assertThat(ring.since(5500).time(0)).isEqualTo(6000);
    assertThat(ring.since(9000).size()).isZero();
  }

  @Test
  void statsOverWindow() {
    TimeSeriesRing ring = new TimeSeriesRing(10);
    ring.add(1000, 5);
    ring.add(2000, 1);
    ring.add(3000, 9);
    ring.add(4000, 3);

    WindowStats s = ring.stats(2000).orElseThrow();
    assertThat(s.min()).isEqualTo(1);
    assertThat(s.max()).isEqualTo(9);
    assertThat(s.avg()).isCloseTo(13 / 3.0, within(1e-9));
    assertThat(s.last()).isEqualTo(3);
    assertThat(s.count()).isEqualTo(3);
    assertThat(ring.stats(5000)).isEmpty();
  }

  @Test
  void skipsNonFiniteValuesInsteadOfStoringThem() {
    TimeSeriesRing ring = new TimeSeriesRing(3);
    ring.add(1000, Double.NaN);
    ring.add(2000, Double.POSITIVE_INFINITY);
    assertThat(ring.size()).isZero();
    assertThat(ring.stats(0)).isEmpty();
  }
}

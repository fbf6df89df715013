package io.frmonitor.collect.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.frmonitor.model.HostSnapshot;
import io.frmonitor.model.HostView;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class HostSnapshotBuilderTest {
  private static final long GIB = 1L << 30;

  private static HostReading reading(
      long nanos, long[] ticks, long diskRead, long rx, long[][] cores) {
    return new HostReading(
        nanos,
        ticks,
        cores,
        new double[] {1.5, 1.0, -1},
        16 * GIB,
        4 * GIB,
        2 * GIB,
        GIB / 2,
        List.of(
            new HostReading.Mount("/", "vda", 100 * GIB, 40 * GIB, 35 * GIB),
            new HostReading.Mount("/data", "vdb", 10 * GIB, 10 * GIB, 10 * GIB)),
        List.of(new HostReading.DeviceIo("vda", diskRead, 0)),
        List.of(new HostReading.Interface("eth0", rx, 0, 2, 0)),
        1234,
        HostView.LOCAL);
  }

  private static long[] ticks(long busy, long idle, long iowait) {
    return new long[] {busy, 0, 0, idle, iowait, 0, 0, 0};
  }

  @Test
  void firstReadingHasNoRatesButAllLevels() {
    HostReading r = reading(0, ticks(100, 900, 0), 1000, 1000, new long[][] {ticks(1, 1, 0)});
    HostSnapshot s = HostSnapshotBuilder.build(r, null, 7);

    assertThat(s.cpuPercent()).isEmpty();
    assertThat(s.perCorePercent()).isEmpty();
    assertThat(s.memUsedBytes()).isEqualTo(12 * GIB);
    assertThat(s.memPercent().getAsDouble()).isCloseTo(75.0, within(1e-9));
    assertThat(s.loadAverage())
        .containsExactly(OptionalDouble.of(1.5), OptionalDouble.of(1.0), OptionalDouble.empty());
    assertThat(s.disks().get(0).readBytesPerSec()).isEmpty();
    assertThat(s.network().get(0).rxBytesPerSec()).isEmpty();
    assertThat(s.uptimeSeconds()).isEqualTo(1234);
    assertThat(s.monitorUptimeSeconds()).isEqualTo(7);
  }

  @Test
  void cpuPercentCountsIowaitAsIdle() {
    HostReading a = reading(0, ticks(100, 900, 0), 0, 0, new long[][] {ticks(0, 0, 0)});
    HostReading b =
        reading(1_000_000_000L, ticks(160, 920, 20), 0, 0, new long[][] {ticks(30, 70, 0)});
    HostSnapshot s = HostSnapshotBuilder.build(b, a, 1);

    assertThat(s.cpuPercent().getAsDouble()).isCloseTo(60.0, within(1e-9));
    assertThat(s.perCorePercent()).containsExactly(30.0);
  }

  @Test
  void ratesAreBytesPerSecondOverTheElapsedTime() {
    HostReading a = reading(0, ticks(0, 0, 0), 1_000, 5_000, new long[0][]);
    HostReading b = reading(2_000_000_000L, ticks(0, 0, 0), 9_000, 25_000, new long[0][]);
    HostSnapshot s = HostSnapshotBuilder.build(b, a, 1);

    assertThat(s.disks().get(0).readBytesPerSec().getAsDouble()).isEqualTo(4_000);
    assertThat(s.disks().get(0).writeBytesPerSec().getAsDouble()).isZero();
    assertThat(s.network().get(0).rxBytesPerSec().getAsDouble()).isEqualTo(10_000);
    assertThat(s.network().get(0).rxErrors()).isEqualTo(2);
  }

  @Test
  void counterResetGivesNoRateRatherThanANegativeOne() {
    HostReading a = reading(0, ticks(500, 500, 0), 9_000, 25_000, new long[0][]);
    HostReading b = reading(1_000_000_000L, ticks(10, 10, 0), 1_000, 5_000, new long[0][]);
    HostSnapshot s = HostSnapshotBuilder.build(b, a, 1);

    assertThat(s.cpuPercent()).isEmpty();
    assertThat(s.disks().get(0).readBytesPerSec()).isEmpty();
    assertThat(s.network().get(0).rxBytesPerSec()).isEmpty();
  }

  @Test
  void diskPercentIsComputedLikeDf() {
    HostReading r = reading(0, ticks(0, 0, 0), 0, 0, new long[0][]);
    HostSnapshot s = HostSnapshotBuilder.build(r, null, 0);

    // used 60 GiB, available to users 35 GiB (5 GiB reserved): 60 / 95
    assertThat(s.rootDiskPercent().getAsDouble()).isCloseTo(100.0 * 60 / 95, within(1e-9));
    assertThat(s.disks().get(0).usedBytes()).isEqualTo(60 * GIB);
    assertThat(s.disks().get(1).percent()).isZero();
    assertThat(s.disks().get(1).readBytesTotal()).isEmpty();
  }
}

package io.frmonitor.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcParsersTest {
  @Test
  void diskStatsGivesBytesFromSectorsPerDevice() {
    Map<String, HostReading.DeviceIo> io =
        ProcParsers.diskStats(Fixtures.text("proc/diskstats-vm.txt"));
    assertThat(io).containsKeys("vda", "loop0", "zram0");
    HostReading.DeviceIo vda = io.get("vda");
    long sectorsRead = Long.parseLong(Fixtures.field("proc/diskstats-vm.txt", " vda ", 5));
    long sectorsWritten = Long.parseLong(Fixtures.field("proc/diskstats-vm.txt", " vda ", 9));
    assertThat(vda.readBytes()).isEqualTo(sectorsRead * 512).isPositive();
    assertThat(vda.writeBytes()).isEqualTo(sectorsWritten * 512).isPositive();
  }

  @Test
  void diskStatsSkipsGarbage() {
    assertThat(ProcParsers.diskStats("nonsense\n 8 0 sda x y z 1 2 3 4 5\n\n")).isEmpty();
  }

  @Test
  void netDevSkipsHeadersAndLoopback() {
    List<HostReading.Interface> nics = ProcParsers.netDev(Fixtures.text("proc/net-dev-vm.txt"));
    assertThat(nics).extracting(HostReading.Interface::name).doesNotContain("lo").contains("eth0");
    HostReading.Interface eth0 =
        nics.stream().filter(n -> n.name().equals("eth0")).findFirst().orElseThrow();
    assertThat(eth0.rxBytes()).isPositive();
    assertThat(eth0.txBytes()).isPositive();
    assertThat(eth0.rxErrors()).isZero();
  }

  @Test
  void netDevReadsNumbersGluedToTheColon() {
    String text =
        """
        Inter-|   Receive |  Transmit
         face |bytes packets errs|bytes
          eth1:123456789012 10 3 0 0 0 0 0 987654 20 4 0 0 0 0 0
        """;
    HostReading.Interface eth1 = ProcParsers.netDev(text).get(0);
    assertThat(eth1.rxBytes()).isEqualTo(123456789012L);
    assertThat(eth1.rxErrors()).isEqualTo(3);
    assertThat(eth1.txBytes()).isEqualTo(987654);
    assertThat(eth1.txErrors()).isEqualTo(4);
  }

  @Test
  void cpuTicksReadsTheAggregateAndEveryCore() {
    ProcParsers.CpuTicks t = ProcParsers.cpuTicks(Fixtures.text("proc/stat-vm.txt"));
    assertThat(t.total()).hasSize(8);
    assertThat(t.total()[0])
        .isEqualTo(Long.parseLong(Fixtures.field("proc/stat-vm.txt", "cpu ", 1)));
    assertThat(t.total()[3])
        .isEqualTo(Long.parseLong(Fixtures.field("proc/stat-vm.txt", "cpu ", 4)));
    assertThat(t.perCore().length).isEqualTo(2);
    assertThat(t.perCore()[1][0])
        .isEqualTo(Long.parseLong(Fixtures.field("proc/stat-vm.txt", "cpu1 ", 1)));
  }

  @Test
  void cpuTicksPadsOldKernelsWithFewerColumns() {
    ProcParsers.CpuTicks t = ProcParsers.cpuTicks("cpu  10 20 30 40\ncpu0 10 20 30 40\n");
    assertThat(t.total()).containsExactly(10, 20, 30, 40, 0, 0, 0, 0);
  }

  @Test
  void cpuTicksWithoutTheAggregateLineIsAnError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProcParsers.cpuTicks("intr 1 2 3\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void memInfoInBytes() {
    ProcParsers.MemInfo m = ProcParsers.memInfo(Fixtures.text("proc/meminfo-vm.txt"));
    long totalKib = Long.parseLong(Fixtures.field("proc/meminfo-vm.txt", "MemTotal:", 1));
    long availKib = Long.parseLong(Fixtures.field("proc/meminfo-vm.txt", "MemAvailable:", 1));
    assertThat(m.totalBytes()).isEqualTo(totalKib * 1024);
    assertThat(m.availableBytes()).isEqualTo(availKib * 1024);
  }

  @Test
  void memInfoWithSwapAndWithoutMemAvailable() {
    String oldKernel =
        """
        MemTotal:        1000 kB
        MemFree:          100 kB
        Buffers:           50 kB
        Cached:           250 kB
        SwapTotal:        800 kB
        SwapFree:         600 kB
        """;
    ProcParsers.MemInfo m = ProcParsers.memInfo(oldKernel);
    assertThat(m.availableBytes()).isEqualTo(400 * 1024);
    assertThat(m.swapTotalBytes()).isEqualTo(800 * 1024);
    assertThat(m.swapFreeBytes()).isEqualTo(600 * 1024);
  }

  @Test
  void loadAverageReadsTheThreeWindows() {
    assertThat(ProcParsers.loadAverage("0.52 1.25 12.00 3/467 12345\n"))
        .containsExactly(0.52, 1.25, 12.0);
    assertThat(ProcParsers.loadAverage("0.52 x\n")).containsExactly(0.52, -1, -1);
  }

  @Test
  void uptimeIsWholeSecondsSinceBoot() {
    assertThat(ProcParsers.uptimeSeconds("86400.97 170000.12\n")).isEqualTo(86_400);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProcParsers.uptimeSeconds(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deviceNamesAreKeyedByMajorAndMinor() {
    Map<Long, String> names = ProcParsers.deviceNames(Fixtures.text("proc/diskstats-vm.txt"));
    assertThat(names).containsEntry(DeviceNumbers.key(254, 0), "vda");
    assertThat(names).containsEntry(DeviceNumbers.key(7, 0), "loop0");
    assertThat(names).hasSize(ProcParsers.diskStats(Fixtures.text("proc/diskstats-vm.txt")).size());
  }
}

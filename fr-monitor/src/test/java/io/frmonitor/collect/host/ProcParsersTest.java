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
}

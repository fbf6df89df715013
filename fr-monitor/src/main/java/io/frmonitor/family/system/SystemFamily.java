package io.frmonitor.family.system;

import io.frmonitor.family.Card;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Param;
import io.frmonitor.family.Points;
import io.frmonitor.family.Rest;
import io.frmonitor.family.SampleSource;
import io.frmonitor.family.WindowDto;
import io.frmonitor.model.DiskUsage;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.model.HostView;
import io.frmonitor.model.NetworkStats;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** The host: CPU, memory, disks, network, uptime ({@code host} collector). */
public final class SystemFamily {
  public static final FamilySpec<HostSnapshot> SPEC =
      FamilySpec.of(HostSnapshot.FAMILY, "Host")
          .rest(
              new Rest(
                  SystemDto.class,
                  (registry, query) ->
                      SystemDto.of(
                          registry.latest(HostSnapshot.FAMILY),
                          WindowDto.of(registry, HostSnapshot.FAMILY, query)),
                  (registry, query) -> SystemDto.of(registry.latest(HostSnapshot.FAMILY), null),
                  "Host CPU, memory, disks, network",
                  "From /proc, read once per poll interval. Percentages are 0-100; rates are"
                      + " bytes per second and null until the second collection.",
                  List.of(Param.window("Adds min/avg/max/last of every series over this span."))))
          .example(example())
          .samples(SystemSamples.METRICS, SampleSource.whenFresh(SystemSamples::write))
          .series(SystemFamily::series)
          .card(Card.custom())
          .build();

  private static final String[] LOAD_WINDOWS = {"1m", "5m", "15m"};

  private SystemFamily() {}

  static Map<String, Double> series(HostSnapshot s) {
    Points p = new Points(HostSnapshot.FAMILY);
    p.put("cpu_percent", s.cpuPercent());
    List<Double> cores = s.perCorePercent();
    for (int i = 0; i < cores.size(); i++) {
      p.put("core_percent", Integer.toString(i), cores.get(i));
    }
    for (int i = 0; i < s.loadAverage().size() && i < LOAD_WINDOWS.length; i++) {
      p.put("load_average", LOAD_WINDOWS[i], s.loadAverage().get(i));
    }
    p.put("mem_percent", s.memPercent());
    p.put("mem_used_bytes", s.memUsedBytes());
    p.put("swap_used_bytes", s.swapUsedBytes());
    p.put("disk_percent", s.rootDiskPercent());
    for (DiskUsage d : s.disks()) {
      p.put("disk_used_percent", d.mount(), d.percent());
      p.put("disk_read_bytes_per_sec", d.mount(), d.readBytesPerSec());
      p.put("disk_write_bytes_per_sec", d.mount(), d.writeBytesPerSec());
    }
    for (NetworkStats n : s.network()) {
      p.put("network_rx_bytes_per_sec", n.name(), n.rxBytesPerSec());
      p.put("network_tx_bytes_per_sec", n.name(), n.txBytesPerSec());
    }
    return p.map();
  }

  /** Two cores, 24 GiB, one disk and one interface, ten minutes after start. */
  static HostSnapshot example() {
    return new HostSnapshot(
        OptionalDouble.of(1.19),
        List.of(1.9, 0.48),
        List.of(OptionalDouble.of(2.37), OptionalDouble.of(2.9), OptionalDouble.of(2.02)),
        2,
        25_276_502_016L,
        767_643_648L,
        0,
        0,
        OptionalDouble.of(21.91),
        List.of(
            new DiskUsage(
                "/",
                "vda",
                270_553_174_016L,
                23_875_010_560L,
                21.91,
                OptionalDouble.of(3874.6),
                OptionalDouble.of(0),
                OptionalLong.of(1_204_000_000L),
                OptionalLong.of(9_830_000_000L))),
        List.of(
            new NetworkStats(
                "eth0",
                OptionalDouble.of(1200),
                OptionalDouble.of(800),
                9_000_000,
                4_000_000,
                0,
                0)),
        655,
        600,
        HostView.LOCAL);
  }
}

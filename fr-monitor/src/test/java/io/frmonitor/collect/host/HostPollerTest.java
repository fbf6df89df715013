package io.frmonitor.collect.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.frmonitor.config.HostRootSettings;
import io.frmonitor.model.DiskUsage;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.model.HostView.Scope;
import io.frmonitor.model.NetworkStats;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host poller on this machine's real /proc and /, checked against what those files say. */
class HostPollerTest {
  private final ManualClock clock = new ManualClock(Instant.now());
  private final MetricRegistry registry =
      Registries.withFamilies(
          new MetricRegistry(clock, Duration.ofMinutes(1), 12, 500, 10, Duration.ofSeconds(15)));

  @Test
  void readsTheRealHostAndMatchesItsProcFiles() throws Exception {
    HostSnapshot s = pollUntilCpuPercent();

    assertThat(s.memTotalBytes()).isEqualTo(kib("/proc/meminfo", "MemTotal:") * 1024);
    assertThat(s.swapTotalBytes()).isEqualTo(kib("/proc/meminfo", "SwapTotal:") * 1024);
    assertThat(s.cpuCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(s.perCorePercent()).hasSize(s.cpuCount());
    assertThat(s.cpuPercent().getAsDouble()).isBetween(0.0, 100.0);
    double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ", -1)[0]);
    assertThat(s.uptimeSeconds()).isBetween((long) uptime - 30, (long) uptime);
    double load1 = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ", -1)[0]);
    assertThat(s.loadAverage().get(0).getAsDouble()).isCloseTo(load1, within(2.0));
    assertThat(s.monitorUptimeSeconds()).isEqualTo(43);
    assertThat(registry.allSeries())
        .containsKeys("system.cpu_percent", "system.mem_percent", "system.disk_percent");
    assertThat(registry.series("system.mem_percent").orElseThrow().stats(0).orElseThrow().last())
        .isCloseTo(s.memPercent().getAsDouble(), within(1e-9));
  }

  @Test
  void theRootFilesystemIsSizedByStatvfsAndItsDeviceHasCounters() throws Exception {
    HostSnapshot s = pollUntilCpuPercent();

    DiskUsage root =
        s.disks().stream().filter(d -> d.mount().equals("/")).findFirst().orElseThrow();
    assertThat(root.totalBytes()).isEqualTo(Files.getFileStore(Path.of("/")).getTotalSpace());
    assertThat(s.rootDiskPercent()).isPresent();
    // the device of / has IO counters in /proc/diskstats, found by device number
    assertThat(Files.readString(Path.of("/proc/diskstats"))).contains(" " + root.device() + " ");
    assertThat(root.readBytesTotal()).isPresent();
    assertThat(s.disks()).extracting(DiskUsage::device).doesNotHaveDuplicates();
  }

  @Test
  void theNetworkIsTheOneTheViewNames() throws Exception {
    HostSnapshot s = pollUntilCpuPercent();

    String file = s.view().network() == Scope.HOST ? "/proc/1/net/dev" : "/proc/self/net/dev";
    List<String> names =
        Files.readAllLines(Path.of(file)).stream()
            .filter(l -> l.contains(":"))
            .map(l -> l.substring(0, l.indexOf(':')).trim())
            .filter(n -> !n.equals("lo"))
            .toList();
    assertThat(s.network()).extracting(NetworkStats::name).containsExactlyElementsOf(names);
    assertThat(s.view().proc()).isEqualTo("/proc");
    assertThat(s.view().root()).isEqualTo("/");
    // the host's PID namespace (kthreadd visible) gives the host's view; else a reason says not
    boolean hostPid = Files.readString(Path.of("/proc/2/stat")).startsWith("2 (kthreadd) ");
    assertThat(s.view().filesystems()).isEqualTo(hostPid ? Scope.HOST : Scope.MONITOR);
    if (!hostPid) {
      assertThat(s.view().reason()).isPresent();
    }
  }

  private HostSnapshot pollUntilCpuPercent() {
    HostPoller poller =
        HostPoller.create(HostRootSettings.LOCAL, clock, clock.instant().minusSeconds(42));
    poller.poll(registry);
    clock.advance(Duration.ofSeconds(1));
    // CPU percentages need the kernel's tick counters to move between two readings
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              poller.poll(registry);
              return registry
                  .latest(HostSnapshot.FAMILY)
                  .orElseThrow()
                  .value()
                  .cpuPercent()
                  .isPresent();
            });
    return registry.latest(HostSnapshot.FAMILY).orElseThrow().value();
  }

  private static long kib(String file, String field) throws Exception {
    for (String line : Files.readAllLines(Path.of(file))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new AssertionError("no " + field);
  }
}

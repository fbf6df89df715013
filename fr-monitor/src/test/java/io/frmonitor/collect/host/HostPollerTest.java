package io.frmonitor.collect.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.frmonitor.model.HostSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The host poller on this machine's real /proc, through OSHI. */
class HostPollerTest {
  private final ManualClock clock = new ManualClock(Instant.now());
  private final MetricRegistry registry =
      Registries.withFamilies(
          new MetricRegistry(clock, Duration.ofMinutes(1), 12, 500, 10, Duration.ofSeconds(15)));

  @Test
  void readsTheRealHostAndMatchesProcMeminfo() throws Exception {
    HostPoller poller = HostPoller.create(clock, clock.instant().minusSeconds(42));
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

    HostSnapshot s = registry.latest(HostSnapshot.FAMILY).orElseThrow().value();
    assertThat(s.memTotalBytes()).isEqualTo(memTotalFromProc());
    assertThat(s.cpuCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(s.perCorePercent()).hasSize(s.cpuCount());
    assertThat(s.cpuPercent()).isPresent();
    assertThat(s.cpuPercent().getAsDouble()).isBetween(0.0, 100.0);
    assertThat(s.disks()).anySatisfy(d -> assertThat(d.mount()).isEqualTo("/"));
    assertThat(s.rootDiskPercent()).isPresent();
    assertThat(s.uptimeSeconds()).isPositive();
    assertThat(s.monitorUptimeSeconds()).isEqualTo(43);
    assertThat(registry.allSeries())
        .containsKeys("system.cpu_percent", "system.mem_percent", "system.disk_percent");
    assertThat(registry.series("system.mem_percent").orElseThrow().stats(0).orElseThrow().last())
        .isCloseTo(s.memPercent().getAsDouble(), within(1e-9));
  }

  private static long memTotalFromProc() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    throw new AssertionError("no MemTotal");
  }
}

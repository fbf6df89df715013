package io.frmonitor.bench;

import io.frmonitor.collect.host.HostPoller;
import io.frmonitor.config.HostRootSettings;
import io.frmonitor.config.SettingsLoader;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.Registries;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.Arrays;

/**
 * Measures the CPU time of one host collection, as the collector's thread spends it: one poll a
 * second (so the code stays as interpreted as at a 5 s interval), the first (discovery) apart from
 * the rest. Reads {@code MONITORING_HOST_PROC} and {@code MONITORING_HOST_ROOT} like the service.
 * Run by {@code scripts/bench-host}.
 */
public final class HostCollectionBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int CYCLES = 30;

  private HostCollectionBench() {}

  public static void main(String[] args) throws Exception {
    HostRootSettings host = SettingsLoader.load(System.getenv()).hostRoot();
    Clock clock = Clock.systemUTC();
    MetricRegistry registry = Registries.forCollectorTests();
    HostPoller poller = HostPoller.create(host, clock, clock.instant());
    double[] ms = new double[CYCLES];
    for (int i = 0; i < CYCLES; i++) {
      long start = THREADS.getCurrentThreadCpuTime();
      poller.poll(registry);
      ms[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
      Thread.sleep(1000);
    }
    double first = ms[0];
    double[] rest = Arrays.copyOfRange(ms, 1, CYCLES);
    Arrays.sort(rest);
    HostSnapshot s = registry.latest(HostSnapshot.FAMILY).orElseThrow().value();
    System.out.printf(
        "host_collection_cpu_ms first=%.3f median=%.3f max=%.3f (n=%d) disks=%d interfaces=%d"
            + " view=%s%n",
        first,
        rest[rest.length / 2],
        rest[rest.length - 1],
        rest.length,
        s.disks().size(),
        s.network().size(),
        s.view());
  }
}

package io.frmonitor.testing;

import io.frmonitor.model.DiskUsage;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.model.HostView;
import io.frmonitor.model.NetworkStats;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Host snapshots for the API tests. */
public final class HostSnapshots {
  private HostSnapshots() {}

  /**
   * Two cores at {@code cpu} percent, 1000 bytes of memory with 250 used, {@code /} 42 % full, eth0
   * receiving 100 and sending 50 bytes/s.
   */
  public static HostSnapshot withCpu(double cpu) {
    return with(cpu, HostView.LOCAL);
  }

  /** As {@link #withCpu}, read where the host's network and mounts are not visible. */
  public static HostSnapshot withOwnNamespaces(double cpu, String reason) {
    return with(
        cpu,
        new HostView(
            "/proc", "/", HostView.Scope.MONITOR, HostView.Scope.MONITOR, Optional.of(reason)));
  }

  private static HostSnapshot with(double cpu, HostView view) {
    return new HostSnapshot(
        OptionalDouble.of(cpu),
        List.of(cpu, cpu),
        List.of(OptionalDouble.of(0.5), OptionalDouble.of(0.4), OptionalDouble.empty()),
        2,
        1000,
        250,
        0,
        0,
        OptionalDouble.of(42.0),
        List.of(
            new DiskUsage(
                "/",
                "vda",
                100,
                42,
                42.0,
                OptionalDouble.of(10),
                OptionalDouble.empty(),
                OptionalLong.of(5),
                OptionalLong.of(6))),
        List.of(
            new NetworkStats(
                "eth0", OptionalDouble.of(100), OptionalDouble.of(50), 1000, 500, 1, 2)),
        3600,
        60,
        view);
  }
}

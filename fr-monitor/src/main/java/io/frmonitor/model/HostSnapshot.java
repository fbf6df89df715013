package io.frmonitor.model;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One reading of the host's health.
 *
 * <p>Percentages are 0-100. {@code cpuPercent} and rates are empty on the first reading (they need
 * two); load averages are empty where the platform has none. {@code view} says whether {@code
 * network} and {@code disks} are the host's or only fr-monitor's own namespace's.
 */
public record HostSnapshot(
    OptionalDouble cpuPercent,
    List<Double> perCorePercent,
    List<OptionalDouble> loadAverage,
    int cpuCount,
    long memTotalBytes,
    long memUsedBytes,
    long swapTotalBytes,
    long swapUsedBytes,
    OptionalDouble rootDiskPercent,
    List<DiskUsage> disks,
    List<NetworkStats> network,
    long uptimeSeconds,
    long monitorUptimeSeconds,
    HostView view) {
  /** The system family: what the outputs call this snapshot. */
  public static final Family<HostSnapshot> FAMILY = new Family<>("system", HostSnapshot.class);

  public HostSnapshot {
    perCorePercent = List.copyOf(perCorePercent);
    loadAverage = List.copyOf(loadAverage);
    disks = List.copyOf(disks);
    network = List.copyOf(network);
  }

  /** Used memory as a percentage of total; empty when the total is unknown. */
  public OptionalDouble memPercent() {
    return memTotalBytes <= 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(100.0 * memUsedBytes / memTotalBytes);
  }
}

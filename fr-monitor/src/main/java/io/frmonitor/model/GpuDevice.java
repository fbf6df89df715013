package io.frmonitor.model;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One GPU. Each reading the driver does not support on this device is empty, never zero.
 *
 * @param utilizationPercent busy time of the last sample period, 0-100
 * @param powerWatts current draw in watts
 * @param powerLimitWatts enforced power limit in watts
 */
public record GpuDevice(
    int index,
    String uuid,
    String name,
    OptionalDouble utilizationPercent,
    OptionalLong memoryUsedBytes,
    OptionalLong memoryTotalBytes,
    OptionalDouble temperatureCelsius,
    OptionalDouble powerWatts,
    OptionalDouble powerLimitWatts,
    List<GpuProcess> processes) {

  public GpuDevice {
    processes = List.copyOf(processes);
  }

  /** The same device with {@code replacement} as its processes. */
  public GpuDevice withProcesses(List<GpuProcess> replacement) {
    return new GpuDevice(
        index,
        uuid,
        name,
        utilizationPercent,
        memoryUsedBytes,
        memoryTotalBytes,
        temperatureCelsius,
        powerWatts,
        powerLimitWatts,
        replacement);
  }
}

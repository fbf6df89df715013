package io.frmonitor.collect.host;

import io.frmonitor.model.HostView;
import java.util.List;

/**
 * Raw counters read from the host at one instant, before any rate is computed. Tick arrays follow
 * {@code /proc/stat}'s order: user, nice, system, idle, iowait, irq, softirq, steal.
 *
 * @param monotonicNanos a monotonic timestamp for rate computation
 * @param load 1, 5 and 15 minute load averages; negative where unavailable
 * @param view whose network and filesystems these are
 */
// Arrays as read from /proc: a reading is built once, never mutated and never compared.
@SuppressWarnings("ArrayRecordComponent")
public record HostReading(
    long monotonicNanos,
    long[] cpuTicks,
    long[][] perCoreTicks,
    double[] load,
    long memTotalBytes,
    long memAvailableBytes,
    long swapTotalBytes,
    long swapUsedBytes,
    List<Mount> mounts,
    List<DeviceIo> devices,
    List<Interface> interfaces,
    long uptimeSeconds,
    HostView view) {

  public HostReading {
    mounts = List.copyOf(mounts);
    devices = List.copyOf(devices);
    interfaces = List.copyOf(interfaces);
  }

  /** A mounted filesystem; {@code device} names the block device whose IO counters apply. */
  public record Mount(
      String mountPoint, String device, long totalBytes, long freeBytes, long availableBytes) {}

  /** Cumulative IO of one block device. */
  public record DeviceIo(String device, long readBytes, long writeBytes) {}

  /** Cumulative traffic of one network interface. */
  public record Interface(String name, long rxBytes, long txBytes, long rxErrors, long txErrors) {}
}

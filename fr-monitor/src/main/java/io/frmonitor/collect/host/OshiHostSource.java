package io.frmonitor.collect.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;

/**
 * Reads {@link HostReading}s: CPU, load, memory, swap and uptime through OSHI; disk and network
 * counters from {@code /proc/diskstats} and {@code /proc/net/dev} (see {@link ProcParsers});
 * filesystem sizes through {@code statvfs} ({@link FileStore}). The mount list is discovered
 * through OSHI once and refreshed every few minutes, so each reading stays cheap.
 *
 * <p>Thread safety: not thread-safe; used by one poller thread.
 */
final class OshiHostSource {
  private static final Duration REDISCOVER_EVERY = Duration.ofMinutes(5);
  private static final Path DISKSTATS = Path.of("/proc/diskstats");
  private static final Path NET_DEV = Path.of("/proc/net/dev");

  private final Clock clock;
  private final OperatingSystem os;
  private final CentralProcessor cpu;
  private final GlobalMemory memory;
  private List<MountPoint> mounts = List.of();
  private Instant discoveredAt = Instant.MIN;

  OshiHostSource(Clock clock) {
    this.clock = clock;
    SystemInfo info = new SystemInfo();
    this.os = info.getOperatingSystem();
    this.cpu = info.getHardware().getProcessor();
    this.memory = info.getHardware().getMemory();
  }

  HostReading read() {
    rediscoverIfDue();
    VirtualMemory vm = memory.getVirtualMemory();
    Map<String, HostReading.DeviceIo> io = ProcParsers.diskStats(readProc(DISKSTATS));
    return new HostReading(
        System.nanoTime(),
        cpu.getSystemCpuLoadTicks(),
        cpu.getProcessorCpuLoadTicks(),
        cpu.getSystemLoadAverage(3),
        memory.getTotal(),
        memory.getAvailable(),
        vm.getSwapTotal(),
        vm.getSwapUsed(),
        readMounts(),
        mounts.stream()
            .map(MountPoint::device)
            .distinct()
            .filter(io::containsKey)
            .map(io::get)
            .toList(),
        ProcParsers.netDev(readProc(NET_DEV)),
        os.getSystemUptime());
  }

  private void rediscoverIfDue() {
    Instant now = clock.instant();
    if (Duration.between(discoveredAt, now).compareTo(REDISCOVER_EVERY) < 0) {
      return;
    }
    discoveredAt = now;
    List<MountPoint> found = new ArrayList<>();
    for (OSFileStore fs : os.getFileSystem().getFileStores(true)) {
      if (fs.getTotalSpace() <= 0) {
        continue;
      }
      try {
        FileStore store = Files.getFileStore(Path.of(fs.getMount()));
        found.add(new MountPoint(fs.getMount(), deviceName(fs.getVolume()), store));
      } catch (IOException | RuntimeException e) {
        // a mount we cannot stat (permissions, vanished) is skipped until the next discovery
      }
    }
    mounts = List.copyOf(found);
  }

  /**
   * The kernel's name of the device behind a volume ({@code /dev/mapper/vg-root} resolves to {@code
   * dm-0}), as {@code /proc/diskstats} lists it; the volume itself when it is no device.
   */
  static String deviceName(String volume) {
    if (!volume.startsWith("/dev/")) {
      return volume;
    }
    try {
      return Path.of(volume).toRealPath().getFileName().toString();
    } catch (IOException | RuntimeException e) {
      return volume.substring("/dev/".length());
    }
  }

  private List<HostReading.Mount> readMounts() {
    List<HostReading.Mount> out = new ArrayList<>(mounts.size());
    for (MountPoint m : mounts) {
      try {
        out.add(
            new HostReading.Mount(
                m.mount(),
                m.device(),
                m.store().getTotalSpace(),
                m.store().getUnallocatedSpace(),
                m.store().getUsableSpace()));
      } catch (IOException e) {
        // unmounted since discovery; it disappears from this reading
      }
    }
    return out;
  }

  /** A /proc file's text, or empty when unreadable (the counters it holds are then absent). */
  private static String readProc(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return "";
    }
  }

  private record MountPoint(String mount, String device, FileStore store) {}
}

package io.frmonitor.collect.host;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;

/**
 * Reads {@link HostReading}s on Linux. OSHI discovers the local filesystems (refreshed every few
 * minutes) and reads load and uptime; the counters read every interval come straight from {@code
 * /proc/stat}, {@code /proc/meminfo}, {@code /proc/diskstats} and {@code /proc/net/dev} through
 * {@link ProcParsers}, and filesystem sizes from {@code statvfs} ({@link FileStore}). OSHI's own
 * readers of those files cost several times more CPU per collection (measured in
 * docs/performance.md), and disk counters through udev cost milliseconds.
 *
 * <p>Thread safety: not thread-safe; used by one poller thread.
 */
final class OshiHostSource {
  private static final Duration REDISCOVER_EVERY = Duration.ofMinutes(5);
  private static final Path STAT = Path.of("/proc/stat");
  private static final Path MEMINFO = Path.of("/proc/meminfo");
  private static final Path DISKSTATS = Path.of("/proc/diskstats");
  private static final Path NET_DEV = Path.of("/proc/net/dev");

  private final Clock clock;
  private final OperatingSystem os;
  private final CentralProcessor cpu;
  private List<MountPoint> mounts = List.of();
  private Instant discoveredAt = Instant.MIN;

  OshiHostSource(Clock clock) {
    this.clock = clock;
    SystemInfo info = new SystemInfo();
    this.os = info.getOperatingSystem();
    this.cpu = info.getHardware().getProcessor();
  }

  HostReading read() {
    rediscoverIfDue();
    ProcParsers.CpuTicks ticks = ProcParsers.cpuTicks(readProc(STAT));
    ProcParsers.MemInfo mem = ProcParsers.memInfo(readProc(MEMINFO));
    Map<String, HostReading.DeviceIo> io = ProcParsers.diskStats(readProc(DISKSTATS));
    return new HostReading(
        System.nanoTime(),
        ticks.total(),
        ticks.perCore(),
        cpu.getSystemLoadAverage(3),
        mem.totalBytes(),
        mem.availableBytes(),
        mem.swapTotalBytes(),
        mem.swapTotalBytes() - mem.swapFreeBytes(),
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

  /** A /proc file's text; unreadable means this is no Linux host the collector can serve. */
  private static String readProc(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private record MountPoint(String mount, String device, FileStore store) {}
}

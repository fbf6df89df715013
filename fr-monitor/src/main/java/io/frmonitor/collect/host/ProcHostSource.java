package io.frmonitor.collect.host;

import io.frmonitor.config.HostRootSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@link HostReading}s from a procfs and a root directory ({@link HostRootSettings}): this
 * machine's {@code /proc} and {@code /}, or the host's mounted into a container. Every interval it
 * reads {@code stat}, {@code meminfo}, {@code diskstats}, {@code loadavg}, {@code uptime} and a
 * {@code net/dev} through {@link ProcParsers}, and sizes each filesystem with {@code statvfs}
 * ({@link java.nio.file.FileStore}); every few minutes {@link HostDiscovery} chooses the {@code
 * net/dev}, the filesystems and says whose they are.
 *
 * <p>Thread safety: not thread-safe; used by one poller thread.
 */
final class ProcHostSource {
  private static final Duration REDISCOVER_EVERY = Duration.ofMinutes(5);

  private final HostRootSettings host;
  private final Clock clock;
  private final LongSupplier nanos;
  private final Path stat;
  private final Path meminfo;
  private final Path diskstats;
  private final Path loadavg;
  private final Path uptime;
  private HostDiscovery.@Nullable Found found;
  private Instant discoveredAt = Instant.MIN;

  ProcHostSource(HostRootSettings host, Clock clock) {
    this(host, clock, System::nanoTime);
  }

  /**
   * @param clock when to rediscover
   * @param nanos the monotonic time a reading is stamped with (rates are computed over it)
   */
  ProcHostSource(HostRootSettings host, Clock clock, LongSupplier nanos) {
    this.host = host;
    this.clock = clock;
    this.nanos = nanos;
    Path proc = host.proc();
    this.stat = proc.resolve("stat");
    this.meminfo = proc.resolve("meminfo");
    this.diskstats = proc.resolve("diskstats");
    this.loadavg = proc.resolve("loadavg");
    this.uptime = proc.resolve("uptime");
  }

  /**
   * One reading.
   *
   * @throws UncheckedIOException when a kernel-wide file cannot be read: no procfs to serve
   */
  HostReading read() {
    try {
      HostDiscovery.Found f = discovered();
      ProcParsers.CpuTicks ticks = ProcParsers.cpuTicks(ProcFiles.read(stat));
      ProcParsers.MemInfo mem = ProcParsers.memInfo(ProcFiles.read(meminfo));
      Map<String, HostReading.DeviceIo> io = ProcParsers.diskStats(ProcFiles.read(diskstats));
      return new HostReading(
          nanos.getAsLong(),
          ticks.total(),
          ticks.perCore(),
          ProcParsers.loadAverage(ProcFiles.read(loadavg)),
          mem.totalBytes(),
          mem.availableBytes(),
          mem.swapTotalBytes(),
          mem.swapTotalBytes() - mem.swapFreeBytes(),
          sizes(f.mounts()),
          f.mounts().stream()
              .map(HostDiscovery.MountPoint::device)
              .distinct()
              .filter(io::containsKey)
              .map(io::get)
              .toList(),
          ProcParsers.netDev(ProcFiles.read(f.netDev())),
          ProcParsers.uptimeSeconds(ProcFiles.read(uptime)),
          f.view());
    } catch (IOException e) {
      found = null; // what was discovered may be gone (PID 1's files): discover again next time
      throw new UncheckedIOException("cannot read the host's " + host.proc(), e);
    }
  }

  private HostDiscovery.Found discovered() throws IOException {
    Instant now = clock.instant();
    HostDiscovery.Found f = found;
    if (f == null || Duration.between(discoveredAt, now).compareTo(REDISCOVER_EVERY) >= 0) {
      f = HostDiscovery.discover(host);
      found = f;
      discoveredAt = now;
    }
    return f;
  }

  private static List<HostReading.Mount> sizes(List<HostDiscovery.MountPoint> mounts) {
    List<HostReading.Mount> out = new ArrayList<>(mounts.size());
    for (HostDiscovery.MountPoint m : mounts) {
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
}

package io.frmonitor.collect.host;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HWPartition;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.hardware.VirtualMemory;
import oshi.software.os.OSFileStore;
import oshi.software.os.OperatingSystem;

/**
 * Reads {@link HostReading}s through OSHI, keeping each collection cheap: the lists of mounts,
 * block devices and interfaces are discovered once and refreshed every few minutes; each reading
 * only refreshes their counters. Filesystem sizes come from {@code statvfs} through {@link
 * FileStore}, one call per mount.
 *
 * <p>Thread safety: not thread-safe; used by one poller thread.
 */
final class OshiHostSource {
  private static final Duration REDISCOVER_EVERY = Duration.ofMinutes(5);

  private final Clock clock;
  private final HardwareAbstractionLayer hardware;
  private final OperatingSystem os;
  private final CentralProcessor cpu;
  private final GlobalMemory memory;
  private List<MountPoint> mounts = List.of();
  private List<HWDiskStore> disks = List.of();
  private List<NetworkIF> interfaces = List.of();
  private Instant discoveredAt = Instant.MIN;

  OshiHostSource(Clock clock) {
    this.clock = clock;
    SystemInfo info = new SystemInfo();
    this.hardware = info.getHardware();
    this.os = info.getOperatingSystem();
    this.cpu = hardware.getProcessor();
    this.memory = hardware.getMemory();
  }

  HostReading read() {
    rediscoverIfDue();
    VirtualMemory vm = memory.getVirtualMemory();
    long nanos = System.nanoTime();
    return new HostReading(
        nanos,
        cpu.getSystemCpuLoadTicks(),
        cpu.getProcessorCpuLoadTicks(),
        cpu.getSystemLoadAverage(3),
        memory.getTotal(),
        memory.getAvailable(),
        vm.getSwapTotal(),
        vm.getSwapUsed(),
        readMounts(),
        readDevices(),
        readInterfaces(),
        os.getSystemUptime());
  }

  private void rediscoverIfDue() {
    Instant now = clock.instant();
    if (Duration.between(discoveredAt, now).compareTo(REDISCOVER_EVERY) < 0) {
      return;
    }
    discoveredAt = now;
    disks = hardware.getDiskStores();
    interfaces = hardware.getNetworkIFs(false);
    mounts = discoverMounts(disks);
  }

  /** Local filesystems with a size, each tied to the block device that serves its IO. */
  private List<MountPoint> discoverMounts(List<HWDiskStore> diskStores) {
    Map<String, String> deviceOf = new HashMap<>();
    for (HWDiskStore d : diskStores) {
      deviceOf.put(d.getName(), d.getName());
      for (HWPartition p : d.getPartitions()) {
        deviceOf.put(p.getIdentification(), d.getName());
        deviceOf.put("/dev/" + p.getIdentification(), d.getName());
      }
    }
    List<MountPoint> out = new ArrayList<>();
    for (OSFileStore fs : os.getFileSystem().getFileStores(true)) {
      if (fs.getTotalSpace() <= 0) {
        continue;
      }
      try {
        FileStore store = Files.getFileStore(Path.of(fs.getMount()));
        String device = deviceOf.getOrDefault(fs.getVolume(), fs.getVolume());
        out.add(new MountPoint(fs.getMount(), device, store));
      } catch (IOException | RuntimeException e) {
        // a mount we cannot stat (permissions, vanished) is skipped until the next discovery
      }
    }
    return out;
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

  private List<HostReading.DeviceIo> readDevices() {
    List<HostReading.DeviceIo> out = new ArrayList<>(disks.size());
    for (HWDiskStore d : disks) {
      d.updateAttributes();
      out.add(new HostReading.DeviceIo(d.getName(), d.getReadBytes(), d.getWriteBytes()));
    }
    return out;
  }

  private List<HostReading.Interface> readInterfaces() {
    List<HostReading.Interface> out = new ArrayList<>(interfaces.size());
    for (NetworkIF nif : interfaces) {
      nif.updateAttributes();
      out.add(
          new HostReading.Interface(
              nif.getName(),
              nif.getBytesRecv(),
              nif.getBytesSent(),
              nif.getInErrors(),
              nif.getOutErrors()));
    }
    return out;
  }

  private record MountPoint(String mount, String device, FileStore store) {}
}

package io.frmonitor.collect.host;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure parsers of Linux {@code /proc} files whose OSHI equivalents are costly (OSHI reads disk
 * counters through udev: milliseconds per call, against microseconds here).
 */
final class ProcParsers {
  /** {@code /proc/diskstats} counts 512-byte sectors whatever the device's sector size. */
  private static final long SECTOR_BYTES = 512;

  private ProcParsers() {}

  /** CPU tick counters: the aggregate {@code cpu} line and one array per {@code cpuN} line. */
  // Arrays as the kernel lists them; built once per reading and never compared.
  @SuppressWarnings("ArrayRecordComponent")
  record CpuTicks(long[] total, long[][] perCore) {}

  /** Memory and swap in bytes. */
  record MemInfo(long totalBytes, long availableBytes, long swapTotalBytes, long swapFreeBytes) {}

  /**
   * Parses {@code /proc/stat}'s {@code cpu} lines: user, nice, system, idle, iowait, irq, softirq,
   * steal (guest time is already inside user and nice, so it is not read).
   *
   * @throws IllegalArgumentException when there is no aggregate {@code cpu} line
   */
  static CpuTicks cpuTicks(String text) {
    long[] total = null;
    java.util.List<long[]> cores = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.startsWith("cpu")) {
        continue;
      }
      int space = line.indexOf(' ');
      if (space < 0) {
        continue;
      }
      long[] ticks = Arrays.copyOf(numbers(line, space), 8);
      if (space == 3) {
        total = ticks;
      } else {
        cores.add(ticks);
      }
    }
    if (total == null) {
      throw new IllegalArgumentException("/proc/stat has no aggregate cpu line");
    }
    return new CpuTicks(total, cores.toArray(new long[0][]));
  }

  /**
   * Parses {@code /proc/meminfo}. Available memory is {@code MemAvailable}, or on kernels older
   * than 3.14 that lack it, free + buffers + page cache.
   *
   * @throws IllegalArgumentException when {@code MemTotal} is missing
   */
  static MemInfo memInfo(String text) {
    Map<String, Long> kib = new HashMap<>();
    for (String line : text.split("\n", -1)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        long[] n = numbers(line, colon + 1);
        if (n.length > 0) {
          kib.put(line.substring(0, colon), n[0]);
        }
      }
    }
    Long total = kib.get("MemTotal");
    if (total == null) {
      throw new IllegalArgumentException("/proc/meminfo has no MemTotal");
    }
    long available =
        kib.containsKey("MemAvailable")
            ? kib.get("MemAvailable")
            : kib.getOrDefault("MemFree", 0L)
                + kib.getOrDefault("Buffers", 0L)
                + kib.getOrDefault("Cached", 0L);
    return new MemInfo(
        total * 1024,
        available * 1024,
        kib.getOrDefault("SwapTotal", 0L) * 1024,
        kib.getOrDefault("SwapFree", 0L) * 1024);
  }

  /** The whitespace-separated unsigned decimal numbers of {@code line} from {@code from} on. */
  private static long[] numbers(String line, int from) {
    long[] out = new long[16];
    int count = 0;
    int i = from;
    int n = line.length();
    while (i < n && count < out.length) {
      while (i < n && line.charAt(i) == ' ') {
        i++;
      }
      if (i >= n || !Character.isDigit(line.charAt(i))) {
        break;
      }
      long value = 0;
      while (i < n && Character.isDigit(line.charAt(i))) {
        value = value * 10 + (line.charAt(i++) - '0');
      }
      out[count++] = value;
    }
    return Arrays.copyOf(out, count);
  }

  /**
   * Parses {@code /proc/diskstats} into cumulative bytes read and written per device name ({@code
   * vda}, {@code vda1}, {@code dm-0}). Malformed lines are skipped.
   */
  static Map<String, HostReading.DeviceIo> diskStats(String text) {
    Map<String, HostReading.DeviceIo> out = new HashMap<>();
    for (String line : text.split("\n", -1)) {
      String[] f = line.trim().split("\\s+", -1);
      if (f.length < 10) {
        continue;
      }
      try {
        long read = Long.parseLong(f[5]) * SECTOR_BYTES;
        long written = Long.parseLong(f[9]) * SECTOR_BYTES;
        out.put(f[2], new HostReading.DeviceIo(f[2], read, written));
      } catch (NumberFormatException e) {
        // not a device line
      }
    }
    return out;
  }

  /**
   * Parses {@code /proc/net/dev} into cumulative traffic per interface, skipping the loopback
   * interface (fr-monitor's own API traffic would dominate it) and malformed lines.
   */
  static List<HostReading.Interface> netDev(String text) {
    List<HostReading.Interface> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim();
      String[] f = line.substring(colon + 1).trim().split("\\s+", -1);
      if (name.equals("lo") || f.length < 11) {
        continue;
      }
      try {
        out.add(
            new HostReading.Interface(
                name,
                Long.parseLong(f[0]),
                Long.parseLong(f[8]),
                Long.parseLong(f[2]),
                Long.parseLong(f[10])));
      } catch (NumberFormatException e) {
        // a header line
      }
    }
    return out;
  }
}

package io.frmonitor.collect.host;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Pure parsers of the Linux {@code /proc} files the host collector reads every interval. They avoid
 * regular expressions and per-field strings: the collector runs once per interval, so this code
 * mostly runs interpreted, where allocation and regex matching dominate its cost.
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
   * steal (guest time is already inside user and nice, so it is not read). Kernels with fewer
   * columns get zeros.
   *
   * @throws IllegalArgumentException when there is no aggregate {@code cpu} line
   */
  static CpuTicks cpuTicks(String text) {
    long[] total = null;
    List<long[]> cores = new ArrayList<>();
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
    long total = -1;
    long available = -1;
    long freeBuffersCached = 0;
    long swapTotal = 0;
    long swapFree = 0;
    for (String line : text.split("\n", -1)) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      switch (line.substring(0, colon)) {
        case "MemTotal" -> total = kib(line, colon);
        case "MemAvailable" -> available = kib(line, colon);
        case "MemFree", "Buffers", "Cached" -> freeBuffersCached += kib(line, colon);
        case "SwapTotal" -> swapTotal = kib(line, colon);
        case "SwapFree" -> swapFree = kib(line, colon);
        default -> {
          // a field the collector does not use
        }
      }
    }
    if (total < 0) {
      throw new IllegalArgumentException("/proc/meminfo has no MemTotal");
    }
    return new MemInfo(
        total * 1024,
        (available >= 0 ? available : freeBuffersCached) * 1024,
        swapTotal * 1024,
        swapFree * 1024);
  }

  /**
   * Parses {@code /proc/diskstats} into cumulative bytes read and written per device name ({@code
   * vda}, {@code vda1}, {@code dm-0}). Malformed lines are skipped.
   */
  static Map<String, HostReading.DeviceIo> diskStats(String text) {
    Map<String, HostReading.DeviceIo> out = new HashMap<>();
    for (String line : text.split("\n", -1)) {
      // "   8       0 sda 1 2 3 4 5 6 7 ...": major, minor, name, then the counters
      int[] name = nameAfterTwoNumbers(line);
      if (name == null) {
        continue;
      }
      long[] f = numbers(line, name[1]);
      if (f.length < 7) {
        continue;
      }
      String device = line.substring(name[0], name[1]);
      out.put(device, new HostReading.DeviceIo(device, f[2] * SECTOR_BYTES, f[6] * SECTOR_BYTES));
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
      long[] f = numbers(line, colon + 1);
      if (name.equals("lo") || f.length < 11) {
        continue; // loopback, or a header line
      }
      out.add(new HostReading.Interface(name, f[0], f[8], f[2], f[10]));
    }
    return out;
  }

  /**
   * The device names of {@code /proc/diskstats} by device number ({@link DeviceNumbers#key}), to
   * find the device a mount table's {@code major:minor} is.
   */
  static Map<Long, String> deviceNames(String diskstats) {
    Map<Long, String> out = new HashMap<>();
    for (String line : diskstats.split("\n", -1)) {
      String[] f = line.trim().split(" +", 4);
      if (f.length == 4 && isNumber(f[0]) && isNumber(f[1])) {
        out.put(DeviceNumbers.key(Long.parseLong(f[0]), Long.parseLong(f[1])), f[2]);
      }
    }
    return out;
  }

  /**
   * Parses {@code /proc/loadavg} ({@code 0.52 0.58 0.59 1/467 12345}): the 1, 5 and 15 minute load
   * averages; -1 for any that is missing or malformed.
   */
  static double[] loadAverage(String text) {
    double[] out = {-1, -1, -1};
    int from = 0;
    for (int i = 0; i < 3; i++) {
      int end = tokenEnd(text, from);
      try {
        out[i] = Double.parseDouble(text.substring(from, end));
      } catch (NumberFormatException e) {
        break; // this one and the rest stay -1: unknown
      }
      from = end + 1;
    }
    return out;
  }

  /**
   * Parses {@code /proc/uptime} ({@code 3510.98 6890.34}): whole seconds since boot.
   *
   * @throws IllegalArgumentException when the first field is no number
   */
  static long uptimeSeconds(String text) {
    String first = text.substring(0, tokenEnd(text, 0));
    try {
      return (long) Double.parseDouble(first);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("/proc/uptime does not start with a number: " + first, e);
    }
  }

  /** Where the token starting at {@code from} ends: the next space or newline, or the end. */
  private static int tokenEnd(String text, int from) {
    int i = Math.min(from, text.length());
    while (i < text.length() && text.charAt(i) != ' ' && text.charAt(i) != '\n') {
      i++;
    }
    return i;
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }

  private static long kib(String line, int colon) {
    long[] n = numbers(line, colon + 1);
    return n.length == 0 ? 0 : n[0];
  }

  /**
   * Start and end of the third space-separated token, when the first two are numbers; else null.
   */
  private static int @Nullable [] nameAfterTwoNumbers(String line) {
    int i = 0;
    int n = line.length();
    for (int token = 0; token < 2; token++) {
      while (i < n && line.charAt(i) == ' ') {
        i++;
      }
      int start = i;
      while (i < n && Character.isDigit(line.charAt(i))) {
        i++;
      }
      if (i == start || i >= n || line.charAt(i) != ' ') {
        return null;
      }
    }
    while (i < n && line.charAt(i) == ' ') {
      i++;
    }
    int start = i;
    while (i < n && line.charAt(i) != ' ') {
      i++;
    }
    return i == start ? null : new int[] {start, i};
  }

  /** The space-separated unsigned decimal numbers of {@code line} from {@code from} on. */
  private static long[] numbers(String line, int from) {
    long[] out = new long[20];
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
}

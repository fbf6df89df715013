package io.frmonitor.collect.host;

import java.util.ArrayList;
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

package io.frmonitor.collect.host;

import io.frmonitor.config.HostRootSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fixture tree laid out as a container sees the host: {@code proc/} as the host's procfs mounted
 * at {@code /host/proc}, {@code host/} as its root at {@code /host}. Counters are written by the
 * tests; the mount table uses the real device number of {@code host/}, so that {@code statvfs} and
 * the device check run for real.
 */
final class HostTree {
  final Path proc;
  final Path root;

  HostTree(Path dir) throws IOException {
    proc = Files.createDirectories(dir.resolve("proc"));
    root = Files.createDirectories(dir.resolve("host"));
  }

  HostRootSettings settings() {
    return new HostRootSettings(proc, root);
  }

  HostTree write(String file, String text) throws IOException {
    Path path = proc.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
    return this;
  }

  /** The real {@code major:minor} of the filesystem holding {@code host/}. */
  String rootDevice() throws IOException {
    long dev = (Long) Files.getAttribute(root, "unix:dev");
    long major = ((dev >> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
    long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
    return major + ":" + minor;
  }

  /** The kernel thread creator at PID 2: a procfs of the host's PID namespace. */
  HostTree hostPidNamespace() throws IOException {
    return write("2/stat", "2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 17\n");
  }

  /** CPU ticks: {@code busy} user ticks and {@code idle} idle ticks on each of two cores. */
  HostTree stat(long busy, long idle) throws IOException {
    return write(
        "stat",
        """
        cpu  %d 0 0 %d 0 0 0 0 0 0
        cpu0 %d 0 0 %d 0 0 0 0 0 0
        cpu1 %d 0 0 %d 0 0 0 0 0 0
        intr 1 2 3
        ctxt 42
        """
            .formatted(2 * busy, 2 * idle, busy, idle, busy, idle));
  }

  HostTree meminfo() throws IOException {
    return write(
        "meminfo",
        """
        MemTotal:       16000000 kB
        MemFree:         2000000 kB
        MemAvailable:   12000000 kB
        Buffers:          100000 kB
        Cached:          8000000 kB
        SwapTotal:       4000000 kB
        SwapFree:        3000000 kB
        """);
  }

  /** dm-0 ({@code rootDevice()}) has read and written these many 512-byte sectors. */
  HostTree diskstats(long sectorsRead, long sectorsWritten) throws IOException {
    String[] dev = rootDevice().split(":", -1);
    return write(
        "diskstats",
        """
           7       0 loop0 10 0 20 0 0 0 0 0 0 0 0 0 0 0 0 0 0
           8       0 sda 100 0 2000 0 50 0 4000 0 0 0 0 0 0 0 0 0 0
        %5s %7s dm-0 100 0 %d 0 50 0 %d 0 0 0 0 0 0 0 0 0 0
        """
            .formatted(dev[0], dev[1], sectorsRead, sectorsWritten));
  }

  /** The host's interfaces (PID 1's) and the container's own ({@code net/dev}). */
  HostTree network(long hostRx, long hostTx) throws IOException {
    String header =
        """
        Inter-|   Receive                                                |  Transmit
         face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets \
        errs drop fifo colls carrier compressed
        """;
    write(
        "1/net/dev",
        header
            + """
                lo: 999 9 0 0 0 0 0 0 999 9 0 0 0 0 0 0
              eno1: %d 100 3 0 0 0 0 0 %d 80 1 0 0 0 0 0
            """
                .formatted(hostRx, hostTx));
    return write("net/dev", header + "  eth0: 5000 50 0 0 0 0 0 0 7000 70 0 0 0 0 0 0\n");
  }

  HostTree loadAndUptime() throws IOException {
    write("loadavg", "0.52 1.25 2.00 3/467 12345\n");
    return write("uptime", "86400.97 170000.12\n");
  }

  /** PID {@code pid}'s mount table: {@code /} on the real device, then {@code extraLines}. */
  HostTree mountinfo(String pid, String extraLines) throws IOException {
    return write(
        pid + "/mountinfo",
        "27 1 "
            + rootDevice()
            + " / / rw,relatime shared:1 - ext4 /dev/mapper/vg-root rw\n"
            + extraLines);
  }
}

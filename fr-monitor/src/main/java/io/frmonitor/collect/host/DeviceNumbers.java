package io.frmonitor.collect.host;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Device numbers: matching a mount table's {@code major:minor} with a directory's {@code st_dev}
 * and with {@code /proc/diskstats}' device names.
 *
 * <p>Thread safety: stateless.
 */
final class DeviceNumbers {
  private DeviceNumbers() {}

  /** {@code major} and {@code minor} in one key, as {@link ProcParsers#deviceNames} keys them. */
  static long key(long major, long minor) {
    return (major << 32) | minor;
  }

  /** glibc's {@code makedev}: how {@code st_dev} encodes a major and minor number. */
  static long stDev(long major, long minor) {
    return ((major & 0xfff) << 8)
        | ((major & ~0xfffL) << 32)
        | (minor & 0xff)
        | ((minor & ~0xffL) << 12);
  }

  /**
   * The filesystem at {@code <root>/<mount point>}, when that directory is the mount table's
   * filesystem (same device number); empty when it is missing, a file, or another filesystem (the
   * host's mount did not reach fr-monitor's namespace).
   */
  static Optional<FileStore> reach(Path root, MountTable.Entry e) {
    Path dir = root.resolve(e.mountPoint().substring(1));
    try {
      if (!Files.isDirectory(dir)
          || !(Files.getAttribute(dir, "unix:dev") instanceof Long dev)
          || dev != stDev(e.major(), e.minor())) {
        return Optional.empty();
      }
      return Optional.of(Files.getFileStore(dir));
    } catch (IOException | RuntimeException ex) {
      return Optional.empty(); // permissions, or unmounted meanwhile
    }
  }

  /**
   * The {@code /proc/diskstats} name of the device holding a filesystem: by device number, or,
   * where the filesystem has an anonymous one (btrfs, zfs), by resolving its source under {@code
   * <root>/dev} ({@code /dev/mapper/vg-root} becomes {@code dm-0}); else the source itself.
   */
  static String name(MountTable.Entry e, Map<Long, String> diskstatsNames, Path root) {
    String byNumber = diskstatsNames.get(key(e.major(), e.minor()));
    if (byNumber != null) {
      return byNumber;
    }
    String source = e.source();
    if (!source.startsWith("/dev/")) {
      return source;
    }
    try {
      Path real = root.resolve(source.substring(1)).toRealPath();
      Path name = real.getFileName();
      return name == null ? source : name.toString();
    } catch (IOException | RuntimeException ex) {
      return source.substring("/dev/".length());
    }
  }
}

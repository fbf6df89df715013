package io.frmonitor.collect.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure parser of a {@code /proc/<pid>/mountinfo} and the choice of the filesystems the host
 * collector reports: the ones an operator means by "the disks", as {@code df} and node_exporter
 * show them.
 *
 * <p>Left out: pseudo and memory filesystems ({@code proc}, {@code sysfs}, {@code cgroup*}, {@code
 * tmpfs}, {@code devtmpfs}, {@code overlay}: a container's root, {@code squashfs}: snaps, …),
 * network filesystems (a hung server would hang the collection), anything mounted under {@code
 * /proc}, {@code /sys}, {@code /dev} or a container runtime's state ({@code /var/lib/docker/},
 * {@code /var/lib/containers/}, {@code /var/lib/kubelet/pods/}, {@code /run/containerd/}, {@code
 * /run/docker/}). A filesystem mounted at several places (bind mounts) is reported once, at its
 * shortest mount point, as {@code df} does.
 */
final class MountTable {
  static final Set<String> SKIPPED_TYPES =
      Set.of(
          "autofs",
          "binfmt_misc",
          "bpf",
          "cgroup",
          "cgroup2",
          "configfs",
          "debugfs",
          "devpts",
          "devtmpfs",
          "efivarfs",
          "erofs",
          "fuse.lxcfs",
          "fuse.portal",
          "fuse.gvfsd-fuse",
          "fusectl",
          "hugetlbfs",
          "mqueue",
          "nsfs",
          "overlay",
          "aufs",
          "proc",
          "pstore",
          "ramfs",
          "rpc_pipefs",
          "securityfs",
          "selinuxfs",
          "squashfs",
          "sysfs",
          "tmpfs",
          "tracefs",
          "nfsd",
          "iso9660",
          "nfs",
          "nfs4",
          "cifs",
          "smb3",
          "smbfs",
          "ceph",
          "glusterfs",
          "fuse.sshfs",
          "fuse.glusterfs",
          "fuse.cephfs",
          "fuse.s3fs",
          "fuse.rclone",
          "9p");
  private static final List<String> SKIPPED_PREFIXES =
      List.of(
          "/proc/",
          "/sys/",
          "/dev/",
          "/var/lib/docker/",
          "/var/lib/containers/",
          "/var/lib/kubelet/pods/",
          "/run/containerd/",
          "/run/docker/",
          "/run/credentials/");

  private MountTable() {}

  /**
   * One line of a mountinfo.
   *
   * @param major with {@code minor}: the device number of the filesystem ({@code st_dev})
   * @param root the directory of the filesystem mounted here ({@code /} unless a bind mount)
   * @param mountPoint where it is mounted, in the mount namespace of the table's process
   * @param source the mounted device ({@code /dev/vda1}) or a name ({@code tmpfs})
   */
  record Entry(
      int major, int minor, String root, String mountPoint, String fsType, String source) {}

  /**
   * Parses {@code /proc/<pid>/mountinfo} ({@code 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3
   * /dev/root rw}); malformed lines are skipped, octal escapes ({@code \040}) decoded.
   */
  static List<Entry> parse(String text) {
    List<Entry> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String[] f = line.split(" ", -1);
      int dash = separator(f);
      int colon = f.length > 2 ? f[2].indexOf(':') : -1;
      if (dash < 6 || f.length < dash + 3 || colon < 1) {
        continue;
      }
      try {
        out.add(
            new Entry(
                Integer.parseInt(f[2], 0, colon, 10),
                Integer.parseInt(f[2], colon + 1, f[2].length(), 10),
                unescape(f[3]),
                unescape(f[4]),
                f[dash + 1],
                unescape(f[dash + 2])));
      } catch (NumberFormatException e) {
        // not a mountinfo line
      }
    }
    return out;
  }

  /** Index of the {@code -} that ends the optional fields (after the six fixed ones); else -1. */
  private static int separator(String[] fields) {
    for (int i = 6; i < fields.length; i++) {
      if (fields[i].equals("-")) {
        return i;
      }
    }
    return -1;
  }

  /** The filesystems worth reporting, one per device, in the table's order. */
  static List<Entry> disks(List<Entry> table) {
    Map<Long, Entry> byDevice = new LinkedHashMap<>();
    for (Entry e : table) {
      if (reported(e)) {
        byDevice.merge(
            ((long) e.major() << 32) | e.minor(), e, (a, b) -> SHORTER.compare(a, b) <= 0 ? a : b);
      }
    }
    return List.copyOf(byDevice.values());
  }

  private static final Comparator<Entry> SHORTER =
      Comparator.comparingInt((Entry e) -> e.mountPoint().length())
          .thenComparing(Entry::mountPoint);

  static boolean reported(Entry e) {
    if (SKIPPED_TYPES.contains(e.fsType())) {
      return false;
    }
    // what lies below these; the directories themselves may be disks (/var/lib/docker often is)
    String dir = e.mountPoint();
    return dir.startsWith("/") && SKIPPED_PREFIXES.stream().noneMatch(dir::startsWith);
  }

  /** Decodes the kernel's {@code \ooo} escapes of space, tab, newline and backslash. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length() && isOctal(s, i + 1)) {
        b.append((char) Integer.parseInt(s, i + 1, i + 4, 8));
        i += 3;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isOctal(String s, int from) {
    for (int i = from; i < from + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }
}

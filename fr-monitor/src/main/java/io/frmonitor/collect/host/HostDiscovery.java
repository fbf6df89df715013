package io.frmonitor.collect.host;

import io.frmonitor.config.HostRootSettings;
import io.frmonitor.model.HostView;
import io.frmonitor.model.HostView.Scope;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds, every few minutes, what the host collector reads: whose network and mount table the
 * configured procfs shows, and which of the host's filesystems are reachable under the configured
 * root.
 *
 * <p>The procfs belongs to the host's PID namespace when the kernel thread {@code kthreadd} is its
 * PID 2 (kernel threads live only there). Then {@code <proc>/1} is the host's init, and its {@code
 * net/dev} and {@code mountinfo} are the host's network and mount table, whatever namespaces
 * fr-monitor itself runs in. Otherwise {@code <proc>/1} is a container's own init, and only
 * fr-monitor's own namespaces can be read: the view says so. A mount point counts as reached when
 * {@code <root>/<mount point>} has the device number the mount table gives it.
 *
 * <p>Thread safety: stateless; called from the poller's thread.
 */
final class HostDiscovery {
  private static final int LISTED_UNREACHABLE = 5;

  private HostDiscovery() {}

  /** A filesystem to size at each collection. */
  record MountPoint(String mount, String device, FileStore store) {}

  /** What the collector reads until the next discovery. */
  record Found(HostView view, Path netDev, List<MountPoint> mounts) {
    Found {
      mounts = List.copyOf(mounts);
    }
  }

  /**
   * Looks at the procfs and root once.
   *
   * @throws IOException when {@code diskstats} or the chosen mount table cannot be read
   */
  static Found discover(HostRootSettings host) throws IOException {
    Path proc = host.proc();
    boolean hostPid = hostPidNamespace(proc);
    Path hostNet = proc.resolve("1/net/dev");
    boolean hostNetwork = hostPid && Files.isReadable(hostNet);
    Path hostTable = proc.resolve("1/mountinfo");
    boolean hostMounts = hostPid && Files.isReadable(hostTable);
    List<String> unreachable = new ArrayList<>();
    List<MountPoint> mounts =
        mounts(host, hostMounts ? hostTable : proc.resolve("self/mountinfo"), unreachable);
    HostView view =
        new HostView(
            proc.toString(),
            host.root().toString(),
            hostNetwork ? Scope.HOST : Scope.MONITOR,
            hostMounts ? Scope.HOST : Scope.MONITOR,
            reason(proc, host.root(), hostPid, hostNetwork, hostMounts, unreachable));
    return new Found(view, hostNetwork ? hostNet : proc.resolve("net/dev"), mounts);
  }

  /**
   * The disks of {@code table} reached under the root; the others' mount points go to {@code
   * unreached}.
   */
  private static List<MountPoint> mounts(HostRootSettings host, Path table, List<String> unreached)
      throws IOException {
    Map<Long, String> names =
        ProcParsers.deviceNames(ProcFiles.read(host.proc().resolve("diskstats")));
    List<MountPoint> mounts = new ArrayList<>();
    for (MountTable.Entry e : MountTable.disks(MountTable.parse(ProcFiles.read(table)))) {
      Optional<FileStore> store = DeviceNumbers.reach(host.root(), e);
      if (store.isPresent()) {
        mounts.add(
            new MountPoint(e.mountPoint(), DeviceNumbers.name(e, names, host.root()), store.get()));
      } else {
        unreached.add(e.mountPoint());
      }
    }
    return mounts;
  }

  /** Whether {@code proc} is a procfs of the host's PID namespace: PID 2 is {@code kthreadd}. */
  static boolean hostPidNamespace(Path proc) {
    try {
      String stat = ProcFiles.read(proc.resolve("2/stat"));
      // "2 (kthreadd) S 0 ...": the kernel's thread creator, whose parent is PID 0
      return stat.startsWith("2 (kthreadd) ") && stat.startsWith("0 ", stat.indexOf(") ") + 4);
    } catch (IOException e) {
      return false; // no PID 2 here: a container's PID namespace, or a procfs with hidepid
    }
  }

  private static Optional<String> reason(
      Path proc,
      Path root,
      boolean hostPid,
      boolean hostNetwork,
      boolean hostMounts,
      List<String> unreachable) {
    List<String> parts = new ArrayList<>();
    if (!hostPid) {
      parts.add(
          proc
              + " does not show the host's processes (no kernel thread at PID 2: a container's"
              + " own procfs, or one mounted with hidepid), so network interfaces and filesystems"
              + " are fr-monitor's own namespace's, the host's only if it shares them; mount the"
              + " host's /proc and set MONITORING_HOST_PROC, or run with pid: host");
    } else {
      if (!hostNetwork) {
        parts.add(notReadable(proc.resolve("1/net/dev"), "network interfaces"));
      }
      if (!hostMounts) {
        parts.add(notReadable(proc.resolve("1/mountinfo"), "filesystems"));
      }
    }
    if (!unreachable.isEmpty()) {
      parts.add(unreachableReason(root, unreachable));
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }

  private static String notReadable(Path file, String what) {
    return file + " is not readable, so " + what + " are fr-monitor's own namespace's";
  }

  private static String unreachableReason(Path root, List<String> unreachable) {
    String listed =
        String.join(", ", unreachable.subList(0, Math.min(LISTED_UNREACHABLE, unreachable.size())));
    int more = unreachable.size() - LISTED_UNREACHABLE;
    return "filesystems not found under "
        + root
        + " (no such directory, or another filesystem there): "
        + listed
        + (more > 0 ? " and " + more + " more" : "")
        + "; mount the host's / there (read-only, rslave) and set MONITORING_HOST_ROOT";
  }
}

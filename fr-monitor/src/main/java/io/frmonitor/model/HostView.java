package io.frmonitor.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Whose machine a {@link HostSnapshot} describes. CPU, memory, swap, disk IO, load and uptime come
 * from kernel-wide files and are always the host's; network interfaces and mounted filesystems
 * belong to a namespace, and are the host's only when read through the host's PID 1.
 *
 * @param proc the procfs read ({@code MONITORING_HOST_PROC})
 * @param root where mount points were looked up ({@code MONITORING_HOST_ROOT})
 * @param network whose network interfaces {@code network} lists
 * @param filesystems whose mount table {@code disks} comes from
 * @param reason why a part is not the host's, or which filesystems could not be reached; empty when
 *     everything is the host's
 */
public record HostView(
    String proc, String root, Scope network, Scope filesystems, Optional<String> reason) {
  /** Whose namespace a part was read in. */
  public enum Scope {
    /** The host's: its PID 1's namespace, seen through a procfs of the host's PID namespace. */
    HOST,
    /**
     * fr-monitor's own namespace; the host's too when fr-monitor shares it (outside a container, or
     * {@code network_mode: host}), which the collector cannot tell.
     */
    MONITOR;

    /** The name the outputs use: {@code host} or {@code monitor}. */
    public String label() {
      return this == HOST ? "host" : "monitor";
    }
  }

  public HostView {
    Objects.requireNonNull(reason);
  }

  /** The host's everything, read from this machine's {@code /proc} and {@code /}. */
  public static final HostView LOCAL =
      new HostView("/proc", "/", Scope.HOST, Scope.HOST, Optional.empty());
}

package io.frmonitor.family.system;

import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.DiskUsage;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.model.NetworkStats;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code fr_system_*} metrics and {@code fr_monitor_uptime_seconds}. */
final class SystemSamples {
  private static final String[] LOAD_WINDOWS = {"1m", "5m", "15m"};

  static final MetricDef CPU =
      MetricDef.gauge("fr_system_cpu_ratio", "Busy share of all CPUs (0-1).");
  static final MetricDef CORE =
      MetricDef.gauge("fr_system_cpu_core_ratio", "Busy share of one logical CPU (0-1).", "core");
  static final MetricDef LOAD =
      MetricDef.gauge("fr_system_load_average", "System load average.", "window");
  static final MetricDef CPUS = MetricDef.gauge("fr_system_logical_cpus", "Logical CPUs.");
  static final MetricDef MEM_TOTAL =
      MetricDef.gauge("fr_system_memory_total_bytes", "Physical memory.");
  static final MetricDef MEM_USED =
      MetricDef.gauge(
          "fr_system_memory_used_bytes", "Physical memory in use (total minus available).");
  static final MetricDef MEM_USED_RATIO =
      MetricDef.gauge(
          "fr_system_memory_used_ratio", "Physical memory in use ÷ physical memory (0-1).");
  static final MetricDef SWAP_TOTAL = MetricDef.gauge("fr_system_swap_total_bytes", "Swap space.");
  static final MetricDef SWAP_USED =
      MetricDef.gauge("fr_system_swap_used_bytes", "Swap space in use.");
  static final MetricDef FS_SIZE =
      MetricDef.gauge(
          "fr_system_filesystem_size_bytes", "Size of a mounted filesystem.", "mount", "device");
  static final MetricDef FS_USED =
      MetricDef.gauge(
          "fr_system_filesystem_used_bytes",
          "Bytes used on a mounted filesystem.",
          "mount",
          "device");
  static final MetricDef FS_USED_RATIO =
      MetricDef.gauge(
          "fr_system_filesystem_used_ratio",
          "Used share of a filesystem as df computes it (0-1).",
          "mount",
          "device");
  static final MetricDef DISK_READ =
      MetricDef.counter("fr_system_disk_read_bytes", "Bytes read from a block device.", "device");
  static final MetricDef DISK_WRITTEN =
      MetricDef.counter(
          "fr_system_disk_written_bytes", "Bytes written to a block device.", "device");
  static final MetricDef NET_RX =
      MetricDef.counter("fr_system_network_receive_bytes", "Bytes received.", "interface");
  static final MetricDef NET_TX =
      MetricDef.counter("fr_system_network_transmit_bytes", "Bytes sent.", "interface");
  static final MetricDef NET_RX_ERRORS =
      MetricDef.counter("fr_system_network_receive_errors", "Receive errors.", "interface");
  static final MetricDef NET_TX_ERRORS =
      MetricDef.counter("fr_system_network_transmit_errors", "Transmit errors.", "interface");
  static final MetricDef UPTIME =
      MetricDef.gauge("fr_system_uptime_seconds", "Time since the host booted.");
  static final MetricDef VIEW =
      MetricDef.gauge(
          "fr_system_view_info",
          "Whose network interfaces and filesystems the fr_system_* metrics show: host, or monitor"
              + " (fr-monitor's own namespace's) (always 1).",
          "network",
          "filesystems");
  static final MetricDef MONITOR_UPTIME =
      MetricDef.gauge("fr_monitor_uptime_seconds", "Time since fr-monitor started.");

  static final List<MetricDef> METRICS =
      List.of(
          CPU,
          CORE,
          LOAD,
          CPUS,
          MEM_TOTAL,
          MEM_USED,
          MEM_USED_RATIO,
          SWAP_TOTAL,
          SWAP_USED,
          FS_SIZE,
          FS_USED,
          FS_USED_RATIO,
          DISK_READ,
          DISK_WRITTEN,
          NET_RX,
          NET_TX,
          NET_RX_ERRORS,
          NET_TX_ERRORS,
          UPTIME,
          VIEW,
          MONITOR_UPTIME);

  private SystemSamples() {}

  static void write(HostSnapshot s, SampleWriter out) {
    s.cpuPercent().ifPresent(v -> out.value(CPU, v / 100));
    List<Double> cores = s.perCorePercent();
    for (int i = 0; i < cores.size(); i++) {
      out.value(CORE, cores.get(i) / 100, Integer.toString(i));
    }
    for (int i = 0; i < s.loadAverage().size() && i < LOAD_WINDOWS.length; i++) {
      out.value(LOAD, s.loadAverage().get(i), LOAD_WINDOWS[i]);
    }
    out.value(CPUS, s.cpuCount());
    out.value(MEM_TOTAL, s.memTotalBytes());
    out.value(MEM_USED, s.memUsedBytes());
    s.memPercent().ifPresent(p -> out.value(MEM_USED_RATIO, p / 100));
    out.value(SWAP_TOTAL, s.swapTotalBytes());
    out.value(SWAP_USED, s.swapUsedBytes());
    Set<String> devicesSeen = new HashSet<>();
    for (DiskUsage d : s.disks()) {
      filesystem(d, out);
      // a device holding several mounts is counted once
      if (devicesSeen.add(d.device())) {
        out.value(DISK_READ, d.readBytesTotal(), d.device());
        out.value(DISK_WRITTEN, d.writeBytesTotal(), d.device());
      }
    }
    s.network().forEach(n -> network(n, out));
    out.value(UPTIME, s.uptimeSeconds());
    out.value(VIEW, 1.0, s.view().network().label(), s.view().filesystems().label());
    out.value(MONITOR_UPTIME, s.monitorUptimeSeconds());
  }

  private static void filesystem(DiskUsage d, SampleWriter out) {
    out.value(FS_SIZE, d.totalBytes(), d.mount(), d.device());
    out.value(FS_USED, d.usedBytes(), d.mount(), d.device());
    out.value(FS_USED_RATIO, d.percent() / 100, d.mount(), d.device());
  }

  private static void network(NetworkStats n, SampleWriter out) {
    out.value(NET_RX, n.rxBytesTotal(), n.name());
    out.value(NET_TX, n.txBytesTotal(), n.name());
    out.value(NET_RX_ERRORS, n.rxErrors(), n.name());
    out.value(NET_TX_ERRORS, n.txErrors(), n.name());
  }
}

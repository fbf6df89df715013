package io.frmonitor.collect.host;

import io.frmonitor.collect.PollOutcome;
import io.frmonitor.collect.Poller;
import io.frmonitor.model.DiskUsage;
import io.frmonitor.model.Families;
import io.frmonitor.model.Family;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.model.NetworkStats;
import io.frmonitor.registry.MetricSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The host collector: CPU, load, memory, swap, filesystems, disk IO and network, published as the
 * {@code system} family.
 *
 * <p>Thread safety: confined to its runner's thread.
 */
public final class HostPoller implements Poller {
  private final Supplier<HostReading> source;
  private final Clock clock;
  private final Instant monitorStart;
  private HostReading previous;

  /** A poller over OSHI; {@code monitorStart} is when this process started. */
  public static HostPoller create(Clock clock, Instant monitorStart) {
    OshiHostSource[] oshi = new OshiHostSource[1];
    Supplier<HostReading> lazy =
        () -> {
          if (oshi[0] == null) {
            oshi[0] = new OshiHostSource(clock); // first poll, on the poller's thread
          }
          return oshi[0].read();
        };
    return new HostPoller(lazy, clock, monitorStart);
  }

  HostPoller(Supplier<HostReading> source, Clock clock, Instant monitorStart) {
    this.source = source;
    this.clock = clock;
    this.monitorStart = monitorStart;
  }

  @Override
  public String name() {
    return "host";
  }

  @Override
  public Set<Family<?>> families() {
    return Set.of(Families.SYSTEM);
  }

  @Override
  public PollOutcome poll(MetricSink sink) {
    HostReading reading = source.get();
    long monitorUptime = Duration.between(monitorStart, clock.instant()).toSeconds();
    HostSnapshot snapshot = HostSnapshotBuilder.build(reading, previous, monitorUptime);
    previous = reading;
    sink.publish(Families.SYSTEM, snapshot, series(snapshot));
    return PollOutcome.ok();
  }

  /** The numeric series kept in history; names are documented in docs/metrics.md. */
  static Map<String, Double> series(HostSnapshot s) {
    Map<String, Double> out = new LinkedHashMap<>();
    put(out, "system.cpu_percent", s.cpuPercent());
    List<Double> cores = s.perCorePercent();
    for (int i = 0; i < cores.size(); i++) {
      out.put("system.core_percent:" + i, cores.get(i));
    }
    String[] periods = {"1m", "5m", "15m"};
    for (int i = 0; i < s.loadAverage().size() && i < periods.length; i++) {
      put(out, "system.load_average:" + periods[i], s.loadAverage().get(i));
    }
    out.put("system.mem_percent", s.memPercent());
    out.put("system.mem_used_bytes", (double) s.memUsedBytes());
    out.put("system.swap_used_bytes", (double) s.swapUsedBytes());
    put(out, "system.disk_percent", s.rootDiskPercent());
    for (DiskUsage d : s.disks()) {
      out.put("system.disk_used_percent:" + d.mount(), d.percent());
      put(out, "system.disk_read_bytes_per_sec:" + d.mount(), d.readBytesPerSec());
      put(out, "system.disk_write_bytes_per_sec:" + d.mount(), d.writeBytesPerSec());
    }
    for (NetworkStats n : s.network()) {
      put(out, "system.network_rx_bytes_per_sec:" + n.name(), n.rxBytesPerSec());
      put(out, "system.network_tx_bytes_per_sec:" + n.name(), n.txBytesPerSec());
    }
    return out;
  }

  private static void put(Map<String, Double> out, String name, OptionalDouble value) {
    if (value.isPresent()) {
      out.put(name, value.getAsDouble());
    }
  }
}

package io.frmonitor.collect.host;

import io.frmonitor.model.DiskUsage;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.model.NetworkStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Turns two consecutive {@link HostReading}s into a {@link HostSnapshot}: CPU percentages from tick
 * deltas, byte rates from counter deltas. Pure; counter resets and the first reading give empty
 * values, never zero or negative ones.
 */
public final class HostSnapshotBuilder {
  private static final int IDLE = 3;
  private static final int IOWAIT = 4;

  private HostSnapshotBuilder() {}

  /**
   * Builds the snapshot for {@code current}.
   *
   * @param previous the reading before {@code current}, or null for the first one
   */
  public static HostSnapshot build(
      HostReading current, @Nullable HostReading previous, long monitorUptimeSeconds) {
    double seconds =
        previous == null ? 0 : (current.monotonicNanos() - previous.monotonicNanos()) / 1e9;
    // the reading rates are taken from: none for the first one or when no time elapsed
    HostReading base = previous != null && seconds > 0 ? previous : null;
    List<Double> perCore = new ArrayList<>();
    if (base != null && base.perCoreTicks().length == current.perCoreTicks().length) {
      for (int i = 0; i < current.perCoreTicks().length; i++) {
        busyPercent(base.perCoreTicks()[i], current.perCoreTicks()[i]).ifPresent(perCore::add);
      }
    }
    return new HostSnapshot(
        base != null ? busyPercent(base.cpuTicks(), current.cpuTicks()) : OptionalDouble.empty(),
        perCore.size() == current.perCoreTicks().length ? perCore : List.of(),
        loadAverages(current.load()),
        current.perCoreTicks().length,
        current.memTotalBytes(),
        current.memTotalBytes() - current.memAvailableBytes(),
        current.swapTotalBytes(),
        current.swapUsedBytes(),
        rootPercent(current.mounts()),
        disks(current, base, seconds),
        network(current, base, seconds),
        current.uptimeSeconds(),
        monitorUptimeSeconds,
        current.view());
  }

  /** Busy share of the ticks between two readings, 0-100; empty when no tick elapsed. */
  static OptionalDouble busyPercent(long[] before, long[] after) {
    long total = 0;
    long idle = 0;
    for (int i = 0; i < after.length && i < before.length; i++) {
      long delta = after[i] - before[i];
      if (delta < 0) {
        return OptionalDouble.empty();
      }
      total += delta;
      if (i == IDLE || i == IOWAIT) {
        idle += delta;
      }
    }
    if (total == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(100.0 * (total - idle) / total);
  }

  private static List<OptionalDouble> loadAverages(double[] load) {
    List<OptionalDouble> out = new ArrayList<>(load.length);
    for (double l : load) {
      out.add(l < 0 || !Double.isFinite(l) ? OptionalDouble.empty() : OptionalDouble.of(l));
    }
    return out;
  }

  /** {@code df}'s percentage: used / (used + available to unprivileged users). */
  static double usedPercent(HostReading.Mount m) {
    long used = m.totalBytes() - m.freeBytes();
    long denominator = used + m.availableBytes();
    return denominator <= 0 ? 0 : 100.0 * used / denominator;
  }

  private static OptionalDouble rootPercent(List<HostReading.Mount> mounts) {
    return mounts.stream()
        .filter(m -> m.mountPoint().equals("/"))
        .mapToDouble(HostSnapshotBuilder::usedPercent)
        .findFirst();
  }

  private static List<DiskUsage> disks(
      HostReading current, @Nullable HostReading previous, double seconds) {
    Map<String, HostReading.DeviceIo> now = byDevice(current.devices());
    Map<String, HostReading.DeviceIo> before =
        previous == null ? Map.of() : byDevice(previous.devices());
    List<DiskUsage> out = new ArrayList<>(current.mounts().size());
    for (HostReading.Mount m : current.mounts()) {
      HostReading.DeviceIo io = now.get(m.device());
      HostReading.DeviceIo old = before.get(m.device());
      out.add(
          new DiskUsage(
              m.mountPoint(),
              m.device(),
              m.totalBytes(),
              m.totalBytes() - m.freeBytes(),
              usedPercent(m),
              io == null || old == null
                  ? OptionalDouble.empty()
                  : rate(old.readBytes(), io.readBytes(), seconds),
              io == null || old == null
                  ? OptionalDouble.empty()
                  : rate(old.writeBytes(), io.writeBytes(), seconds),
              io == null ? OptionalLong.empty() : OptionalLong.of(io.readBytes()),
              io == null ? OptionalLong.empty() : OptionalLong.of(io.writeBytes())));
    }
    return out;
  }

  private static List<NetworkStats> network(
      HostReading current, @Nullable HostReading previous, double seconds) {
    Map<String, HostReading.Interface> before = new HashMap<>();
    if (previous != null) {
      previous.interfaces().forEach(i -> before.put(i.name(), i));
    }
    List<NetworkStats> out = new ArrayList<>(current.interfaces().size());
    for (HostReading.Interface i : current.interfaces()) {
      HostReading.Interface old = before.get(i.name());
      out.add(
          new NetworkStats(
              i.name(),
              old == null ? OptionalDouble.empty() : rate(old.rxBytes(), i.rxBytes(), seconds),
              old == null ? OptionalDouble.empty() : rate(old.txBytes(), i.txBytes(), seconds),
              i.rxBytes(),
              i.txBytes(),
              i.rxErrors(),
              i.txErrors()));
    }
    return out;
  }

  /** Per-second rate of a cumulative counter; empty when it went backwards (reset). */
  static OptionalDouble rate(long before, long after, double seconds) {
    if (after < before || seconds <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((after - before) / seconds);
  }

  private static Map<String, HostReading.DeviceIo> byDevice(List<HostReading.DeviceIo> devices) {
    Map<String, HostReading.DeviceIo> map = new HashMap<>();
    devices.forEach(d -> map.put(d.device(), d));
    return map;
  }
}

package io.frmonitor.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.frmonitor.model.DiskUsage;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.model.NetworkStats;
import io.frmonitor.registry.Latest;
import java.util.List;
import java.util.Optional;

/** {@code GET /metrics/system}. Every reading is null (not zero) before the first collection. */
record SystemDto(
    Long timestamp,
    boolean stale,
    Double cpuPercent,
    List<Double> perCorePercent,
    List<Double> loadAverage,
    Integer cpuCount,
    Double memPercent,
    Long memTotalBytes,
    Long memUsedBytes,
    Long swapTotalBytes,
    Long swapUsedBytes,
    Double diskPercent,
    List<Disk> disks,
    List<Network> network,
    Long uptimeSeconds,
    Long podUptimeSeconds,
    @JsonInclude(JsonInclude.Include.NON_NULL) WindowDto window) {

  record Disk(
      String mount,
      String device,
      long totalBytes,
      long usedBytes,
      double percent,
      Double readBytesPerSec,
      Double writeBytesPerSec) {}

  record Network(
      @JsonProperty("interface") String interfaceName,
      Double rxBytesPerSec,
      Double txBytesPerSec,
      long rxErrors,
      long txErrors) {}

  static SystemDto of(Optional<Latest<HostSnapshot>> latest, WindowDto window) {
    if (latest.isEmpty()) {
      return new SystemDto(
          null, true, null, List.of(), List.of(), null, null, null, null, null, null, null,
          List.of(), List.of(), null, null, window);
    }
    HostSnapshot s = latest.get().value();
    return new SystemDto(
        latest.get().collectedAt().toEpochMilli(),
        latest.get().stale(),
        Json.orNull(s.cpuPercent()),
        s.perCorePercent(),
        s.loadAverage().stream().map(Json::orNull).toList(),
        s.cpuCount(),
        s.memPercent(),
        s.memTotalBytes(),
        s.memUsedBytes(),
        s.swapTotalBytes(),
        s.swapUsedBytes(),
        Json.orNull(s.rootDiskPercent()),
        s.disks().stream().map(SystemDto::disk).toList(),
        s.network().stream().map(SystemDto::network).toList(),
        s.uptimeSeconds(),
        s.monitorUptimeSeconds(),
        window);
  }

  private static Disk disk(DiskUsage d) {
    return new Disk(
        d.mount(),
        d.device(),
        d.totalBytes(),
        d.usedBytes(),
        d.percent(),
        Json.orNull(d.readBytesPerSec()),
        Json.orNull(d.writeBytesPerSec()));
  }

  private static Network network(NetworkStats n) {
    return new Network(
        n.name(),
        Json.orNull(n.rxBytesPerSec()),
        Json.orNull(n.txBytesPerSec()),
        n.rxErrors(),
        n.txErrors());
  }
}

package io.frmonitor.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.GpuDevice;
import io.frmonitor.model.GpuProcess;
import io.frmonitor.model.GpuSnapshot;
import io.frmonitor.model.Health;
import io.frmonitor.registry.Latest;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /metrics/gpu}. {@code status} is the GPU collector's health; {@code reason} says why
 * it is disabled or failing (null when fine).
 */
record GpuDto(
    Long timestamp,
    boolean stale,
    String status,
    String reason,
    String source,
    List<Device> gpus,
    @JsonInclude(JsonInclude.Include.NON_NULL) WindowDto window) {

  record Device(
      int index,
      String uuid,
      String name,
      Double utilizationPercent,
      Long memoryUsedBytes,
      Long memoryTotalBytes,
      Double temperatureCelsius,
      Double powerWatts,
      Double powerLimitWatts,
      List<GpuProc> processes) {}

  record GpuProc(long pid, Long usedMemoryBytes) {}

  static GpuDto of(
      Optional<Latest<GpuSnapshot>> latest, Optional<CollectorStatus> status, WindowDto window) {
    Health health = status.map(CollectorStatus::health).orElse(Health.PENDING);
    String reason =
        health == Health.OK ? null : status.flatMap(CollectorStatus::lastError).orElse(null);
    if (latest.isEmpty()) {
      return new GpuDto(null, true, health.label(), reason, null, List.of(), window);
    }
    GpuSnapshot s = latest.get().value();
    return new GpuDto(
        latest.get().collectedAt().toEpochMilli(),
        latest.get().stale(),
        health.label(),
        reason,
        s.source(),
        s.devices().stream().map(GpuDto::device).toList(),
        window);
  }

  private static Device device(GpuDevice d) {
    return new Device(
        d.index(),
        d.uuid(),
        d.name(),
        Json.orNull(d.utilizationPercent()),
        Json.orNull(d.memoryUsedBytes()),
        Json.orNull(d.memoryTotalBytes()),
        Json.orNull(d.temperatureCelsius()),
        Json.orNull(d.powerWatts()),
        Json.orNull(d.powerLimitWatts()),
        d.processes().stream().map(GpuDto::process).toList());
  }

  private static GpuProc process(GpuProcess p) {
    return new GpuProc(p.pid(), Json.orNull(p.usedMemoryBytes()));
  }
}

package io.frmonitor.family.gpu;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.family.Nullables;
import io.frmonitor.family.WindowDto;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.GpuDevice;
import io.frmonitor.model.GpuProcess;
import io.frmonitor.model.GpuSnapshot;
import io.frmonitor.model.Health;
import io.frmonitor.registry.Latest;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /metrics/gpu}. {@code status} is the GPU collector's health; {@code reason} says why
 * it is disabled or failing (null when fine).
 */
public record GpuDto(
    @Nullable Long timestamp,
    boolean stale,
    @JsonPropertyDescription("The GPU collector's health: pending, ok, degraded, down or disabled")
        String status,
    @JsonPropertyDescription("Why the collector is disabled or failing; null when fine")
        @Nullable String reason,
    @JsonPropertyDescription("nvml or nvidia-smi") @Nullable String source,
    List<Device> gpus,
    @JsonPropertyDescription("Present only when `window` was given")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable WindowDto window) {

  public record Device(
      int index,
      String uuid,
      String name,
      @Nullable Double utilizationPercent,
      @Nullable Long memoryUsedBytes,
      @Nullable Long memoryTotalBytes,
      @Nullable Double temperatureCelsius,
      @Nullable Double powerWatts,
      @Nullable Double powerLimitWatts,
      List<GpuProc> processes) {}

  public record GpuProc(long pid, @Nullable Long usedMemoryBytes) {}

  static GpuDto of(
      Optional<Latest<GpuSnapshot>> latest,
      Optional<CollectorStatus> status,
      @Nullable WindowDto window) {
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
        Nullables.of(d.utilizationPercent()),
        Nullables.of(d.memoryUsedBytes()),
        Nullables.of(d.memoryTotalBytes()),
        Nullables.of(d.temperatureCelsius()),
        Nullables.of(d.powerWatts()),
        Nullables.of(d.powerLimitWatts()),
        d.processes().stream().map(GpuDto::process).toList());
  }

  private static GpuProc process(GpuProcess p) {
    return new GpuProc(p.pid(), Nullables.of(p.usedMemoryBytes()));
  }
}

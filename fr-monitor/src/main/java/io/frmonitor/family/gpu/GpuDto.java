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
import io.frmonitor.model.ProcessAttribution;
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

  public record GpuProc(
      long pid,
      @Nullable Long usedMemoryBytes,
      @JsonPropertyDescription(
              "The pipeline worker that holds this memory, read from the process's environment"
                  + " and cgroup in the host's /proc; null when they cannot be read"
                  + " (attribution_reason says why)")
          @Nullable Owner attribution,
      @JsonPropertyDescription("Why attribution is null; null when it is given")
          @Nullable String attributionReason) {}

  /**
   * Whom a GPU process belongs to. Each field is null when the process's environment (or its
   * cgroup, for the container) does not give it: a process without {@code PIPELINE_ID} belongs to
   * no pipeline.
   */
  public record Owner(
      @JsonPropertyDescription("PIPELINE_ID from the process's environment")
          @Nullable String pipelineId,
      @JsonPropertyDescription("SERVICE_TYPE from the process's environment")
          @Nullable String serviceType,
      @JsonPropertyDescription("NAMESPACE from the process's environment (the server's name)")
          @Nullable String namespace,
      @JsonPropertyDescription(
              "HOSTNAME from the process's environment: in a Docker container its short id,"
                  + " unless the service sets hostname")
          @Nullable String hostname,
      @JsonPropertyDescription(
              "The container's full id from the process's cgroup; null for a host process")
          @Nullable String containerId,
      @JsonPropertyDescription("docker, podman, containerd, cri-o or kubernetes")
          @Nullable String containerRuntime) {}

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
    @Nullable Long used = Nullables.of(p.usedMemoryBytes());
    if (p.attribution() instanceof ProcessAttribution.Known k) {
      return new GpuProc(p.pid(), used, owner(k), null);
    }
    return new GpuProc(
        p.pid(), used, null, ((ProcessAttribution.Unknown) p.attribution()).reason());
  }

  private static Owner owner(ProcessAttribution.Known k) {
    return new Owner(
        Nullables.of(k.pipelineId()),
        Nullables.of(k.serviceType()),
        Nullables.of(k.namespace()),
        Nullables.of(k.hostname()),
        Nullables.of(k.container().map(ProcessAttribution.Container::id)),
        Nullables.of(k.container().map(ProcessAttribution.Container::runtime)));
  }
}

package io.frmonitor.family.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.family.Nullables;
import io.frmonitor.family.WindowDto;
import io.frmonitor.model.DiskUsage;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.model.HostView;
import io.frmonitor.model.NetworkStats;
import io.frmonitor.registry.Latest;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code GET /metrics/system}. Every reading is null (not zero) before the first collection. */
public record SystemDto(
    @Nullable Long timestamp,
    boolean stale,
    @Nullable Double cpuPercent,
    List<Double> perCorePercent,
    @JsonPropertyDescription("1, 5 and 15 minutes") List<@Nullable Double> loadAverage,
    @Nullable Integer cpuCount,
    @Nullable Double memPercent,
    @Nullable Long memTotalBytes,
    @Nullable Long memUsedBytes,
    @Nullable Long swapTotalBytes,
    @Nullable Long swapUsedBytes,
    @JsonPropertyDescription("Of the filesystem mounted at /") @Nullable Double diskPercent,
    List<Disk> disks,
    List<Network> network,
    @JsonPropertyDescription("Time since the host booted") @Nullable Long uptimeSeconds,
    @JsonPropertyDescription("Time since fr-monitor started") @Nullable Long monitorUptimeSeconds,
    @JsonPropertyDescription(
            "Whose network interfaces and filesystems these are: the host's, or only fr-monitor's"
                + " own namespace's (then with the reason)")
        @Nullable View view,
    @JsonPropertyDescription("Present only when `window` was given")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable WindowDto window) {

  public record Disk(
      String mount,
      String device,
      long totalBytes,
      long usedBytes,
      double percent,
      @Nullable Double readBytesPerSec,
      @Nullable Double writeBytesPerSec) {}

  /** {@link HostView}: where the host was read and whose namespaces it shows. */
  public record View(
      String proc,
      String root,
      @JsonPropertyDescription("host or monitor") String network,
      @JsonPropertyDescription("host or monitor") String filesystems,
      @Nullable String reason) {
    static View of(HostView v) {
      return new View(
          v.proc(),
          v.root(),
          v.network().label(),
          v.filesystems().label(),
          v.reason().orElse(null));
    }
  }

  public record Network(
      @JsonProperty("interface") String interfaceName,
      @Nullable Double rxBytesPerSec,
      @Nullable Double txBytesPerSec,
      long rxErrors,
      long txErrors) {}

  static SystemDto of(Optional<Latest<HostSnapshot>> latest, @Nullable WindowDto window) {
    if (latest.isEmpty()) {
      return new SystemDto(
          null, true, null, List.of(), List.of(), null, null, null, null, null, null, null,
          List.of(), List.of(), null, null, null, window);
    }
    HostSnapshot s = latest.get().value();
    return new SystemDto(
        latest.get().collectedAt().toEpochMilli(),
        latest.get().stale(),
        Nullables.of(s.cpuPercent()),
        s.perCorePercent(),
        s.loadAverage().stream().map(Nullables::of).toList(),
        s.cpuCount(),
        Nullables.of(s.memPercent()),
        s.memTotalBytes(),
        s.memUsedBytes(),
        s.swapTotalBytes(),
        s.swapUsedBytes(),
        Nullables.of(s.rootDiskPercent()),
        s.disks().stream().map(SystemDto::disk).toList(),
        s.network().stream().map(SystemDto::network).toList(),
        s.uptimeSeconds(),
        s.monitorUptimeSeconds(),
        View.of(s.view()),
        window);
  }

  private static Disk disk(DiskUsage d) {
    return new Disk(
        d.mount(),
        d.device(),
        d.totalBytes(),
        d.usedBytes(),
        d.percent(),
        Nullables.of(d.readBytesPerSec()),
        Nullables.of(d.writeBytesPerSec()));
  }

  private static Network network(NetworkStats n) {
    return new Network(
        n.name(),
        Nullables.of(n.rxBytesPerSec()),
        Nullables.of(n.txBytesPerSec()),
        n.rxErrors(),
        n.txErrors());
  }
}

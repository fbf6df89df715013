package io.frmonitor.family.gpu;

import io.frmonitor.family.Card;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Param;
import io.frmonitor.family.Points;
import io.frmonitor.family.Rest;
import io.frmonitor.family.SampleSource;
import io.frmonitor.family.WindowDto;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.GpuDevice;
import io.frmonitor.model.GpuProcess;
import io.frmonitor.model.GpuSnapshot;
import io.frmonitor.model.ProcessAttribution;
import io.frmonitor.registry.MetricRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** The host's NVIDIA GPUs ({@code gpu} collector). */
public final class GpuFamily {
  public static final FamilySpec<GpuSnapshot> SPEC =
      FamilySpec.of(GpuSnapshot.FAMILY, "GPUs")
          .rest(
              new Rest(
                  GpuDto.class,
                  (registry, query) ->
                      body(registry, WindowDto.of(registry, GpuSnapshot.FAMILY, query)),
                  (registry, query) -> body(registry, null),
                  "GPUs",
                  "Per device from NVML (or nvidia-smi): utilisation, memory, temperature, power"
                      + " and compute processes. On a host without an NVIDIA driver `status` is"
                      + " `disabled` with the reason.",
                  List.of(Param.window("Adds min/avg/max/last of every series over this span."))))
          .example(example())
          .samples(GpuSamples.METRICS, SampleSource.whenFresh(GpuSamples::write))
          .series(GpuFamily::series)
          .card(Card.custom())
          .build();

  private GpuFamily() {}

  private static GpuDto body(MetricRegistry registry, @Nullable WindowDto window) {
    Optional<CollectorStatus> status = registry.statusesOf(GpuSnapshot.FAMILY).stream().findFirst();
    return GpuDto.of(registry.latest(GpuSnapshot.FAMILY), status, window);
  }

  static Map<String, Double> series(GpuSnapshot s) {
    Points p = new Points(GpuSnapshot.FAMILY);
    for (GpuDevice d : s.devices()) {
      String gpu = Integer.toString(d.index());
      p.put("utilization_percent", gpu, d.utilizationPercent());
      p.put("memory_used_bytes", gpu, d.memoryUsedBytes());
      p.put("temperature_celsius", gpu, d.temperatureCelsius());
      p.put("power_watts", gpu, d.powerWatts());
    }
    return p.map();
  }

  /** One H100 running pipeline worker 3 in its Docker container. */
  static GpuSnapshot example() {
    return new GpuSnapshot(
        "nvml",
        List.of(
            new GpuDevice(
                0,
                "GPU-5f2b7c1e-8a41-4d7e-9c55-0d2f3b1a9e77",
                "NVIDIA H100 80GB HBM3",
                OptionalDouble.of(87),
                OptionalLong.of(64_208_994_304L),
                OptionalLong.of(85_520_809_984L),
                OptionalDouble.of(64),
                OptionalDouble.of(412.37),
                OptionalDouble.of(700),
                List.of(
                    new GpuProcess(
                        41877,
                        OptionalLong.of(31_574_720_512L),
                        new ProcessAttribution.Known(
                            Optional.of("3"),
                            Optional.of("pipeline_worker"),
                            Optional.of("S1"),
                            Optional.of("4f1c2b3a9d7e"),
                            Optional.of(
                                new ProcessAttribution.Container(
                                    "docker",
                                    "4f1c2b3a9d7e5a60b8c1d2e3f4a5b6c7"
                                        + "d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3"))))))));
  }
}

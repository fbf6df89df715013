package io.frmonitor.family.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.metric.Sample;
import io.frmonitor.metric.Samples;
import io.frmonitor.model.GpuDevice;
import io.frmonitor.model.GpuProcess;
import io.frmonitor.model.GpuSnapshot;
import io.frmonitor.model.ProcessAttribution;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GpuSamplesTest {
  private static final long GIB = 1L << 30;

  private static GpuProcess worker(long pid, String pipeline, OptionalLong used) {
    return new GpuProcess(
        pid,
        used,
        new ProcessAttribution.Known(
            Optional.of(pipeline),
            Optional.empty(),
            Optional.of("S1"),
            Optional.empty(),
            Optional.empty()));
  }

  private static GpuDevice gpu(int index, GpuProcess... processes) {
    return new GpuDevice(
        index,
        "GPU-" + index,
        "H100",
        OptionalDouble.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        List.of(processes));
  }

  @Test
  void gpuMemoryIsSummedPerGpuAndPipelineLeavingOutWhatIsNotAPipelines() {
    GpuProcess host =
        new GpuProcess(
            10,
            OptionalLong.of(GIB),
            new ProcessAttribution.Known(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    GpuProcess unreadable =
        new GpuProcess(11, OptionalLong.of(GIB), new ProcessAttribution.Unknown("denied"));
    GpuSnapshot s =
        new GpuSnapshot(
            "nvml",
            List.of(
                gpu(
                    0,
                    worker(1, "3", OptionalLong.of(30 * GIB)),
                    worker(2, "3", OptionalLong.of(2 * GIB)), // a second process of worker 3
                    worker(3, "4", OptionalLong.of(29 * GIB)),
                    worker(4, "5", OptionalLong.empty()),
                    host,
                    unreadable),
                gpu(1, worker(5, "4", OptionalLong.of(GIB)))));
    Samples out = new Samples();
    GpuSamples.write(s, out);

    Map<List<String>, Double> memory =
        out.of("fr_gpu_pipeline_memory_used_bytes").stream()
            .collect(Collectors.toMap(Sample::labelValues, Sample::value));
    assertThat(memory)
        .isEqualTo(
            Map.of(
                List.of("0", "3"), 32.0 * GIB,
                List.of("0", "4"), 29.0 * GIB,
                List.of("1", "4"), 1.0 * GIB));
    assertThat(out.of("fr_gpu_processes").get(0).value()).isEqualTo(6);
  }
}

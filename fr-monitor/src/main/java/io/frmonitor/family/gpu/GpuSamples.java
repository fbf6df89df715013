package io.frmonitor.family.gpu;

import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.GpuDevice;
import io.frmonitor.model.GpuProcess;
import io.frmonitor.model.GpuSnapshot;
import io.frmonitor.model.ProcessAttribution;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code fr_gpu_*} metrics, one labelled sample per device. */
final class GpuSamples {
  static final MetricDef INFO =
      MetricDef.gauge("fr_gpu_info", "GPU identity (always 1).", "gpu", "uuid", "name");
  static final MetricDef UTILIZATION =
      MetricDef.gauge("fr_gpu_utilization_ratio", "GPU busy share (0-1).", "gpu");
  static final MetricDef MEMORY_USED =
      MetricDef.gauge("fr_gpu_memory_used_bytes", "GPU memory used.", "gpu");
  static final MetricDef MEMORY_USED_RATIO =
      MetricDef.gauge(
          "fr_gpu_memory_used_ratio", "GPU memory used ÷ GPU memory (what alerts read).", "gpu");
  static final MetricDef MEMORY_TOTAL =
      MetricDef.gauge("fr_gpu_memory_total_bytes", "GPU memory.", "gpu");
  static final MetricDef TEMPERATURE =
      MetricDef.gauge("fr_gpu_temperature_celsius", "GPU die temperature.", "gpu");
  static final MetricDef POWER = MetricDef.gauge("fr_gpu_power_watts", "GPU power draw.", "gpu");
  static final MetricDef POWER_LIMIT =
      MetricDef.gauge("fr_gpu_power_limit_watts", "Enforced power limit.", "gpu");
  static final MetricDef PROCESSES =
      MetricDef.gauge("fr_gpu_processes", "Compute processes on the GPU.", "gpu");
  static final MetricDef PIPELINE_MEMORY =
      MetricDef.gauge(
          "fr_gpu_pipeline_memory_used_bytes",
          "GPU memory held by the processes of one pipeline (PIPELINE_ID of their environment).",
          "gpu",
          "pipeline");

  static final List<MetricDef> METRICS =
      List.of(
          INFO,
          UTILIZATION,
          MEMORY_USED,
          MEMORY_USED_RATIO,
          MEMORY_TOTAL,
          TEMPERATURE,
          POWER,
          POWER_LIMIT,
          PROCESSES,
          PIPELINE_MEMORY);

  private GpuSamples() {}

  static void write(GpuSnapshot s, SampleWriter out) {
    for (GpuDevice d : s.devices()) {
      String gpu = Integer.toString(d.index());
      out.value(INFO, 1, gpu, d.uuid(), d.name());
      d.utilizationPercent().ifPresent(v -> out.value(UTILIZATION, v / 100, gpu));
      out.value(MEMORY_USED, d.memoryUsedBytes(), gpu);
      out.value(MEMORY_TOTAL, d.memoryTotalBytes(), gpu);
      if (d.memoryUsedBytes().isPresent() && d.memoryTotalBytes().orElse(0) > 0) {
        out.value(
            MEMORY_USED_RATIO,
            (double) d.memoryUsedBytes().getAsLong() / d.memoryTotalBytes().getAsLong(),
            gpu);
      }
      out.value(TEMPERATURE, d.temperatureCelsius(), gpu);
      out.value(POWER, d.powerWatts(), gpu);
      out.value(POWER_LIMIT, d.powerLimitWatts(), gpu);
      out.value(PROCESSES, d.processes().size(), gpu);
      pipelineMemory(d)
          .forEach((pipeline, bytes) -> out.value(PIPELINE_MEMORY, bytes, gpu, pipeline));
    }
  }

  /**
   * The GPU memory of the device's processes summed per pipeline: one series per GPU and pipeline,
   * so the label values stay as few as the pipelines. Processes of no pipeline, or that could not
   * be attributed, or whose memory the driver does not report, are left out.
   */
  static Map<String, Long> pipelineMemory(GpuDevice d) {
    Map<String, Long> sums = new TreeMap<>();
    for (GpuProcess p : d.processes()) {
      if (p.attribution() instanceof ProcessAttribution.Known k
          && k.pipelineId().isPresent()
          && p.usedMemoryBytes().isPresent()) {
        sums.merge(k.pipelineId().get(), p.usedMemoryBytes().getAsLong(), Long::sum);
      }
    }
    return sums;
  }
}

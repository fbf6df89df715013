package io.frmonitor.collect.gpu;

import io.frmonitor.model.GpuDevice;
import io.frmonitor.model.GpuProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Parses {@code nvidia-smi --format=csv,noheader,nounits} output of the two queries below. Pure.
 * Values such as {@code [N/A]} or {@code [Not Supported]} become empty; memory comes in MiB.
 */
final class NvidiaSmiCsv {
  /** Fields of {@code --query-gpu}, in order. */
  static final String GPU_FIELDS =
      "index,uuid,name,utilization.gpu,memory.used,memory.total,temperature.gpu,power.draw,"
          + "power.limit";

  /** Fields of {@code --query-compute-apps}, in order. */
  static final String PROCESS_FIELDS = "gpu_uuid,pid,used_memory";

  private static final long MIB = 1024L * 1024L;

  private NvidiaSmiCsv() {}

  /**
   * Builds devices from the GPU query's lines and attaches the processes from the compute-apps
   * query.
   *
   * @throws IllegalArgumentException on a line with the wrong number of fields
   */
  static List<GpuDevice> parse(String gpuCsv, String processCsv) {
    Map<String, List<GpuProcess>> processes = parseProcesses(processCsv);
    List<GpuDevice> out = new ArrayList<>();
    for (String line : gpuCsv.split("\\R", -1)) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = fields(line, 9);
      String uuid = f[1];
      out.add(
          new GpuDevice(
              Integer.parseInt(f[0]),
              uuid,
              f[2],
              decimal(f[3]),
              mib(f[4]),
              mib(f[5]),
              decimal(f[6]),
              decimal(f[7]),
              decimal(f[8]),
              processes.getOrDefault(uuid, List.of())));
    }
    return out;
  }

  private static Map<String, List<GpuProcess>> parseProcesses(String csv) {
    Map<String, List<GpuProcess>> byGpu = new HashMap<>();
    for (String line : csv.split("\\R", -1)) {
      if (line.isBlank() || line.startsWith("No running")) {
        continue;
      }
      String[] f = fields(line, 3);
      byGpu
          .computeIfAbsent(f[0], k -> new ArrayList<>())
          .add(new GpuProcess(Long.parseLong(f[1]), mib(f[2])));
    }
    return byGpu;
  }

  private static String[] fields(String line, int expected) {
    String[] f = line.split(",", -1);
    if (f.length != expected) {
      throw new IllegalArgumentException(
          "nvidia-smi line has " + f.length + " fields, expected " + expected + ": " + line);
    }
    for (int i = 0; i < f.length; i++) {
      f[i] = f[i].trim();
    }
    return f;
  }

  private static boolean missing(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return v.isEmpty() || v.contains("n/a") || v.contains("not supported") || v.contains("unknown");
  }

  static OptionalDouble decimal(String value) {
    if (missing(value)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Double.parseDouble(value));
  }

  static OptionalLong mib(String value) {
    if (missing(value)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.round(Double.parseDouble(value) * MIB));
  }
}

package io.frmonitor.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A compute process on a GPU, with its GPU memory when the driver reports it and whom it belongs to
 * ({@link ProcessAttribution}).
 *
 * @param pid the process id in the host's PID namespace (NVML always reports host PIDs)
 */
public record GpuProcess(long pid, OptionalLong usedMemoryBytes, ProcessAttribution attribution) {
  public GpuProcess {
    Objects.requireNonNull(usedMemoryBytes, "usedMemoryBytes");
    Objects.requireNonNull(attribution, "attribution");
  }

  /** A process as the driver lists it, not yet looked up. */
  public GpuProcess(long pid, OptionalLong usedMemoryBytes) {
    this(pid, usedMemoryBytes, ProcessAttribution.NOT_LOOKED_UP);
  }

  /** The same process with its attribution. */
  public GpuProcess withAttribution(ProcessAttribution a) {
    return new GpuProcess(pid, usedMemoryBytes, a);
  }
}

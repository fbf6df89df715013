package io.frmonitor.model;

import java.util.List;

/** All GPUs of the host, read through {@code source} ({@code nvml} or {@code nvidia-smi}). */
public record GpuSnapshot(String source, List<GpuDevice> devices) {
  /** The gpu family: what the outputs call this snapshot. */
  public static final Family<GpuSnapshot> FAMILY = new Family<>("gpu", GpuSnapshot.class);

  public GpuSnapshot {
    devices = List.copyOf(devices);
  }
}

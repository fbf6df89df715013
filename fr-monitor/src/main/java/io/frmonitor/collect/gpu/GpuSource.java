package io.frmonitor.collect.gpu;

import io.frmonitor.model.GpuDevice;
import java.util.List;

/**
 * A way to read the host's GPUs: NVML, or {@code nvidia-smi}.
 *
 * <p>Thread safety: used by one poller thread.
 */
interface GpuSource extends AutoCloseable {
  /** {@code nvml} or {@code nvidia-smi}. */
  String name();

  /** Reads every device once. Fields the device does not support come back empty. */
  List<GpuDevice> read() throws Exception;

  @Override
  default void close() {}
}

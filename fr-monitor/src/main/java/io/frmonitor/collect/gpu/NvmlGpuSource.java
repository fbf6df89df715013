package io.frmonitor.collect.gpu;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import io.frmonitor.model.GpuDevice;
import io.frmonitor.model.GpuProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads GPUs through NVML. A field the device does not support comes back empty; a device that
 * fails as a whole fails the reading.
 *
 * <p>Thread safety: NVML itself is thread-safe; this class is used by one poller thread.
 */
final class NvmlGpuSource implements GpuSource {
  private static final String[] LIBRARY_NAMES = {"nvidia-ml", "libnvidia-ml.so.1"};
  private static final int PROCESS_INFO_BYTES = 24;
  private static final int MAX_PROCESSES = 256;

  private final NvmlLibrary nvml;
  private boolean closed;

  private NvmlGpuSource(NvmlLibrary nvml) {
    this.nvml = nvml;
  }

  /** Loads and initialises NVML, or answers why it cannot be used. */
  static Loaded load() {
    List<String> failures = new ArrayList<>();
    for (String name : LIBRARY_NAMES) {
      try {
        NvmlLibrary lib = Native.load(name, NvmlLibrary.class);
        int rc = lib.nvmlInit_v2();
        if (rc != NvmlReturn.SUCCESS) {
          return new Loaded(Optional.empty(), "NVML init failed: " + NvmlReturn.describe(rc));
        }
        return new Loaded(Optional.of(new NvmlGpuSource(lib)), "");
      } catch (UnsatisfiedLinkError e) {
        failures.add(name);
      }
    }
    return new Loaded(Optional.empty(), "NVML not found (" + String.join(", ", failures) + ")");
  }

  /** The result of {@link #load()}: a source, or the reason there is none. */
  record Loaded(Optional<NvmlGpuSource> source, String reason) {}

  @Override
  public String name() {
    return "nvml";
  }

  @Override
  public List<GpuDevice> read() throws IOException {
    IntByReference count = new IntByReference();
    check(nvml.nvmlDeviceGetCount_v2(count), "device count");
    List<GpuDevice> out = new ArrayList<>(count.getValue());
    for (int i = 0; i < count.getValue(); i++) {
      out.add(readDevice(i));
    }
    return out;
  }

  private GpuDevice readDevice(int index) throws IOException {
    PointerByReference ref = new PointerByReference();
    check(nvml.nvmlDeviceGetHandleByIndex_v2(index, ref), "device " + index);
    Pointer dev = ref.getValue();
    Memory memory = new Memory(24);
    boolean hasMemory = nvml.nvmlDeviceGetMemoryInfo(dev, memory) == NvmlReturn.SUCCESS;
    return new GpuDevice(
        index,
        text(dev, true),
        text(dev, false),
        utilization(dev),
        hasMemory ? OptionalLong.of(memory.getLong(16)) : OptionalLong.empty(),
        hasMemory ? OptionalLong.of(memory.getLong(0)) : OptionalLong.empty(),
        temperature(dev),
        milliwatts(dev, true),
        milliwatts(dev, false),
        processes(dev));
  }

  private String text(Pointer dev, boolean uuid) {
    byte[] buf = new byte[96];
    int rc =
        uuid
            ? nvml.nvmlDeviceGetUUID(dev, buf, buf.length)
            : nvml.nvmlDeviceGetName(dev, buf, buf.length);
    if (rc != NvmlReturn.SUCCESS) {
      return "";
    }
    int len = 0;
    while (len < buf.length && buf[len] != 0) {
      len++;
    }
    return new String(buf, 0, len, StandardCharsets.US_ASCII);
  }

  private OptionalDouble utilization(Pointer dev) {
    Memory util = new Memory(8);
    if (nvml.nvmlDeviceGetUtilizationRates(dev, util) != NvmlReturn.SUCCESS) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((double) Integer.toUnsignedLong(util.getInt(0)));
  }

  private OptionalDouble temperature(Pointer dev) {
    IntByReference celsius = new IntByReference();
    return reading(nvml.nvmlDeviceGetTemperature(dev, 0, celsius), celsius, 1);
  }

  private OptionalDouble milliwatts(Pointer dev, boolean draw) {
    IntByReference mw = new IntByReference();
    int rc =
        draw
            ? nvml.nvmlDeviceGetPowerUsage(dev, mw)
            : nvml.nvmlDeviceGetEnforcedPowerLimit(dev, mw);
    return reading(rc, mw, 0.001);
  }

  /** An unsigned int reading scaled, or empty when NVML did not answer it. */
  private static OptionalDouble reading(int rc, IntByReference value, double scale) {
    if (rc != NvmlReturn.SUCCESS) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Integer.toUnsignedLong(value.getValue()) * scale);
  }

  private List<GpuProcess> processes(Pointer dev) {
    try {
      IntByReference count = new IntByReference(MAX_PROCESSES);
      Memory infos = new Memory((long) MAX_PROCESSES * PROCESS_INFO_BYTES);
      int rc = nvml.nvmlDeviceGetComputeRunningProcesses_v3(dev, count, infos);
      if (rc != NvmlReturn.SUCCESS) {
        return List.of();
      }
      return NvmlProcessInfos.decode(infos.getByteArray(0, count.getValue() * PROCESS_INFO_BYTES));
    } catch (UnsatisfiedLinkError e) {
      return List.of(); // drivers older than R510 lack the _v3 symbol
    }
  }

  private static void check(int rc, String what) throws IOException {
    if (rc != NvmlReturn.SUCCESS) {
      throw new IOException("NVML " + what + ": " + NvmlReturn.describe(rc));
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      nvml.nvmlShutdown();
    }
  }
}

package io.frmonitor.collect.gpu;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of NVML ({@code libnvidia-ml.so.1}) fr-monitor calls. Every function returns an {@code
 * nvmlReturn_t}; see {@link NvmlReturn}. Memory structures are read from raw buffers (see {@link
 * NvmlGpuSource}) to avoid layout classes.
 */
interface NvmlLibrary extends Library {
  int nvmlInit_v2();

  int nvmlShutdown();

  int nvmlDeviceGetCount_v2(IntByReference count);

  int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

  int nvmlDeviceGetName(Pointer device, byte[] name, int length);

  int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length);

  /** Fills {@code nvmlUtilization_t}: two unsigned ints, gpu then memory (percent). */
  int nvmlDeviceGetUtilizationRates(Pointer device, Pointer utilization);

  /** Fills {@code nvmlMemory_t}: three unsigned longs, total, free, used (bytes). */
  int nvmlDeviceGetMemoryInfo(Pointer device, Pointer memory);

  /** Sensor 0 is the GPU die; degrees Celsius. */
  int nvmlDeviceGetTemperature(Pointer device, int sensor, IntByReference celsius);

  /** Milliwatts. */
  int nvmlDeviceGetPowerUsage(Pointer device, IntByReference milliwatts);

  /** Milliwatts. */
  int nvmlDeviceGetEnforcedPowerLimit(Pointer device, IntByReference milliwatts);

  /**
   * Fills an array of {@code nvmlProcessInfo_t} (v2 layout, 24 bytes each: unsigned int pid, 4
   * bytes padding, unsigned long long usedGpuMemory, two unsigned ints instance ids).
   */
  int nvmlDeviceGetComputeRunningProcesses_v3(Pointer device, IntByReference count, Pointer infos);
}

package io.frmonitor.collect.gpu;

/** The {@code nvmlReturn_t} codes fr-monitor distinguishes. */
final class NvmlReturn {
  static final int SUCCESS = 0;
  static final int NOT_SUPPORTED = 3;
  static final int NO_PERMISSION = 4;
  static final int INSUFFICIENT_SIZE = 7;
  static final int DRIVER_NOT_LOADED = 9;
  static final int GPU_IS_LOST = 15;
  static final int FUNCTION_NOT_FOUND = 13;

  /** NVML's marker for a value it cannot report ({@code NVML_VALUE_NOT_AVAILABLE}). */
  static final long VALUE_NOT_AVAILABLE = -1L;

  private NvmlReturn() {}

  /** A readable name for logs and status reasons. */
  static String describe(int code) {
    return switch (code) {
      case SUCCESS -> "success";
      case 1 -> "NVML not initialized";
      case 2 -> "invalid argument";
      case NOT_SUPPORTED -> "not supported";
      case NO_PERMISSION -> "no permission";
      case INSUFFICIENT_SIZE -> "insufficient size";
      case DRIVER_NOT_LOADED -> "driver not loaded";
      case 12 -> "NVML library not found";
      case FUNCTION_NOT_FOUND -> "function not found";
      case GPU_IS_LOST -> "GPU is lost";
      default -> "NVML error " + code;
    };
  }
}

package io.frmonitor.config;

/** Whether the GPU collector runs: always, never, or when a driver is found. */
public enum GpuMode {
  AUTO,
  ON,
  OFF
}

package io.frmonitor.model;

import java.util.OptionalLong;

/** A compute process on a GPU, with its GPU memory when the driver reports it. */
public record GpuProcess(long pid, OptionalLong usedMemoryBytes) {}

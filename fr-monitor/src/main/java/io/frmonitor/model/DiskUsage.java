package io.frmonitor.model;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Usage of one mounted filesystem and the IO of the block device holding it.
 *
 * <p>{@code percent} is used / (used + available to unprivileged users), as {@code df} prints it.
 * IO rates are bytes per second of the whole device the mount lives on (Linux counts IO per
 * device); empty on the first reading or when the device is unknown. Totals are cumulative bytes
 * since boot, empty when the device is unknown.
 */
public record DiskUsage(
    String mount,
    String device,
    long totalBytes,
    long usedBytes,
    double percent,
    OptionalDouble readBytesPerSec,
    OptionalDouble writeBytesPerSec,
    OptionalLong readBytesTotal,
    OptionalLong writeBytesTotal) {}

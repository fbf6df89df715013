package io.frmonitor.model;

import java.util.OptionalDouble;

/**
 * Traffic of one network interface. Rates are bytes per second (empty on the first reading or after
 * a counter reset); totals and error counts are cumulative since the interface came up.
 */
public record NetworkStats(
    String name,
    OptionalDouble rxBytesPerSec,
    OptionalDouble txBytesPerSec,
    long rxBytesTotal,
    long txBytesTotal,
    long rxErrors,
    long txErrors) {}

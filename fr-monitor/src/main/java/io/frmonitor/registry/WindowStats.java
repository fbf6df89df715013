package io.frmonitor.registry;

/** Aggregates of one series over a window. {@code count} is the number of points (at least 1). */
public record WindowStats(double min, double avg, double max, double last, int count) {}

package io.frmonitor.simulator;

/**
 * A NumPy float64 scalar ({@code numpy.float64}), pickled as {@code numpy.core.multiarray.scalar}.
 */
record NpFloat64(double value) {}

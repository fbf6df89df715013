package io.frmonitor.alert.eval;

import java.time.Instant;

/**
 * An alert instance changed state: {@code from} and {@code to} are {@code inactive}, {@code
 * pending}, {@code firing}, {@code resolved} or {@code no_data}.
 */
public record Transition(AlertInstance instance, String from, String to, Instant at) {}

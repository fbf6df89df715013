package io.frmonitor.model;

import java.time.Instant;
import java.util.Optional;

/**
 * The health of one of fr-monitor's own parts that is not a collector: the state writer (and later
 * others), shown in {@code /healthz} under {@code components}.
 *
 * @param detail what it does and where, e.g. {@code writes data/state.bin every 1m}
 * @param lastSuccess when it last did its work
 * @param lastError why its last attempt failed; empty once it succeeds again
 */
public record ComponentStatus(
    String name,
    Health health,
    String detail,
    Optional<Instant> lastSuccess,
    Optional<String> lastError) {}

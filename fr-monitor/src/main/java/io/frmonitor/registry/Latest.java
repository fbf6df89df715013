package io.frmonitor.registry;

import java.time.Instant;

/**
 * The newest snapshot of a family, when it was collected, and whether it is stale (its collector
 * failed since, or it is older than the staleness limit). A stale value is still the last real
 * reading; outputs show it marked, never as zero.
 */
public record Latest<T>(T value, Instant collectedAt, boolean stale) {}

package io.frmonitor.collect.storage;

import org.jspecify.annotations.Nullable;

/**
 * MinIO's own health answers. When the server does not serve MinIO's health endpoints (a plain S3
 * server), {@code minio} is false and the three flags are null: unknown, not down.
 *
 * @param latencyMs the slowest of the probes, in milliseconds
 */
record HealthProbe(
    boolean minio,
    @Nullable Boolean live,
    @Nullable Boolean ready,
    @Nullable Boolean clusterHealthy,
    double latencyMs) {}

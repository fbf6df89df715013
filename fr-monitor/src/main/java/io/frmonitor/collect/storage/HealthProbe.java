package io.frmonitor.collect.storage;

/**
 * MinIO's own health answers. When the server does not serve MinIO's health endpoints (a plain S3
 * server), {@code minio} is false and the three flags are null: unknown, not down.
 *
 * @param latencyMs the slowest of the probes, in milliseconds
 */
record HealthProbe(
    boolean minio, Boolean live, Boolean ready, Boolean clusterHealthy, double latencyMs) {}

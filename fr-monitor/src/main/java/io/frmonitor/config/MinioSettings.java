package io.frmonitor.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The fr-server's MinIO (read-only credentials) and what the storage collector lists there.
 *
 * @param endpoint {@code host:port}; empty when not set, {@code off} when switched off
 * @param listInterval how often buckets are listed; the health probe runs every poll
 * @param maxObjects the most objects listed per bucket and listing
 */
public record MinioSettings(
    String endpoint,
    Secret accessKey,
    Secret secretKey,
    boolean secure,
    String region,
    List<String> buckets,
    List<String> prefixes,
    Duration orphanAge,
    Duration listInterval,
    int maxObjects) {
  /** The value of {@code MONITORING_MINIO_ENDPOINT} that disables the storage collector. */
  public static final String OFF = "off";

  /** The prefix the fr-server writes frames under; old objects there are orphaned frames. */
  public static final String FRAMES_PREFIX = "frames/";

  public MinioSettings {
    buckets = List.copyOf(buckets);
    prefixes = List.copyOf(prefixes);
  }

  /** Whether there is a MinIO to watch: an endpoint is set and is not {@code off}. */
  public boolean enabled() {
    return !endpoint.isEmpty() && !OFF.equals(endpoint);
  }

  /** Why the storage collector does not run; empty when it does. */
  public Optional<String> disabledReason() {
    if (endpoint.isEmpty()) {
      return Optional.of(
          "MONITORING_MINIO_ENDPOINT is not set (the fr-server's compose publishes MinIO on"
              + " 127.0.0.1:9100)");
    }
    return OFF.equals(endpoint) ? Optional.of("MONITORING_MINIO_ENDPOINT=off") : Optional.empty();
  }

  /** Whether there are keys to list buckets with; without them only health is probed. */
  public boolean hasCredentials() {
    return !accessKey.isEmpty() && !secretKey.isEmpty();
  }

  public URI uri() {
    return URI.create((secure ? "https://" : "http://") + endpoint);
  }
}

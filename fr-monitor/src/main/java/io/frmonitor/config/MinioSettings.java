package io.frmonitor.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The fr-server's MinIO (read-only credentials) and what the storage collector lists there.
 *
 * @param endpoint {@code host:port}, or {@code off}
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

  public boolean enabled() {
    return !OFF.equals(endpoint);
  }

  /** Whether there are keys to list buckets with; without them only health is probed. */
  public boolean hasCredentials() {
    return !accessKey.isEmpty() && !secretKey.isEmpty();
  }

  public URI uri() {
    return URI.create((secure ? "https://" : "http://") + endpoint);
  }
}

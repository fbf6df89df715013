package io.frmonitor.api;

import io.frmonitor.model.StorageSnapshot;
import io.frmonitor.registry.Latest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code GET /metrics/storage}. Unknown values are null, never zero. */
record StorageDto(
    Long timestamp,
    boolean stale,
    String endpoint,
    Boolean minio,
    Boolean live,
    Boolean ready,
    Boolean clusterHealthy,
    Double probeLatencyMs,
    Long listedAt,
    Double listingMs,
    List<String> bucketNames,
    List<Bucket> buckets) {

  record Bucket(
      String name,
      Long objects,
      Long bytes,
      Map<String, Prefix> prefixes,
      Long orphanedFrames,
      boolean truncated,
      String error) {}

  record Prefix(long objects, long bytes, Double oldestAgeSeconds) {}

  static StorageDto of(Optional<Latest<StorageSnapshot>> latest) {
    if (latest.isEmpty()) {
      return new StorageDto(
          null, true, null, null, null, null, null, null, null, null, null, List.of());
    }
    StorageSnapshot s = latest.get().value();
    Instant at = latest.get().collectedAt();
    return new StorageDto(
        at.toEpochMilli(),
        latest.get().stale(),
        s.endpoint(),
        s.minio(),
        s.live(),
        s.ready(),
        s.clusterHealthy(),
        s.probeLatencyMs(),
        s.listedAt() == null ? null : s.listedAt().toEpochMilli(),
        s.listingMs(),
        s.bucketNames(),
        s.buckets().stream().map(b -> bucket(b, at)).toList());
  }

  private static Bucket bucket(StorageSnapshot.Bucket b, Instant at) {
    if (b.error() != null) {
      return new Bucket(b.name(), null, null, Map.of(), null, false, b.error());
    }
    Map<String, Prefix> prefixes = new LinkedHashMap<>();
    b.prefixes()
        .forEach(
            (name, p) ->
                prefixes.put(
                    name,
                    new Prefix(
                        p.objects(),
                        p.bytes(),
                        p.oldest() == null
                            ? null
                            : Math.max(0, Duration.between(p.oldest(), at).toMillis()) / 1000.0)));
    return new Bucket(
        b.name(), b.objects(), b.bytes(), prefixes, b.orphanedFrames(), b.truncated(), null);
  }
}

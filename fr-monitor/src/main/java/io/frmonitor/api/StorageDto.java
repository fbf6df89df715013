package io.frmonitor.api;

import io.frmonitor.model.StorageSnapshot;
import io.frmonitor.model.StorageUsage;
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
    List<Bucket> buckets,
    Capacity capacity,
    String usageUnavailable) {

  /** The cluster's usable capacity from MinIO's metrics; either figure may be unreported. */
  record Capacity(Long usableTotalBytes, Long usableFreeBytes) {}

  record Bucket(
      String name,
      Long objects,
      Long bytes,
      String totalsSource,
      Map<String, Prefix> prefixes,
      Long orphanedFrames,
      boolean truncated,
      String error) {}

  record Prefix(long objects, long bytes, Double oldestAgeSeconds) {}

  static StorageDto of(Optional<Latest<StorageSnapshot>> latest) {
    if (latest.isEmpty()) {
      return new StorageDto(
          null, true, null, null, null, null, null, null, null, null, null, List.of(), null, null);
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
        s.buckets().stream().map(b -> bucket(s, b, at)).toList(),
        s.usage() == null
            ? null
            : new Capacity(s.usage().usableTotalBytes(), s.usage().usableFreeBytes()),
        s.usageUnavailable());
  }

  private static Bucket bucket(StorageSnapshot s, StorageSnapshot.Bucket b, Instant at) {
    StorageUsage.BucketUsage totals = s.totals(b);
    Long objects = totals == null ? null : totals.objects();
    Long bytes = totals == null ? null : totals.bytes();
    if (b.error() != null) {
      return new Bucket(
          b.name(), objects, bytes, s.totalsSource(b), Map.of(), null, false, b.error());
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
        b.name(),
        objects,
        bytes,
        s.totalsSource(b),
        prefixes,
        b.orphanedFrames(),
        b.truncated(),
        null);
  }
}

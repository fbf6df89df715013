package io.frmonitor.family.storage;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.family.Nullables;
import io.frmonitor.model.StorageSnapshot;
import io.frmonitor.model.StorageUsage;
import io.frmonitor.registry.Latest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code GET /metrics/storage}. Unknown values are null, never zero. */
public record StorageDto(
    @Nullable Long timestamp,
    boolean stale,
    @Nullable String endpoint,
    @JsonPropertyDescription(
            "Whether the server answers MinIO's health endpoints (false: plain S3)")
        @Nullable Boolean minio,
    @Nullable Boolean live,
    @Nullable Boolean ready,
    @Nullable Boolean clusterHealthy,
    @JsonPropertyDescription("The slowest health probe this cycle") @Nullable Double probeLatencyMs,
    @JsonPropertyDescription("When the last listing finished (epoch ms); null before the first")
        @Nullable Long listedAt,
    @JsonPropertyDescription("How long the last listing took") @Nullable Double listingMs,
    @JsonPropertyDescription("Every bucket the keys may see; null when not allowed")
        @Nullable List<String> bucketNames,
    List<Bucket> buckets,
    @JsonPropertyDescription(
            "Usable capacity from MinIO's metrics endpoint; null when it could not be read")
        @Nullable Capacity capacity,
    @JsonPropertyDescription(
            "Why MinIO's metrics could not be read (such as a refused token); null when read or"
                + " not a MinIO")
        @Nullable String usageUnavailable) {

  /** The cluster's usable capacity from MinIO's metrics; either figure may be unreported. */
  public record Capacity(@Nullable Long usableTotalBytes, @Nullable Long usableFreeBytes) {}

  public record Bucket(
      String name,
      @Nullable Long objects,
      @Nullable Long bytes,
      @JsonPropertyDescription(
              "Where objects and bytes come from: minio_metrics (whole bucket) or listing (sum of"
                  + " the configured prefixes)")
          @Nullable String totalsSource,
      Map<String, Prefix> prefixes,
      @JsonPropertyDescription("Frames older than MONITORING_MINIO_ORPHAN_AGE under frames/")
          @Nullable Long orphanedFrames,
      @JsonPropertyDescription("The listing stopped at MONITORING_MINIO_MAX_OBJECTS")
          boolean truncated,
      @JsonPropertyDescription("Why the bucket could not be listed, such as NoSuchBucket")
          @Nullable String error) {}

  public record Prefix(long objects, long bytes, @Nullable Double oldestAgeSeconds) {}

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
        Nullables.of(s.live()),
        Nullables.of(s.ready()),
        Nullables.of(s.clusterHealthy()),
        s.probeLatencyMs(),
        s.listedAt().map(Instant::toEpochMilli).orElse(null),
        Nullables.of(s.listingMs()),
        Nullables.of(s.bucketNames()),
        s.buckets().stream().map(b -> bucket(s, b, at)).toList(),
        s.usage().map(StorageDto::capacity).orElse(null),
        Nullables.of(s.usageUnavailable()));
  }

  private static Capacity capacity(StorageUsage u) {
    return new Capacity(Nullables.of(u.usableTotalBytes()), Nullables.of(u.usableFreeBytes()));
  }

  private static Bucket bucket(StorageSnapshot s, StorageSnapshot.Bucket b, Instant at) {
    Optional<StorageUsage.BucketUsage> totals = s.totals(b);
    Long objects = totals.map(StorageUsage.BucketUsage::objects).orElse(null);
    Long bytes = totals.map(StorageUsage.BucketUsage::bytes).orElse(null);
    String source = Nullables.of(s.totalsSource(b));
    if (b.error().isPresent()) {
      return new Bucket(b.name(), objects, bytes, source, Map.of(), null, false, b.error().get());
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
                        p.oldest()
                            .map(t -> Math.max(0, Duration.between(t, at).toMillis()) / 1000.0)
                            .orElse(null))));
    return new Bucket(
        b.name(), objects, bytes, source, prefixes, b.orphanedFrames(), b.truncated(), null);
  }
}

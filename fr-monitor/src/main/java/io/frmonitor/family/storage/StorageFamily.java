package io.frmonitor.family.storage;

import io.frmonitor.family.Card;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Points;
import io.frmonitor.family.Rest;
import io.frmonitor.model.StorageSnapshot;
import java.util.List;
import java.util.Map;

/** The frame store: MinIO health, bucket contents, orphaned frames ({@code storage}). */
public final class StorageFamily {
  public static final FamilySpec<StorageSnapshot> SPEC =
      FamilySpec.of(StorageSnapshot.FAMILY, "Storage")
          .rest(
              new Rest(
                  StorageDto.class,
                  (registry, query) -> StorageDto.of(registry.latest(StorageSnapshot.FAMILY)),
                  (registry, query) -> StorageDto.of(registry.latest(StorageSnapshot.FAMILY)),
                  "The frame store: MinIO health, bucket contents and orphaned frames",
                  "Health from MinIO's unauthenticated /minio/health/{live,ready,cluster} every"
                      + " poll (null when the server is a plain S3 server: minio false). Buckets"
                      + " from a read-only listing every MONITORING_MINIO_LIST_INTERVAL, bounded"
                      + " by MONITORING_MINIO_MAX_OBJECTS (truncated: counts are lower bounds).",
                  List.of()))
          .samples(StorageSamples.METRICS, StorageSamples::write)
          .series(StorageFamily::series)
          .card(Card.custom())
          .build();

  private StorageFamily() {}

  static Map<String, Double> series(StorageSnapshot s) {
    Points p = new Points(StorageSnapshot.FAMILY);
    p.put("probe_latency_ms", s.probeLatencyMs());
    for (StorageSnapshot.Bucket b : s.buckets()) {
      s.totals(b)
          .ifPresent(
              t -> {
                p.put("objects", b.name(), t.objects());
                p.put("bytes", b.name(), t.bytes());
              });
      if (b.error().isEmpty()) {
        p.put("orphaned_frames", b.name(), b.orphanedFrames());
      }
    }
    s.usage().ifPresent(u -> u.usableFreeBytes().ifPresent(v -> p.put("capacity_free_bytes", v)));
    return p.map();
  }
}

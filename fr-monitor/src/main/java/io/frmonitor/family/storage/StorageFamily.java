package io.frmonitor.family.storage;

import io.frmonitor.family.Card;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Points;
import io.frmonitor.family.Rest;
import io.frmonitor.family.SampleSource;
import io.frmonitor.model.StorageSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The frame store: MinIO health, bucket contents, orphaned frames ({@code storage}). */
public final class StorageFamily {
  public static final FamilySpec<StorageSnapshot> SPEC =
      FamilySpec.of(StorageSnapshot.FAMILY, "Storage")
          .rest(
              Rest.of(
                  StorageDto.class,
                  registry -> StorageDto.of(registry.latest(StorageSnapshot.FAMILY)),
                  "The frame store: MinIO health, bucket contents and orphaned frames",
                  "Health from MinIO's unauthenticated /minio/health/{live,ready,cluster} every"
                      + " poll (null when the server is a plain S3 server: minio false). Buckets"
                      + " from a read-only listing every MONITORING_MINIO_LIST_INTERVAL, bounded"
                      + " by MONITORING_MINIO_MAX_OBJECTS (truncated: counts are lower bounds)."))
          .example(example())
          .samples(StorageSamples.METRICS, SampleSource.ofLatest(StorageSamples::write))
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

  /** A healthy MinIO whose metrics the key may not read; one bucket listed. */
  static StorageSnapshot example() {
    Instant listed = Instant.parse("2026-11-28T12:00:00Z");
    return new StorageSnapshot(
        "127.0.0.1:9100",
        true,
        Optional.of(true),
        Optional.of(true),
        Optional.of(true),
        1.8,
        Optional.of(listed),
        OptionalDouble.of(412.7),
        Optional.of(List.of("face-frames")),
        List.of(
            new StorageSnapshot.Bucket(
                "face-frames",
                Map.of(
                    "frames/",
                    new StorageSnapshot.Prefix(12, 581_203, Optional.of(listed.minusSeconds(912))),
                    "actions/",
                    new StorageSnapshot.Prefix(
                        1202, 57_630_774, Optional.of(listed.minusSeconds(86_012)))),
                3,
                false,
                Optional.empty())),
        Optional.empty(),
        Optional.of(
            "MinIO metrics /minio/v2/metrics/cluster: HTTP 403 (the key needs the admin:Prometheus"
                + " permission, or MINIO_PROMETHEUS_AUTH_TYPE=public)"));
  }
}

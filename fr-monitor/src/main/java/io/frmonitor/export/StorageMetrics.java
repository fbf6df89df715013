package io.frmonitor.export;

import io.frmonitor.model.StorageSnapshot;
import io.frmonitor.model.StorageUsage;
import java.util.Map;

/** The {@code fr_storage_*} metrics. */
final class StorageMetrics {
  private StorageMetrics() {}

  /**
   * Writes {@code fr_storage_up} always, and the rest only from a fresh snapshot: a store that
   * cannot be reached is 0, not a set of zero counts.
   */
  static void write(SnapshotBuilder b, StorageSnapshot s, boolean fresh) {
    b.gauge(
        "fr_storage_up",
        "1 when the frame store (MinIO) answered this cycle's health probe.",
        fresh ? 1 : 0);
    if (!fresh) {
      return;
    }
    b.gauge(
        "fr_storage_probe_latency_seconds",
        "The slowest MinIO health probe this cycle.",
        s.probeLatencyMs() / 1000.0);
    if (s.listingMs() != null) {
      b.gauge(
          "fr_storage_listing_duration_seconds",
          "How long the last bucket listing took.",
          s.listingMs() / 1000.0);
    }
    if (s.minio()) {
      b.gauge("fr_storage_ready", "1 when MinIO reports ready.", bool(s.ready()));
      b.gauge(
          "fr_storage_cluster_healthy",
          "1 when MinIO reports write quorum.",
          bool(s.clusterHealthy()));
    }
    if (s.usage() != null) {
      writeUsage(b, s.usage());
    }
    for (StorageSnapshot.Bucket bucket : s.buckets()) {
      if (bucket.error() != null) {
        continue;
      }
      for (Map.Entry<String, StorageSnapshot.Prefix> p : bucket.prefixes().entrySet()) {
        String[] labels = {"bucket", bucket.name(), "prefix", p.getKey()};
        b.gauge(
            "fr_storage_objects",
            "Objects under a prefix at the last listing.",
            p.getValue().objects(),
            labels);
        b.gauge(
            "fr_storage_bytes",
            "Bytes under a prefix at the last listing.",
            p.getValue().bytes(),
            labels);
      }
      b.gauge(
          "fr_storage_orphaned_frames",
          "Frames under frames/ older than MONITORING_MINIO_ORPHAN_AGE: no worker will process them.",
          bucket.orphanedFrames(),
          "bucket",
          bucket.name());
      b.gauge(
          "fr_storage_listing_truncated",
          "1 when the last listing stopped at MONITORING_MINIO_MAX_OBJECTS.",
          bucket.truncated() ? 1 : 0,
          "bucket",
          bucket.name());
    }
  }

  private static void writeUsage(SnapshotBuilder b, StorageUsage usage) {
    if (usage.usableTotalBytes() != null) {
      b.gauge(
          "fr_storage_capacity_usable_bytes",
          "MinIO's usable capacity, from its metrics endpoint.",
          usage.usableTotalBytes());
    }
    if (usage.usableFreeBytes() != null) {
      b.gauge(
          "fr_storage_capacity_free_bytes",
          "MinIO's free usable capacity, from its metrics endpoint.",
          usage.usableFreeBytes());
    }
    usage
        .buckets()
        .forEach(
            (name, u) -> {
              b.gauge(
                  "fr_storage_bucket_objects",
                  "Objects in the whole bucket, from MinIO's metrics endpoint (its scanner).",
                  u.objects(),
                  "bucket",
                  name);
              b.gauge(
                  "fr_storage_bucket_bytes",
                  "Bytes in the whole bucket, from MinIO's metrics endpoint (its scanner).",
                  u.bytes(),
                  "bucket",
                  name);
            });
  }

  private static int bool(Boolean value) {
    return Boolean.TRUE.equals(value) ? 1 : 0;
  }
}

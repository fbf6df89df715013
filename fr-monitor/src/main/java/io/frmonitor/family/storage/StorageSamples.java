package io.frmonitor.family.storage;

import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.StorageSnapshot;
import io.frmonitor.model.StorageUsage;
import io.frmonitor.registry.Latest;
import java.util.List;
import java.util.Map;

/** The {@code fr_storage_*} metrics. */
final class StorageSamples {
  static final MetricDef UP =
      MetricDef.gauge(
          "fr_storage_up", "1 when the frame store (MinIO) answered this cycle's health probe.");
  static final MetricDef PROBE_LATENCY =
      MetricDef.gauge(
          "fr_storage_probe_latency_seconds", "The slowest MinIO health probe this cycle.");
  static final MetricDef LISTING_DURATION =
      MetricDef.gauge(
          "fr_storage_listing_duration_seconds", "How long the last bucket listing took.");
  static final MetricDef READY = MetricDef.gauge("fr_storage_ready", "1 when MinIO reports ready.");
  static final MetricDef CLUSTER_HEALTHY =
      MetricDef.gauge("fr_storage_cluster_healthy", "1 when MinIO reports write quorum.");
  static final MetricDef CAPACITY =
      MetricDef.gauge(
          "fr_storage_capacity_usable_bytes",
          "MinIO's usable capacity, from its metrics endpoint.");
  static final MetricDef FREE =
      MetricDef.gauge(
          "fr_storage_capacity_free_bytes",
          "MinIO's free usable capacity, from its metrics endpoint.");
  static final MetricDef BUCKET_OBJECTS =
      MetricDef.gauge(
          "fr_storage_bucket_objects",
          "Objects in the whole bucket, from MinIO's metrics endpoint (its scanner).",
          "bucket");
  static final MetricDef BUCKET_BYTES =
      MetricDef.gauge(
          "fr_storage_bucket_bytes",
          "Bytes in the whole bucket, from MinIO's metrics endpoint (its scanner).",
          "bucket");
  static final MetricDef OBJECTS =
      MetricDef.gauge(
          "fr_storage_objects", "Objects under a prefix at the last listing.", "bucket", "prefix");
  static final MetricDef BYTES =
      MetricDef.gauge(
          "fr_storage_bytes", "Bytes under a prefix at the last listing.", "bucket", "prefix");
  static final MetricDef ORPHANED =
      MetricDef.gauge(
          "fr_storage_orphaned_frames",
          "Frames under frames/ older than MONITORING_MINIO_ORPHAN_AGE: no worker will process"
              + " them.",
          "bucket");
  static final MetricDef TRUNCATED =
      MetricDef.gauge(
          "fr_storage_listing_truncated",
          "1 when the last listing stopped at MONITORING_MINIO_MAX_OBJECTS.",
          "bucket");

  static final List<MetricDef> METRICS =
      List.of(
          UP,
          PROBE_LATENCY,
          LISTING_DURATION,
          READY,
          CLUSTER_HEALTHY,
          CAPACITY,
          FREE,
          BUCKET_OBJECTS,
          BUCKET_BYTES,
          OBJECTS,
          BYTES,
          ORPHANED,
          TRUNCATED);

  private StorageSamples() {}

  /**
   * Writes {@code fr_storage_up} always, and the rest only from a fresh snapshot: a store that
   * cannot be reached is 0, not a set of zero counts.
   */
  static void write(Latest<StorageSnapshot> latest, SampleWriter out) {
    out.flag(UP, !latest.stale());
    if (latest.stale()) {
      return;
    }
    StorageSnapshot s = latest.value();
    out.value(PROBE_LATENCY, s.probeLatencyMs() / 1000.0);
    s.listingMs().ifPresent(ms -> out.value(LISTING_DURATION, ms / 1000.0));
    s.ready().ifPresent(ready -> out.flag(READY, ready));
    s.clusterHealthy().ifPresent(healthy -> out.flag(CLUSTER_HEALTHY, healthy));
    s.usage().ifPresent(u -> usage(u, out));
    for (StorageSnapshot.Bucket bucket : s.buckets()) {
      if (bucket.error().isEmpty()) {
        listing(bucket, out);
      }
    }
  }

  private static void listing(StorageSnapshot.Bucket bucket, SampleWriter out) {
    for (Map.Entry<String, StorageSnapshot.Prefix> p : bucket.prefixes().entrySet()) {
      out.value(OBJECTS, p.getValue().objects(), bucket.name(), p.getKey());
      out.value(BYTES, p.getValue().bytes(), bucket.name(), p.getKey());
    }
    out.value(ORPHANED, bucket.orphanedFrames(), bucket.name());
    out.flag(TRUNCATED, bucket.truncated(), bucket.name());
  }

  private static void usage(StorageUsage usage, SampleWriter out) {
    out.value(CAPACITY, usage.usableTotalBytes());
    out.value(FREE, usage.usableFreeBytes());
    usage
        .buckets()
        .forEach(
            (name, u) -> {
              out.value(BUCKET_OBJECTS, u.objects(), name);
              out.value(BUCKET_BYTES, u.bytes(), name);
            });
  }
}

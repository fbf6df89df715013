package io.frmonitor.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frame store's health and contents.
 *
 * @param minio whether the server answers MinIO's health endpoints; a plain S3 server does not, and
 *     then {@code live}, {@code ready} and {@code clusterHealthy} are null (unknown)
 * @param probeLatencyMs the slowest health probe this cycle
 * @param listedAt when the last bucket listing finished; null before the first
 * @param listingMs how long that listing took; null before the first
 * @param bucketNames every bucket the keys may see; null when not listed or not allowed
 * @param buckets the configured buckets, from the last listing
 * @param usage capacity and bucket usage from MinIO's metrics endpoint; null when not read
 * @param usageUnavailable why {@code usage} is null on a MinIO (such as a refused token); null when
 *     usage was read or the server is not a MinIO
 */
public record StorageSnapshot(
    String endpoint,
    boolean minio,
    Boolean live,
    Boolean ready,
    Boolean clusterHealthy,
    double probeLatencyMs,
    Instant listedAt,
    Double listingMs,
    List<String> bucketNames,
    List<Bucket> buckets,
    StorageUsage usage,
    String usageUnavailable) {
  public StorageSnapshot {
    bucketNames = bucketNames == null ? null : List.copyOf(bucketNames);
    buckets = List.copyOf(buckets);
  }

  /**
   * A bucket's objects and bytes: MinIO's whole-bucket usage when its metrics were read, else the
   * listing's sum over the configured prefixes; null when the bucket could not be listed and MinIO
   * reported no usage for it.
   */
  public StorageUsage.BucketUsage totals(Bucket b) {
    StorageUsage.BucketUsage fromMetrics = usage == null ? null : usage.buckets().get(b.name());
    if (fromMetrics != null) {
      return fromMetrics;
    }
    return b.error() == null ? new StorageUsage.BucketUsage(b.objects(), b.bytes()) : null;
  }

  /** Where {@link #totals} came from: {@code minio_metrics}, {@code listing}, or null. */
  public String totalsSource(Bucket b) {
    if (usage != null && usage.buckets().containsKey(b.name())) {
      return "minio_metrics";
    }
    return b.error() == null ? "listing" : null;
  }

  /**
   * One configured bucket.
   *
   * @param prefixes per configured prefix listed, in configuration order
   * @param truncated the object budget ran out: counts are lower bounds and later prefixes absent
   * @param error why the bucket could not be listed (such as {@code NoSuchBucket}); null when it
   *     was
   */
  public record Bucket(
      String name,
      Map<String, Prefix> prefixes,
      long orphanedFrames,
      boolean truncated,
      String error) {
    public Bucket {
      prefixes = Collections.unmodifiableMap(new LinkedHashMap<>(prefixes));
    }

    public long objects() {
      return prefixes.values().stream().mapToLong(Prefix::objects).sum();
    }

    public long bytes() {
      return prefixes.values().stream().mapToLong(Prefix::bytes).sum();
    }
  }

  /**
   * What the listing saw under one prefix.
   *
   * @param oldest the earliest last-modified time under the prefix; null when it is empty
   */
  public record Prefix(long objects, long bytes, Instant oldest) {}
}

package io.frmonitor.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The frame store's health and contents. Every value the store did not give is empty, never zero.
 *
 * @param minio whether the server answers MinIO's health endpoints; a plain S3 server does not, and
 *     then {@code live}, {@code ready} and {@code clusterHealthy} are empty (unknown)
 * @param probeLatencyMs the slowest health probe this cycle
 * @param listedAt when the last bucket listing finished; empty before the first
 * @param listingMs how long that listing took; empty before the first
 * @param bucketNames every bucket the keys may see; empty when not listed or not allowed
 * @param buckets the configured buckets, from the last listing
 * @param usage capacity and bucket usage from MinIO's metrics endpoint; empty when not read
 * @param usageUnavailable why {@code usage} is empty on a MinIO (such as a refused token); empty
 *     when usage was read or the server is not a MinIO
 */
public record StorageSnapshot(
    String endpoint,
    boolean minio,
    Optional<Boolean> live,
    Optional<Boolean> ready,
    Optional<Boolean> clusterHealthy,
    double probeLatencyMs,
    Optional<Instant> listedAt,
    OptionalDouble listingMs,
    Optional<List<String>> bucketNames,
    List<Bucket> buckets,
    Optional<StorageUsage> usage,
    Optional<String> usageUnavailable) {
  /** The storage family: what the outputs call this snapshot. */
  public static final Family<StorageSnapshot> FAMILY =
      new Family<>("storage", StorageSnapshot.class);

  public StorageSnapshot {
    bucketNames = bucketNames.map(List::copyOf);
    buckets = List.copyOf(buckets);
  }

  /**
   * A bucket's objects and bytes: MinIO's whole-bucket usage when its metrics were read, else the
   * listing's sum over the configured prefixes; empty when the bucket could not be listed and MinIO
   * reported no usage for it.
   */
  public Optional<StorageUsage.BucketUsage> totals(Bucket b) {
    Optional<StorageUsage.BucketUsage> fromMetrics = usage.map(u -> u.buckets().get(b.name()));
    if (fromMetrics.isPresent()) {
      return fromMetrics;
    }
    return b.error().isEmpty()
        ? Optional.of(new StorageUsage.BucketUsage(b.objects(), b.bytes()))
        : Optional.empty();
  }

  /** Where {@link #totals} came from: {@code minio_metrics}, {@code listing}, or empty. */
  public Optional<String> totalsSource(Bucket b) {
    if (usage.isPresent() && usage.get().buckets().containsKey(b.name())) {
      return Optional.of("minio_metrics");
    }
    return b.error().isEmpty() ? Optional.of("listing") : Optional.empty();
  }

  /**
   * One configured bucket.
   *
   * @param prefixes per configured prefix listed, in configuration order
   * @param truncated the object budget ran out: counts are lower bounds and later prefixes absent
   * @param error why the bucket could not be listed (such as {@code NoSuchBucket}); empty when it
   *     was
   */
  public record Bucket(
      String name,
      Map<String, Prefix> prefixes,
      long orphanedFrames,
      boolean truncated,
      Optional<String> error) {
    public Bucket {
      prefixes = Collections.unmodifiableMap(new LinkedHashMap<>(prefixes));
    }

    /** A bucket that could not be listed, and why. */
    public static Bucket failed(String name, String error) {
      return new Bucket(name, Map.of(), 0, false, Optional.of(error));
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
   * @param oldest the earliest last-modified time under the prefix; empty when it is empty
   */
  public record Prefix(long objects, long bytes, Optional<Instant> oldest) {
    public static final Prefix EMPTY = new Prefix(0, 0, Optional.empty());
  }
}

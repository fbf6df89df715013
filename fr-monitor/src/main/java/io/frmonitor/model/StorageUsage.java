package io.frmonitor.model;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Capacity and per-bucket usage as MinIO's own metrics endpoint reports them: MinIO's data scanner
 * keeps these, so they need no listing (and lag the bucket by up to a scanner cycle).
 *
 * @param usableTotalBytes the cluster's usable capacity; empty when the endpoint did not report it
 * @param usableFreeBytes the usable capacity still free; empty when not reported
 * @param buckets every bucket MinIO reported, in name order
 */
public record StorageUsage(
    OptionalLong usableTotalBytes, OptionalLong usableFreeBytes, Map<String, BucketUsage> buckets) {
  public StorageUsage {
    buckets = Collections.unmodifiableMap(new TreeMap<>(buckets));
  }

  /** One bucket's whole contents (every prefix), from MinIO's scanner. */
  public record BucketUsage(long objects, long bytes) {}
}

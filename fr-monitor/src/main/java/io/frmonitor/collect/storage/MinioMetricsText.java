package io.frmonitor.collect.storage;

import io.frmonitor.model.StorageUsage;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Reads the few samples the collector needs out of MinIO's Prometheus text exposition: cluster
 * capacity and per-bucket usage. Everything else (comments, other metrics, a malformed line) is
 * skipped; a bucket reported by several servers keeps the largest figure, since each reports the
 * same scanner totals and a lagging one can only be lower.
 */
final class MinioMetricsText {
  static final String CAPACITY_TOTAL = "minio_cluster_capacity_usable_total_bytes";
  static final String CAPACITY_FREE = "minio_cluster_capacity_usable_free_bytes";
  static final String BUCKET_BYTES = "minio_bucket_usage_total_bytes";
  static final String BUCKET_OBJECTS = "minio_bucket_usage_object_total";

  private @Nullable Long capacityTotal;
  private @Nullable Long capacityFree;
  private final Map<String, Long> bucketBytes = new HashMap<>();
  private final Map<String, Long> bucketObjects = new HashMap<>();

  /**
   * Adds the samples of one scraped body (the cluster and bucket endpoints both feed one usage).
   */
  MinioMetricsText read(String body) {
    body.lines().forEach(this::readLine);
    return this;
  }

  /** Whether any of the wanted metrics appeared. */
  boolean found() {
    return capacityTotal != null
        || capacityFree != null
        || !bucketBytes.isEmpty()
        || !bucketObjects.isEmpty();
  }

  /** The usage read; a bucket with only one of its two figures is left out. */
  StorageUsage usage() {
    Map<String, StorageUsage.BucketUsage> buckets = new HashMap<>();
    bucketBytes.forEach(
        (bucket, bytes) -> {
          Long objects = bucketObjects.get(bucket);
          if (objects != null) {
            buckets.put(bucket, new StorageUsage.BucketUsage(objects, bytes));
          }
        });
    return new StorageUsage(optional(capacityTotal), optional(capacityFree), buckets);
  }

  private static OptionalLong optional(@Nullable Long value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private void readLine(String line) {
    if (line.isEmpty() || line.charAt(0) == '#') {
      return;
    }
    int nameEnd = nameEnd(line);
    String name = line.substring(0, nameEnd);
    switch (name) {
      case CAPACITY_TOTAL -> capacityTotal = max(capacityTotal, value(line, nameEnd));
      case CAPACITY_FREE -> capacityFree = max(capacityFree, value(line, nameEnd));
      case BUCKET_BYTES -> perBucket(bucketBytes, line, nameEnd);
      case BUCKET_OBJECTS -> perBucket(bucketObjects, line, nameEnd);
      default -> {
        // not a sample the collector uses
      }
    }
  }

  private static void perBucket(Map<String, Long> into, String line, int nameEnd) {
    String bucket = label(line, nameEnd, "bucket");
    Long value = value(line, nameEnd);
    if (bucket != null && value != null) {
      into.merge(bucket, value, Math::max);
    }
  }

  private static int nameEnd(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    return i;
  }

  /** The sample's value as a whole number, or null when the line has none that parses. */
  private static @Nullable Long value(String line, int nameEnd) {
    if (nameEnd >= line.length()) {
      return null;
    }
    int start = line.charAt(nameEnd) == '{' ? labelsEnd(line, nameEnd) + 1 : nameEnd;
    if (start <= 0 || start > line.length()) {
      return null;
    }
    String rest = line.substring(start).strip();
    int space = rest.indexOf(' ');
    String number = space < 0 ? rest : rest.substring(0, space);
    try {
      double v = Double.parseDouble(number);
      return Double.isFinite(v) && v >= 0 ? Math.round(v) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The index of the {@code }} closing the label set opened at {@code open}, or -1. */
  private static int labelsEnd(String line, int open) {
    boolean quoted = false;
    for (int i = open + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '}') {
        return i;
      }
    }
    return -1;
  }

  /** The unescaped value of label {@code wanted}, or null when the sample has no such label. */
  private static @Nullable String label(String line, int open, String wanted) {
    int end = labelsEnd(line, open);
    int i = open + 1;
    while (end > 0 && i < end) {
      int eq = line.indexOf('=', i);
      if (eq < 0 || eq + 1 >= end || line.charAt(eq + 1) != '"') {
        return null;
      }
      String key = line.substring(i, eq).strip();
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      for (; j < end && line.charAt(j) != '"'; j++) {
        char c = line.charAt(j);
        if (c == '\\' && j + 1 < end) {
          char next = line.charAt(++j);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
      }
      if (key.equals(wanted)) {
        return value.toString();
      }
      i = j + 1;
      if (i < end && line.charAt(i) == ',') {
        i++;
      }
    }
    return null;
  }

  private static @Nullable Long max(@Nullable Long current, @Nullable Long value) {
    if (value == null) {
      return current;
    }
    return current == null ? value : Math.max(current, value);
  }
}

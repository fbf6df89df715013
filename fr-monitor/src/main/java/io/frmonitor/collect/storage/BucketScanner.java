package io.frmonitor.collect.storage;

import io.frmonitor.model.StorageSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists a bucket's configured prefixes within an object budget and sums what it saw. Keys ending in
 * {@code /} are folder markers (made by consoles, or a filesystem backend's directories), not
 * objects the fr-server wrote, and are skipped.
 */
final class BucketScanner {
  /** ListObjectsV2's own maximum page. */
  static final int PAGE_SIZE = 1000;

  private final S3Client s3;
  private final List<String> prefixes;
  private final String framesPrefix;
  private final Duration orphanAge;
  private final int maxObjects;

  /**
   * @param framesPrefix the prefix whose old objects are orphaned frames (the fr-server's {@code
   *     frames/}: a worker deletes each frame once processed)
   * @param maxObjects the most objects listed per bucket and scan, across its prefixes
   */
  BucketScanner(
      S3Client s3, List<String> prefixes, String framesPrefix, Duration orphanAge, int maxObjects) {
    this.s3 = s3;
    this.prefixes = List.copyOf(prefixes);
    this.framesPrefix = framesPrefix;
    this.orphanAge = orphanAge;
    this.maxObjects = maxObjects;
  }

  /** What an empty prefix sums to. */
  static final StorageSnapshot.Prefix EMPTY_PREFIX = StorageSnapshot.Prefix.EMPTY;

  StorageSnapshot.Bucket scan(String bucket, Instant now)
      throws IOException, S3Exception, InterruptedException {
    Instant orphanedBefore = now.minus(orphanAge);
    Map<String, StorageSnapshot.Prefix> out = new LinkedHashMap<>();
    long orphans = 0;
    int budget = maxObjects;
    boolean truncated = false;
    for (String prefix : prefixes) {
      if (budget == 0) {
        truncated = true;
        break;
      }
      StorageSnapshot.Prefix stats = EMPTY_PREFIX;
      String token = null;
      do {
        ObjectPage page = s3.listObjects(bucket, prefix, token, Math.min(PAGE_SIZE, budget));
        budget -= page.objects().size();
        for (S3Object o : page.objects()) {
          if (o.key().endsWith("/")) {
            continue;
          }
          stats = plus(stats, o);
          if (prefix.equals(framesPrefix) && o.lastModified().isBefore(orphanedBefore)) {
            orphans++;
          }
        }
        token = page.nextToken();
        truncated = token != null && budget <= 0;
      } while (token != null && !truncated);
      out.put(prefix, stats);
      if (truncated) {
        break;
      }
    }
    return new StorageSnapshot.Bucket(bucket, out, orphans, truncated, Optional.empty());
  }

  private static StorageSnapshot.Prefix plus(StorageSnapshot.Prefix p, S3Object o) {
    Instant oldest = p.oldest().filter(t -> !o.lastModified().isBefore(t)).orElse(o.lastModified());
    return new StorageSnapshot.Prefix(p.objects() + 1, p.bytes() + o.size(), Optional.of(oldest));
  }
}

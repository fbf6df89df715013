package io.frmonitor.collect.storage;

import java.time.Instant;

/**
 * What one listing saw under a prefix.
 *
 * @param oldest the earliest last-modified time; null when there are no objects
 */
record PrefixStats(long objects, long bytes, Instant oldest) {
  static final PrefixStats EMPTY = new PrefixStats(0, 0, null);

  PrefixStats plus(S3Object o) {
    Instant earliest =
        oldest == null || o.lastModified().isBefore(oldest) ? o.lastModified() : oldest;
    return new PrefixStats(objects + 1, bytes + o.size(), earliest);
  }
}

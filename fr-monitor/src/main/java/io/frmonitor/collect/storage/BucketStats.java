package io.frmonitor.collect.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bucket's listing.
 *
 * @param prefixes per configured prefix listed, in configuration order
 * @param orphanedFrames objects under the frames prefix older than the orphan age
 * @param truncated whether the listing stopped at the object budget: the counts are then lower
 *     bounds, and the prefixes after the one it stopped in are absent
 */
record BucketStats(
    String name, Map<String, PrefixStats> prefixes, long orphanedFrames, boolean truncated) {
  BucketStats {
    prefixes = Collections.unmodifiableMap(new LinkedHashMap<>(prefixes));
  }

  long objects() {
    return prefixes.values().stream().mapToLong(PrefixStats::objects).sum();
  }

  long bytes() {
    return prefixes.values().stream().mapToLong(PrefixStats::bytes).sum();
  }
}

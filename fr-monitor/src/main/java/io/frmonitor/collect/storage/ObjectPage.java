package io.frmonitor.collect.storage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a ListObjectsV2 answer.
 *
 * @param nextToken the continuation token for the next page; null on the last page
 */
record ObjectPage(List<S3Object> objects, @Nullable String nextToken) {
  ObjectPage {
    objects = List.copyOf(objects);
  }

  boolean hasMore() {
    return nextToken != null;
  }
}

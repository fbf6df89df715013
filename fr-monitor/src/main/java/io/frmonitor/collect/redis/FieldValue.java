package io.frmonitor.collect.redis;

import java.util.List;

/** What one client-state field held in Redis this cycle. */
sealed interface FieldValue {
  /** A value to decode (a hash field, or a string key): a pickled or JSON list of names. */
  // The bytes come straight from Redis and are never modified; equality is by content.
  @SuppressWarnings("ArrayRecordComponent")
  record Encoded(byte[] bytes) implements FieldValue {
    // compared by content on purpose: an unchanged field is not decoded again
    @Override
    public boolean equals(Object o) {
      return o instanceof Encoded e && java.util.Arrays.equals(bytes, e.bytes);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Encoded[" + bytes.length + " bytes]";
    }
  }

  /** Names read from a Redis set or list. */
  record Members(List<String> names) implements FieldValue {
    public Members {
      names = List.copyOf(names);
    }
  }

  /** A key of a type that cannot hold names. */
  record WrongType(String type) implements FieldValue {}
}

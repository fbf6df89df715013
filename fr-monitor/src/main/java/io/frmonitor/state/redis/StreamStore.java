package io.frmonitor.state.redis;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the stream entries go and come back from: one Redis connection ({@link JedisStreamStore}),
 * or a fake in tests.
 *
 * <p>Thread safety: used by one thread at a time (the mirror's writer, or the restore at start).
 */
interface StreamStore extends AutoCloseable {
  /**
   * Appends the entries in order, in one round trip.
   *
   * @return for each entry, in order, the error Redis answered it with (such as {@code NOPERM}), or
   *     empty when it was added
   * @throws StreamUnavailableException when Redis cannot be reached or refuses the connection (then
   *     none or only some were added; the connection is opened again next time)
   */
  List<Optional<String>> append(List<Entry> entries);

  /**
   * Up to {@code count} entries of {@code key} after the id {@code after} ({@code 0-0} for the
   * first), oldest first; none when the key does not exist.
   *
   * @throws StreamUnavailableException when Redis cannot be reached, or refuses the read
   */
  List<Stored> read(String key, String after, int count);

  /** Where the store is, for messages: {@code host:port/db}. */
  String where();

  @Override
  void close();

  /**
   * An entry to add.
   *
   * @param maxLen the stream is trimmed to about this many entries ({@code MAXLEN ~})
   */
  record Entry(String key, long maxLen, Map<String, String> fields) {
    public Entry {
      fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
  }

  /** An entry read back, with its stream id. */
  record Stored(String id, Map<String, String> fields) {
    public Stored {
      fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
  }
}

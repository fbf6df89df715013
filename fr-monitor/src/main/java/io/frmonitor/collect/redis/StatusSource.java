package io.frmonitor.collect.redis;

import java.util.Map;

/**
 * Reads the client-state fields from Redis, read-only.
 *
 * <p>Thread safety: used by one poller thread.
 */
interface StatusSource extends AutoCloseable {
  /**
   * The fields present, by hash field name ({@code active_clients}...). A missing hash or key is
   * simply absent from the map: no clients yet is not an error.
   *
   * @throws Exception when Redis cannot be reached or the hash key has the wrong type
   */
  Map<String, FieldValue> read() throws Exception;

  /** Where the data comes from, for status output (never credentials). */
  String describe();

  @Override
  void close();
}

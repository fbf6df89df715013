package io.frmonitor.collect.redis;

import io.frmonitor.config.RedisSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Reads client states with read commands only: one {@code HGETALL} per cycle in hash mode; {@code
 * TYPE} plus {@code SMEMBERS}, {@code LRANGE} or {@code GET} per key in keys mode. Never {@code
 * KEYS}, never a write. One connection, opened on first use and again after it broke.
 *
 * <p>Thread safety: used by one poller thread.
 */
final class RedisStatusSource implements StatusSource {
  private final RedisConnection connection;

  RedisStatusSource(RedisSettings settings, Duration timeout) {
    this.connection = new RedisConnection(settings, timeout);
  }

  @Override
  public String describe() {
    return connection.settings().describe();
  }

  @Override
  public Map<String, FieldValue> read() {
    RedisSettings settings = connection.settings();
    return connection.call(j -> settings.stateKeys().isEmpty() ? readHash(j) : readKeys(j));
  }

  private Map<String, FieldValue> readHash(Jedis j) {
    byte[] key = connection.settings().clientsKey().getBytes(StandardCharsets.UTF_8);
    Map<byte[], byte[]> raw;
    try {
      raw = j.hgetAll(key);
    } catch (JedisDataException e) {
      if (String.valueOf(e.getMessage()).startsWith("WRONGTYPE")) {
        throw new IllegalStateException(
            connection.settings().clientsKey()
                + " is a "
                + j.type(key)
                + ", expected a hash (MONITORING_REDIS_CLIENTS_KEY)");
      }
      throw e;
    }
    Map<String, FieldValue> out = new LinkedHashMap<>();
    raw.forEach(
        (field, value) ->
            out.put(new String(field, StandardCharsets.UTF_8), new FieldValue.Encoded(value)));
    return out;
  }

  private Map<String, FieldValue> readKeys(Jedis j) {
    Map<String, FieldValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : connection.settings().stateKeys().entrySet()) {
      byte[] key = e.getValue().getBytes(StandardCharsets.UTF_8);
      String type = j.type(key);
      switch (type) {
        case "none" -> {
          // absent: no names in that state
        }
        case "set" -> out.put(e.getKey(), new FieldValue.Members(strings(j.smembers(key))));
        case "list" -> out.put(e.getKey(), new FieldValue.Members(strings(j.lrange(key, 0, -1))));
        case "string" -> out.put(e.getKey(), new FieldValue.Encoded(j.get(key)));
        default -> out.put(e.getKey(), new FieldValue.WrongType(type));
      }
    }
    return out;
  }

  private static List<String> strings(java.util.Collection<byte[]> raw) {
    List<String> out = new ArrayList<>(raw.size());
    for (byte[] b : raw) {
      out.add(new String(b, StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void close() {
    connection.close();
  }
}

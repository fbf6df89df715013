package io.frmonitor.collect.redis;

import io.frmonitor.config.RedisSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Reads client states with read commands only: one {@code HGETALL} per cycle in hash mode; {@code
 * TYPE} plus {@code SMEMBERS}, {@code LRANGE} or {@code GET} per key in keys mode. Never {@code
 * KEYS}, never a write. One connection, opened on first use and again after it broke.
 *
 * <p>Thread safety: used by one poller thread.
 */
final class RedisStatusSource implements StatusSource {
  private final RedisSettings settings;
  private final DefaultJedisClientConfig config;
  private @Nullable Jedis jedis;

  RedisStatusSource(RedisSettings settings, Duration timeout) {
    this.settings = settings;
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    DefaultJedisClientConfig.Builder b =
        DefaultJedisClientConfig.builder()
            .database(settings.database())
            .connectionTimeoutMillis(millis)
            .socketTimeoutMillis(millis)
            .clientName("fr-monitor")
            .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
    if (!settings.username().isEmpty()) {
      b.user(settings.username());
    }
    if (!settings.password().isEmpty()) {
      b.password(settings.password().value());
    }
    this.config = b.build();
  }

  @Override
  public String describe() {
    return settings.describe();
  }

  @Override
  public Map<String, FieldValue> read() {
    try {
      Jedis j = connection();
      return settings.stateKeys().isEmpty() ? readHash(j) : readKeys(j);
    } catch (JedisConnectionException e) {
      close(); // reconnect next time
      throw new IllegalStateException(
          "Redis at " + settings.host() + ":" + settings.port() + " unreachable: " + rootMessage(e),
          e);
    }
  }

  private Jedis connection() {
    if (jedis == null) {
      jedis = new Jedis(new HostAndPort(settings.host(), settings.port()), config);
    }
    return jedis;
  }

  private Map<String, FieldValue> readHash(Jedis j) {
    byte[] key = settings.clientsKey().getBytes(StandardCharsets.UTF_8);
    Map<byte[], byte[]> raw;
    try {
      raw = j.hgetAll(key);
    } catch (JedisDataException e) {
      if (String.valueOf(e.getMessage()).startsWith("WRONGTYPE")) {
        throw new IllegalStateException(
            settings.clientsKey()
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
    for (Map.Entry<String, String> e : settings.stateKeys().entrySet()) {
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

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  @Override
  public void close() {
    if (jedis != null) {
      try {
        jedis.close();
      } catch (RuntimeException e) {
        // the connection is being dropped anyway
      }
      jedis = null;
    }
  }
}

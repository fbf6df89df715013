package io.frmonitor.collect.redis;

import io.frmonitor.collect.Failures;
import io.frmonitor.config.RedisSettings;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * One connection to the fr-server's Redis, as the configured user, named {@code fr-monitor} in
 * {@code CLIENT LIST}: opened on first use, and again after it broke.
 *
 * <p>Thread safety: used by one poller thread.
 */
final class RedisConnection implements AutoCloseable {
  private final RedisSettings settings;
  private final DefaultJedisClientConfig config;
  private @Nullable Jedis jedis;

  RedisConnection(RedisSettings settings, Duration timeout) {
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

  RedisSettings settings() {
    return settings;
  }

  /**
   * Runs {@code command} on the connection.
   *
   * @throws IllegalStateException when Redis cannot be reached (the connection is dropped, to be
   *     opened again next time); the reason names the address and the kind of failure
   */
  <T> T call(Function<Jedis, T> command) {
    try {
      return command.apply(connection());
    } catch (JedisConnectionException e) {
      close();
      throw new IllegalStateException(
          "Redis at "
              + settings.host()
              + ":"
              + settings.port()
              + " unreachable: "
              + Failures.describe(Failures.root(e)),
          e);
    }
  }

  private Jedis connection() {
    Jedis j = jedis;
    if (j == null) {
      j = new Jedis(new HostAndPort(settings.host(), settings.port()), config);
      jedis = j;
    }
    return j;
  }

  @Override
  public void close() {
    Jedis j = jedis;
    jedis = null;
    if (j != null) {
      try {
        j.close();
      } catch (RuntimeException e) {
        // the connection is being dropped anyway
      }
    }
  }
}

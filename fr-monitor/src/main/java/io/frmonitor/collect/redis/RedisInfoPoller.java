package io.frmonitor.collect.redis;

import io.frmonitor.collect.PollOutcome;
import io.frmonitor.collect.Poller;
import io.frmonitor.config.RedisSettings;
import io.frmonitor.model.Family;
import io.frmonitor.model.RedisServerSnapshot;
import io.frmonitor.registry.MetricSink;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The Redis server's own health ({@code redis_server}): one {@code INFO} per interval, published as
 * the {@code redis_server} family. {@code INFO} is in Redis's {@code @dangerous} category, not
 * {@code @read}: the monitoring user needs exactly {@code +info} besides its read commands
 * (docs/operations.md).
 *
 * <p>Thread safety: confined to its runner's thread.
 */
public final class RedisInfoPoller implements Poller {
  private final RedisConnection connection;
  private final Clock clock;
  private Optional<RedisServerReading> previous = Optional.empty();

  RedisInfoPoller(RedisConnection connection, Clock clock) {
    this.connection = connection;
    this.clock = clock;
  }

  public static RedisInfoPoller create(RedisSettings settings, Clock clock, Duration timeout) {
    return new RedisInfoPoller(new RedisConnection(settings, timeout), clock);
  }

  @Override
  public String name() {
    return "redis_server";
  }

  @Override
  public Set<Family<?>> families() {
    return Set.of(RedisServerSnapshot.FAMILY);
  }

  @Override
  public PollOutcome poll(MetricSink sink) {
    String info = connection.call(RedisInfoPoller::info);
    RedisServerReading reading =
        new RedisServerReading(RedisInfoParser.fields(info), clock.instant());
    RedisServerSnapshot snapshot = reading.snapshot(previous);
    previous = Optional.of(reading);
    sink.publish(RedisServerSnapshot.FAMILY, snapshot);
    return PollOutcome.ok();
  }

  private static String info(Jedis jedis) {
    try {
      return jedis.info();
    } catch (JedisDataException e) {
      if (String.valueOf(e.getMessage()).startsWith("NOPERM")) {
        throw new IllegalStateException(
            "the monitoring user may not run INFO: grant it +info (docs/operations.md); Redis said: "
                + e.getMessage(),
            e);
      }
      throw e;
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}

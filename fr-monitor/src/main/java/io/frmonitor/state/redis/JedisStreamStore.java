package io.frmonitor.state.redis;

import io.frmonitor.config.RedisStreamSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The streams' Redis through one Jedis connection named {@value #CLIENT_NAME} in {@code CLIENT
 * LIST}: opened on first use and again after it broke. It runs {@code XADD} (pipelined) and {@code
 * XRANGE} on the keys it is given, and — opening the connection — {@code AUTH}, {@code CLIENT
 * SETNAME} and {@code SELECT} (when the database is not 0); nothing else.
 *
 * <p>Thread safety: one thread at a time.
 */
final class JedisStreamStore implements StreamStore {
  static final String CLIENT_NAME = "fr-monitor-stream";

  private final RedisStreamSettings settings;
  private final DefaultJedisClientConfig config;
  private @Nullable Jedis jedis;

  JedisStreamStore(RedisStreamSettings settings, Duration timeout) {
    this.settings = settings;
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    DefaultJedisClientConfig.Builder b =
        DefaultJedisClientConfig.builder()
            .database(settings.database())
            .connectionTimeoutMillis(millis)
            .socketTimeoutMillis(millis)
            .clientName(CLIENT_NAME)
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
  public String where() {
    return settings.where();
  }

  @Override
  public List<Optional<String>> append(List<Entry> entries) {
    try {
      Jedis j = connection();
      List<Response<StreamEntryID>> replies = new ArrayList<>(entries.size());
      try (Pipeline p = j.pipelined()) {
        for (Entry e : entries) {
          XAddParams params = XAddParams.xAddParams().maxLen(e.maxLen()).approximateTrimming();
          replies.add(p.xadd(e.key(), params, e.fields()));
        }
        p.sync();
      }
      List<Optional<String>> out = new ArrayList<>(replies.size());
      for (Response<StreamEntryID> r : replies) {
        out.add(error(r));
      }
      return out;
    } catch (JedisException | IllegalStateException e) {
      throw unavailable(e);
    }
  }

  private static Optional<String> error(Response<StreamEntryID> reply) {
    try {
      reply.get();
      return Optional.empty();
    } catch (JedisDataException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  @Override
  public List<Stored> read(String key, String after, int count) {
    try {
      List<StreamEntry> entries = connection().xrange(key, "(" + after, "+", count);
      List<Stored> out = new ArrayList<>(entries.size());
      for (StreamEntry e : entries) {
        out.add(new Stored(e.getID().toString(), e.getFields()));
      }
      return out;
    } catch (JedisException | IllegalStateException e) {
      throw unavailable(e);
    }
  }

  private StreamUnavailableException unavailable(RuntimeException e) {
    close();
    return new StreamUnavailableException(
        "Redis at " + settings.where() + ": " + describe(root(e)), e);
  }

  private Jedis connection() {
    Jedis j = jedis;
    if (j == null) {
      j = new Jedis(new HostAndPort(settings.host(), settings.port()), config);
      jedis = j;
    }
    return j;
  }

  /** {@code ConnectException: Connection refused}, or the kind alone when there is no message. */
  private static String describe(Throwable e) {
    String message = e.getMessage();
    String kind = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? kind : kind + ": " + message;
  }

  /**
   * The innermost cause, which usually says what happened; Jedis puts a refused connection's cause
   * among the suppressed exceptions of its own "Failed to connect".
   */
  private static Throwable root(Throwable e) {
    Throwable t = e;
    for (int depth = 0; depth < 20; depth++) {
      Throwable next = t.getCause();
      if (next == null && t.getSuppressed().length > 0) {
        next = t.getSuppressed()[0];
      }
      if (next == null || next == t) {
        break;
      }
      t = next;
    }
    return t;
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

package io.frmonitor.collect.redis;

import static io.frmonitor.collect.redis.RedisInfoParser.optional;
import static io.frmonitor.collect.redis.RedisInfoParser.required;
import static io.frmonitor.collect.redis.RedisInfoParser.text;

import io.frmonitor.model.RedisServerSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One {@code INFO} answer and when it was read; two consecutive readings give the rates. Pure.
 *
 * @param fields the answer's {@code key:value} fields
 */
record RedisServerReading(Map<String, String> fields, Instant at) {
  RedisServerReading {
    fields = Map.copyOf(fields);
  }

  /** The snapshot of this reading, with rates since {@code previous} when there is one. */
  RedisServerSnapshot snapshot(Optional<RedisServerReading> previous) {
    long commands = required(fields, "total_commands_processed");
    long hits = required(fields, "keyspace_hits");
    long misses = required(fields, "keyspace_misses");
    Optional<RedisServerReading> before = previous.filter(p -> comparable(p));
    return new RedisServerSnapshot(
        text(fields, "redis_version").orElse("unknown"),
        text(fields, "role").orElse("unknown"),
        required(fields, "uptime_in_seconds"),
        required(fields, "connected_clients"),
        optional(fields, "blocked_clients").orElse(0),
        optional(fields, "maxclients"),
        required(fields, "used_memory"),
        optional(fields, "used_memory_rss"),
        limit(optional(fields, "maxmemory")),
        text(fields, "maxmemory_policy").orElse("unknown"),
        commands,
        before
            .map(p -> rate(p, "total_commands_processed", commands))
            .orElse(OptionalDouble.empty()),
        hits,
        misses,
        before.map(p -> hitRatio(p, hits, misses)).orElse(OptionalDouble.empty()),
        required(fields, "evicted_keys"),
        optional(fields, "expired_keys").orElse(0),
        required(fields, "rejected_connections"),
        optional(fields, "connected_slaves").orElse(0),
        text(fields, "master_link_status"),
        RedisInfoParser.databases(fields));
  }

  /** The same Redis, still running: its counters only grew. */
  private boolean comparable(RedisServerReading p) {
    return at.isAfter(p.at)
        && text(fields, "run_id").equals(text(p.fields, "run_id"))
        && required(fields, "total_commands_processed")
            >= required(p.fields, "total_commands_processed");
  }

  private OptionalDouble rate(RedisServerReading p, String counter, long now) {
    double seconds = Duration.between(p.at, at).toNanos() / 1e9;
    return OptionalDouble.of((now - required(p.fields, counter)) / seconds);
  }

  private static OptionalDouble hitRatio(RedisServerReading p, long hits, long misses) {
    long dHits = hits - required(p.fields, "keyspace_hits");
    long dMisses = misses - required(p.fields, "keyspace_misses");
    return dHits + dMisses > 0
        ? OptionalDouble.of((double) dHits / (dHits + dMisses))
        : OptionalDouble.empty();
  }

  /** {@code maxmemory 0} means no limit. */
  private static OptionalLong limit(OptionalLong maxMemory) {
    return maxMemory.isPresent() && maxMemory.getAsLong() > 0 ? maxMemory : OptionalLong.empty();
  }
}

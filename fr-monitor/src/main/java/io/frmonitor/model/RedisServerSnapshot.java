package io.frmonitor.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The fr-server's Redis itself, from {@code INFO}: memory against its limit, clients, throughput,
 * evictions and refusals — a Redis that evicts or refuses connections loses client states, which
 * stops the whole system. Totals are Redis's own since its start; rates are over the last
 * collection interval (empty on the first, and after Redis restarted).
 *
 * @param maxMemoryBytes {@code maxmemory}; empty when unlimited (0)
 * @param hitRatio keyspace hits ÷ (hits + misses) over the interval; empty without lookups
 * @param masterLinkStatus a replica's link to its primary ({@code up}, {@code down}); empty on a
 *     primary
 */
public record RedisServerSnapshot(
    String version,
    String role,
    long uptimeSeconds,
    long connectedClients,
    long blockedClients,
    OptionalLong maxClients,
    long usedMemoryBytes,
    OptionalLong rssBytes,
    OptionalLong maxMemoryBytes,
    String maxMemoryPolicy,
    long commandsTotal,
    OptionalDouble opsPerSec,
    long keyspaceHitsTotal,
    long keyspaceMissesTotal,
    OptionalDouble hitRatio,
    long evictedKeysTotal,
    long expiredKeysTotal,
    long rejectedConnectionsTotal,
    long connectedReplicas,
    Optional<String> masterLinkStatus,
    List<Database> databases) {
  /** The redis_server family: what the outputs call this snapshot. */
  public static final Family<RedisServerSnapshot> FAMILY =
      new Family<>("redis_server", RedisServerSnapshot.class);

  public RedisServerSnapshot {
    databases = List.copyOf(databases);
  }

  /** One logical database that holds keys ({@code db0:keys=…,expires=…}). */
  public record Database(int index, long keys, long expires) {}
}

package io.frmonitor.family.redisserver;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.family.Nullables;
import io.frmonitor.model.RedisServerSnapshot;
import io.frmonitor.registry.Latest;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@code GET /metrics/redis_server}: the fr-server's Redis itself, from {@code INFO}. */
public record RedisServerDto(
    @Nullable Long timestamp,
    boolean stale,
    @Nullable String version,
    @JsonPropertyDescription("master or slave (Redis's words)") @Nullable String role,
    @Nullable Long uptimeSeconds,
    @Nullable Long connectedClients,
    @Nullable Long blockedClients,
    @JsonPropertyDescription("maxclients: connections beyond it are rejected")
        @Nullable Long maxClients,
    @Nullable Long usedMemoryBytes,
    @Nullable Long rssBytes,
    @JsonPropertyDescription("maxmemory; null when unlimited") @Nullable Long maxMemoryBytes,
    @JsonPropertyDescription("used ÷ maxmemory, 0-100; null when unlimited")
        @Nullable Double memoryPercent,
    @Nullable String maxMemoryPolicy,
    @JsonPropertyDescription("Commands per second over the last interval")
        @Nullable Double opsPerSec,
    @JsonPropertyDescription("Keyspace hits ÷ lookups over the last interval, 0-1")
        @Nullable Double hitRatio,
    @Nullable Long commandsTotal,
    @Nullable Long keyspaceHitsTotal,
    @Nullable Long keyspaceMissesTotal,
    @JsonPropertyDescription("Keys evicted for maxmemory since Redis started: lost client states")
        @Nullable Long evictedKeysTotal,
    @Nullable Long expiredKeysTotal,
    @JsonPropertyDescription("Connections refused at maxclients since Redis started")
        @Nullable Long rejectedConnectionsTotal,
    @Nullable Long connectedReplicas,
    @JsonPropertyDescription("A replica's link to its primary (up, down); null on a primary")
        @Nullable String masterLinkStatus,
    List<Database> databases) {

  public record Database(int db, long keys, long expires) {}

  static RedisServerDto of(Optional<Latest<RedisServerSnapshot>> latest) {
    if (latest.isEmpty()) {
      return new RedisServerDto(
          null, true, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, List.of());
    }
    RedisServerSnapshot s = latest.get().value();
    return new RedisServerDto(
        latest.get().collectedAt().toEpochMilli(),
        latest.get().stale(),
        s.version(),
        s.role(),
        s.uptimeSeconds(),
        s.connectedClients(),
        s.blockedClients(),
        Nullables.of(s.maxClients()),
        s.usedMemoryBytes(),
        Nullables.of(s.rssBytes()),
        Nullables.of(s.maxMemoryBytes()),
        s.maxMemoryBytes().isPresent()
            ? 100.0 * s.usedMemoryBytes() / s.maxMemoryBytes().getAsLong()
            : null,
        s.maxMemoryPolicy(),
        Nullables.of(s.opsPerSec()),
        Nullables.of(s.hitRatio()),
        s.commandsTotal(),
        s.keyspaceHitsTotal(),
        s.keyspaceMissesTotal(),
        s.evictedKeysTotal(),
        s.expiredKeysTotal(),
        s.rejectedConnectionsTotal(),
        s.connectedReplicas(),
        Nullables.of(s.masterLinkStatus()),
        s.databases().stream().map(d -> new Database(d.index(), d.keys(), d.expires())).toList());
  }
}

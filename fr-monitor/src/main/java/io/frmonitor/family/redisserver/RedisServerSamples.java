package io.frmonitor.family.redisserver;

import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.RedisServerSnapshot;
import java.util.List;

/** The {@code fr_redis_*} metrics: the fr-server's Redis itself. */
final class RedisServerSamples {
  static final MetricDef INFO =
      MetricDef.gauge(
          "fr_redis_info", "Redis identity (always 1).", "version", "role", "maxmemory_policy");
  static final MetricDef UPTIME =
      MetricDef.gauge("fr_redis_uptime_seconds", "Time since Redis started.");
  static final MetricDef CLIENTS =
      MetricDef.gauge("fr_redis_connected_clients", "Client connections, fr-monitor's included.");
  static final MetricDef BLOCKED =
      MetricDef.gauge("fr_redis_blocked_clients", "Clients waiting in a blocking call.");
  static final MetricDef MAX_CLIENTS =
      MetricDef.gauge("fr_redis_max_clients", "maxclients: connections beyond it are rejected.");
  static final MetricDef MEMORY =
      MetricDef.gauge("fr_redis_memory_used_bytes", "Memory Redis allocated (used_memory).");
  static final MetricDef RSS =
      MetricDef.gauge("fr_redis_memory_rss_bytes", "Memory the Redis process holds (RSS).");
  static final MetricDef MAX_MEMORY =
      MetricDef.gauge(
          "fr_redis_memory_max_bytes", "maxmemory; absent when Redis has no memory limit.");
  static final MetricDef COMMANDS =
      MetricDef.counter("fr_redis_commands_processed", "Commands Redis processed.");
  static final MetricDef HITS =
      MetricDef.counter("fr_redis_keyspace_hits", "Key lookups that found the key.");
  static final MetricDef MISSES =
      MetricDef.counter("fr_redis_keyspace_misses", "Key lookups that did not find the key.");
  static final MetricDef EVICTED =
      MetricDef.counter("fr_redis_evicted_keys", "Keys evicted to stay under maxmemory.");
  static final MetricDef EXPIRED = MetricDef.counter("fr_redis_expired_keys", "Keys expired.");
  static final MetricDef REJECTED =
      MetricDef.counter(
          "fr_redis_rejected_connections", "Connections refused at the maxclients limit.");
  static final MetricDef REPLICAS =
      MetricDef.gauge("fr_redis_connected_replicas", "Replicas connected to this Redis.");
  static final MetricDef MASTER_LINK =
      MetricDef.gauge(
          "fr_redis_master_link_up", "On a replica, 1 while its link to the primary is up.");
  static final MetricDef KEYS = MetricDef.gauge("fr_redis_keys", "Keys in a database.", "db");

  static final List<MetricDef> METRICS =
      List.of(
          INFO,
          UPTIME,
          CLIENTS,
          BLOCKED,
          MAX_CLIENTS,
          MEMORY,
          RSS,
          MAX_MEMORY,
          COMMANDS,
          HITS,
          MISSES,
          EVICTED,
          EXPIRED,
          REJECTED,
          REPLICAS,
          MASTER_LINK,
          KEYS);

  private RedisServerSamples() {}

  static void write(RedisServerSnapshot s, SampleWriter out) {
    out.value(INFO, 1, s.version(), s.role(), s.maxMemoryPolicy());
    out.value(UPTIME, s.uptimeSeconds());
    out.value(CLIENTS, s.connectedClients());
    out.value(BLOCKED, s.blockedClients());
    out.value(MAX_CLIENTS, s.maxClients());
    out.value(MEMORY, s.usedMemoryBytes());
    out.value(RSS, s.rssBytes());
    out.value(MAX_MEMORY, s.maxMemoryBytes());
    out.value(COMMANDS, s.commandsTotal());
    out.value(HITS, s.keyspaceHitsTotal());
    out.value(MISSES, s.keyspaceMissesTotal());
    out.value(EVICTED, s.evictedKeysTotal());
    out.value(EXPIRED, s.expiredKeysTotal());
    out.value(REJECTED, s.rejectedConnectionsTotal());
    out.value(REPLICAS, s.connectedReplicas());
    s.masterLinkStatus().ifPresent(link -> out.flag(MASTER_LINK, link.equals("up")));
    s.databases().forEach(d -> out.value(KEYS, d.keys(), Integer.toString(d.index())));
  }
}

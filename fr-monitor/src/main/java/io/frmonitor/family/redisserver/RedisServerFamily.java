package io.frmonitor.family.redisserver;

import static io.frmonitor.family.Card.column;

import io.frmonitor.family.Card;
import io.frmonitor.family.Card.Format;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Points;
import io.frmonitor.family.Rest;
import io.frmonitor.family.SampleSource;
import io.frmonitor.model.RedisServerSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** The fr-server's Redis itself: memory, clients, throughput, evictions ({@code redis_server}). */
public final class RedisServerFamily {
  public static final FamilySpec<RedisServerSnapshot> SPEC =
      FamilySpec.of(RedisServerSnapshot.FAMILY, "Redis server")
          .rest(
              Rest.of(
                  RedisServerDto.class,
                  registry -> RedisServerDto.of(registry.latest(RedisServerSnapshot.FAMILY)),
                  "The fr-server's Redis: memory, clients, throughput, evictions",
                  "From one INFO per poll interval (the monitoring user needs +info). Totals are"
                      + " Redis's own since it started; rates are over the last interval and null"
                      + " on the first and after a Redis restart."))
          .example(example())
          .samples(RedisServerSamples.METRICS, SampleSource.whenFresh(RedisServerSamples::write))
          .series(RedisServerFamily::series)
          .card(
              Card.generic()
                  .tile("Memory", "used_memory_bytes", Format.BYTES)
                  .tile("Of maxmemory", "memory_percent", Format.PERCENT)
                  .tile("Clients", "connected_clients", Format.INTEGER)
                  .tile("Ops/s", "ops_per_sec", Format.NUMBER)
                  .tile("Evicted keys", "evicted_keys_total", Format.INTEGER)
                  .tile("Rejected connections", "rejected_connections_total", Format.INTEGER)
                  .tile("Role", "role", Format.TEXT)
                  .table(
                      "databases",
                      "No keys.",
                      column("database", "db", Format.INTEGER),
                      column("keys", "keys", Format.INTEGER),
                      column("with expiry", "expires", Format.INTEGER))
                  .build())
          .build();

  private RedisServerFamily() {}

  static Map<String, Double> series(RedisServerSnapshot s) {
    Points p = new Points(RedisServerSnapshot.FAMILY);
    p.put("used_memory_bytes", s.usedMemoryBytes());
    p.put("connected_clients", s.connectedClients());
    p.put("ops_per_sec", s.opsPerSec());
    p.put("hit_ratio", s.hitRatio());
    p.put("evicted_keys_total", s.evictedKeysTotal());
    return p.map();
  }

  /** The fr-server's Redis as it runs: no memory limit, one database with the state hash. */
  static RedisServerSnapshot example() {
    return new RedisServerSnapshot(
        "7.2.4",
        "master",
        86_400,
        14,
        0,
        OptionalLong.of(10_000),
        1_388_624,
        OptionalLong.of(7_487_488),
        OptionalLong.empty(),
        "noeviction",
        1_204_311,
        OptionalDouble.of(42.5),
        88_010,
        1_203,
        OptionalDouble.of(0.98),
        0,
        12,
        0,
        0,
        Optional.empty(),
        List.of(new RedisServerSnapshot.Database(0, 3, 0)));
  }
}

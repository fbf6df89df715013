package io.frmonitor.collect.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.frmonitor.model.RedisServerSnapshot;
import io.frmonitor.testing.Fixtures;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisServerReadingTest {
  private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

  private static Map<String, String> primary() {
    // captured from Redis 7.0.15 with a replica attached, maxmemory 100mb, allkeys-lru
    return RedisInfoParser.fields(Fixtures.text("redis/info-7.0-primary.txt"));
  }

  @Test
  void readsACapturedPrimary() {
    RedisServerSnapshot s = new RedisServerReading(primary(), T0).snapshot(Optional.empty());

    assertThat(s.version()).isEqualTo("7.0.15");
    assertThat(s.role()).isEqualTo("master");
    assertThat(s.maxMemoryBytes()).hasValue(104_857_600);
    assertThat(s.maxMemoryPolicy()).isEqualTo("allkeys-lru");
    assertThat(s.usedMemoryBytes()).isPositive();
    assertThat(s.maxClients()).hasValue(10_000);
    assertThat(s.connectedReplicas()).isEqualTo(1);
    assertThat(s.masterLinkStatus()).isEmpty();
    assertThat(s.keyspaceHitsTotal()).isEqualTo(1);
    assertThat(s.keyspaceMissesTotal()).isEqualTo(1);
    assertThat(s.databases()).containsExactly(new RedisServerSnapshot.Database(0, 2, 0));
    assertThat(s.opsPerSec()).as("a rate needs two readings").isEmpty();
    assertThat(s.hitRatio()).isEmpty();
  }

  @Test
  void readsACapturedReplicaWhoseLinkIsDownAndWithoutMemoryLimit() {
    RedisServerSnapshot s =
        new RedisServerReading(
                RedisInfoParser.fields(Fixtures.text("redis/info-7.0-replica.txt")), T0)
            .snapshot(Optional.empty());

    assertThat(s.role()).isEqualTo("slave");
    assertThat(s.masterLinkStatus()).contains("down");
    assertThat(s.maxMemoryBytes()).as("maxmemory 0 is no limit, not a limit of 0").isEmpty();
    assertThat(s.databases()).isEmpty();
  }

  @Test
  void ratesAndHitRatioComeFromTwoReadingsOfTheSameRedis() {
    Map<String, String> later = new HashMap<>(primary());
    later.put(
        "total_commands_processed",
        Long.toString(Long.parseLong(later.get("total_commands_processed")) + 500));
    later.put("keyspace_hits", "91");
    later.put("keyspace_misses", "11");
    RedisServerReading first = new RedisServerReading(primary(), T0);

    RedisServerSnapshot s =
        new RedisServerReading(later, T0.plusSeconds(5)).snapshot(Optional.of(first));

    assertThat(s.opsPerSec().getAsDouble()).isCloseTo(100.0, within(1e-9));
    assertThat(s.hitRatio().getAsDouble()).isCloseTo(0.9, within(1e-9));
  }

  @Test
  void aRestartedRedisGivesNoRateRatherThanANegativeOne() {
    Map<String, String> restarted = new HashMap<>(primary());
    restarted.put("run_id", "0000000000000000000000000000000000000000");
    restarted.put("total_commands_processed", "3");

    RedisServerSnapshot s =
        new RedisServerReading(restarted, T0.plusSeconds(5))
            .snapshot(Optional.of(new RedisServerReading(primary(), T0)));

    assertThat(s.opsPerSec()).isEmpty();
    assertThat(s.hitRatio()).isEmpty();
  }

  @Test
  void somethingThatIsNotRedisInfoIsRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                new RedisServerReading(RedisInfoParser.fields("# Server\r\nfoo:bar\r\n"), T0)
                    .snapshot(Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("INFO has no numeric");
  }
}

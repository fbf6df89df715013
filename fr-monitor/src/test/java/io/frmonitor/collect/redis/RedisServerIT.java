package io.frmonitor.collect.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frmonitor.collect.PollOutcome;
import io.frmonitor.config.RedisSettings;
import io.frmonitor.config.Secret;
import io.frmonitor.model.RedisServerSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The Redis-server collector against the machine's real Redis, as an ACL user that may read and run
 * {@code INFO} — exactly {@code +info}, not the {@code @dangerous} category it belongs to.
 */
class RedisServerIT {
  private static final String PASSWORD = "it-password";

  private final String user = "fr-monitor-it-" + UUID.randomUUID();
  private final MetricRegistry registry = Registries.forCollectorTests();
  private final ManualClock clock = new ManualClock();
  private Jedis admin;

  @BeforeEach
  void connect() {
    admin = new Jedis("127.0.0.1", 6379);
    grant("+info");
  }

  @AfterEach
  void cleanUp() {
    admin.aclDelUser(user);
    admin.close();
  }

  private void grant(String... extra) {
    String[] rules = new String[8 + extra.length];
    String[] base = {"reset", "on", ">" + PASSWORD, "~*", "&*", "-@all", "+@read", "+@connection"};
    System.arraycopy(base, 0, rules, 0, base.length);
    System.arraycopy(extra, 0, rules, base.length, extra.length);
    admin.aclSetUser(user, rules);
  }

  private RedisInfoPoller poller() {
    return RedisInfoPoller.create(
        new RedisSettings(
            "127.0.0.1", 6379, 13, user, new Secret(PASSWORD), "Clients_status", Map.of()),
        clock,
        Duration.ofSeconds(2));
  }

  @Test
  void infoIsTheOnlyDangerousCommandTheUserMayRun() {
    try (Jedis monitoring = new Jedis("127.0.0.1", 6379)) {
      monitoring.auth(user, PASSWORD);
      assertThat(monitoring.info()).contains("redis_version:");
      assertThatThrownBy(() -> monitoring.configGet("maxmemory"))
          .isInstanceOf(JedisDataException.class)
          .hasMessageContaining("NOPERM");
      assertThatThrownBy(monitoring::flushDB)
          .isInstanceOf(JedisDataException.class)
          .hasMessageContaining("NOPERM");
      assertThatThrownBy(() -> monitoring.set("fr-monitor-it:x", "1"))
          .isInstanceOf(JedisDataException.class)
          .hasMessageContaining("NOPERM");
    }
  }

  @Test
  void readsTheRedisItWatchesAndRatesComeFromTheSecondReading() throws Exception {
    String version = RedisInfoParser.fields(admin.info()).get("redis_version");
    try (RedisInfoPoller p = poller()) {
      assertThat(p.poll(registry)).isEqualTo(PollOutcome.ok());
      RedisServerSnapshot first = snapshot();
      assertThat(first.version()).isEqualTo(version);
      assertThat(first.connectedClients()).isPositive();
      assertThat(first.usedMemoryBytes()).isPositive();
      assertThat(first.opsPerSec()).isEmpty();

      clock.advance(Duration.ofSeconds(5));
      p.poll(registry);
    }
    assertThat(snapshot().opsPerSec()).isPresent();
    assertThat(snapshot().opsPerSec().getAsDouble()).isPositive();
    assertThat(registry.allSeries()).containsKey("redis_server.used_memory_bytes");
  }

  @Test
  void withoutInfoTheCollectorSaysWhichPermissionIsMissing() {
    grant();
    try (RedisInfoPoller p = poller()) {
      assertThatThrownBy(() -> p.poll(registry))
          .hasMessageContaining("may not run INFO")
          .hasMessageContaining("+info");
    }
  }

  private RedisServerSnapshot snapshot() {
    return registry.latest(RedisServerSnapshot.FAMILY).orElseThrow().value();
  }
}

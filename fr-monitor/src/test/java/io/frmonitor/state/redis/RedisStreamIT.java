package io.frmonitor.state.redis;

import static io.frmonitor.state.redis.Readings.QUEUES;
import static io.frmonitor.state.redis.Readings.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.frmonitor.config.RedisStreamSettings;
import io.frmonitor.config.Secret;
import io.frmonitor.model.ComponentStatus;
import io.frmonitor.model.Event;
import io.frmonitor.model.Health;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.registry.TimeSeriesRing;
import io.frmonitor.state.redis.Readings.Reading;
import io.frmonitor.testing.ManualClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.AccessControlLogEntry;

/**
 * The stream copy against the machine's real Redis (127.0.0.1:6379, database 14, which only the
 * stream tests use, one at a time), written and read back as an ACL user allowed only fr-monitor's
 * own keys and the commands the copy needs; every other key in the database is left byte for byte
 * as it was.
 */
class RedisStreamIT {
  private static final int DB = 14;
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final Instant T0 = Instant.parse("2026-11-29T19:00:00Z");

  /** What the copy needs, and all the user may do: docs/persistence.md prescribes the same. */
  private static final List<String> ACL =
      List.of(
          "resetkeys",
          "~fr-monitor:*",
          "resetchannels",
          "-@all",
          "+xadd",
          "+xrange",
          "+select",
          "+client|setname");

  private final String server = "it-" + UUID.randomUUID();
  private final String user = "fr-monitor-stream-it-" + UUID.randomUUID();
  private final ManualClock clock = new ManualClock(T0);
  private Jedis admin;

  @BeforeEach
  void connect() {
    admin = new Jedis("127.0.0.1", 6379);
    admin.select(DB);
    String[] rules = new String[ACL.size() + 3];
    rules[0] = "reset";
    rules[1] = "on";
    rules[2] = ">it-password";
    for (int i = 0; i < ACL.size(); i++) {
      rules[i + 3] = ACL.get(i);
    }
    admin.aclSetUser(user, rules);
  }

  @AfterEach
  void cleanUp() {
    admin.del("fr-monitor:" + server + ":history", "fr-monitor:" + server + ":events");
    admin.del(server + ":Clients_status", server + ":string", server + ":list");
    admin.aclDelUser(user);
    admin.close();
  }

  private RedisStreamSettings settings(int port, int db, String name, String password) {
    return new RedisStreamSettings("127.0.0.1", port, db, name, new Secret(password), server);
  }

  /** The fr-server's kind of keys: a hash, a string with an expiry, a list. */
  private void seed() {
    admin.hset(server + ":Clients_status", Map.of("active_clients", "\u0080\u0004pickled"));
    admin.set(server + ":string", "value");
    admin.expire(server + ":string", 3600);
    admin.rpush(server + ":list", "a", "b", "c");
  }

  /** Every key of the database but the streams: its DUMP and its expiry time. */
  private Map<String, String> others() {
    Map<String, String> out = new TreeMap<>();
    for (String k : admin.keys("*")) { // the test's own look; the copy never lists keys
      if (k.startsWith("fr-monitor:" + server + ":")) {
        continue;
      }
      byte[] dump = admin.dump(k.getBytes(StandardCharsets.UTF_8));
      out.put(k, Arrays.toString(dump) + " expires " + admin.expireTime(k));
    }
    return out;
  }

  private static ComponentStatus component(MetricRegistry r) {
    return r.components().get("redis_stream");
  }

  @Test
  void aUserAllowedOnlyItsOwnKeysWritesAndReadsBackAndEverythingElseIsUnchanged() {
    seed();
    Map<String, String> before = others();
    assertThat(before).hasSizeGreaterThanOrEqualTo(3);

    MetricRegistry first = Readings.registry(clock);
    RedisStreamMirror mirror =
        RedisStreamMirror.create(settings(6379, DB, user, "it-password"), first, TIMEOUT, TIMEOUT);
    first.addListener(mirror);
    mirror.start();
    for (int i = 0; i < 40; i++) {
      first.publish(SYSTEM, new Reading(Map.of("system.cpu_percent", i + 0.5)));
      first.publish(QUEUES, new Reading(Map.of("queues.actions.depth", (double) i)));
      if (i % 10 == 0) {
        first.appendEvent(
            new Event(
                clock.instant(),
                "client_state_change",
                Map.of("client", "c" + i, "from", "active", "to", "blocked", "t", "odd name")));
      }
      clock.advance(Duration.ofSeconds(5));
    }
    mirror.close();
    assertThat(component(first).health()).isEqualTo(Health.OK);
    assertThat(component(first).lastError()).isEmpty();
    assertThat(admin.xlen("fr-monitor:" + server + ":history")).isEqualTo(80);
    assertThat(admin.xlen("fr-monitor:" + server + ":events")).isEqualTo(4);

    clock.advance(Duration.ofMinutes(2)); // a new container, two minutes later
    MetricRegistry second = Readings.registry(clock);
    RedisStreamRestore.create(settings(6379, DB, user, "it-password"), clock, TIMEOUT)
        .restoreInto(second);

    for (String series : List.of("system.cpu_percent", "queues.actions.depth")) {
      assertThat(points(second, series)).as(series).isEqualTo(points(first, series));
    }
    assertThat(second.events().newest(100, null)).isEqualTo(first.events().newest(100, null));
    assertThat(second.provenance().orElseThrow().source())
        .isEqualTo("redis stream fr-monitor:" + server + ":history at 127.0.0.1:6379/" + DB);
    assertThat(second.provenance().orElseThrow().upTo())
        .isEqualTo(T0.plus(Duration.ofSeconds(39 * 5)));

    assertThat(others()).isEqualTo(before);
    assertThat(deniedToTheUser()).as("the ACL log: nothing the copy tried was refused").isEmpty();
  }

  @Test
  void theUserCannotTouchAnyOtherKey() {
    seed();
    try (Jedis asUser = new Jedis("127.0.0.1", 6379)) {
      asUser.auth(user, "it-password");
      asUser.select(DB);
      assertThatThrownBy(() -> asUser.hset(server + ":Clients_status", "active_clients", "x"))
          .isInstanceOf(JedisDataException.class)
          .hasMessageContaining("NOPERM");
      assertThatThrownBy(() -> asUser.get(server + ":string")).hasMessageContaining("NOPERM");
      assertThatThrownBy(() -> asUser.del("fr-monitor:" + server + ":history"))
          .hasMessageContaining("NOPERM");
    }
  }

  @Test
  void aRefusedPasswordDegradesWithTheReasonAndTheServiceGoesOn() {
    MetricRegistry r = Readings.registry(clock);
    RedisStreamMirror mirror =
        RedisStreamMirror.create(settings(6379, DB, user, "wrong"), r, TIMEOUT, TIMEOUT);
    r.addListener(mirror);
    mirror.start();
    try {
      r.publish(SYSTEM, new Reading(Map.of("system.cpu_percent", 1.0)));
      await().atMost(Duration.ofSeconds(10)).until(() -> component(r).health() == Health.DEGRADED);
      assertThat(component(r).lastError().orElseThrow())
          .startsWith("Redis at 127.0.0.1:6379/" + DB + ": ")
          .contains("WRONGPASS");
    } finally {
      mirror.close();
    }
    assertThat(admin.exists("fr-monitor:" + server + ":history")).isFalse();
  }

  @Test
  void redisAbsentDegradesWithTheReasonAndOkComesBackOnceAWriteWorks() throws Exception {
    int port = freePort();
    MetricRegistry r = Readings.registry(clock);
    RedisStreamMirror mirror =
        RedisStreamMirror.create(
            settings(port, 0, "", ""), r, Duration.ofMillis(500), Duration.ofMillis(500));
    r.addListener(mirror);
    mirror.start();
    Path dir = Files.createTempDirectory("fr-monitor-stream");
    Process redis = null;
    try {
      r.publish(SYSTEM, new Reading(Map.of("system.cpu_percent", 1.0))); // never throws
      await().atMost(Duration.ofSeconds(10)).until(() -> component(r).health() == Health.DEGRADED);
      assertThat(component(r).lastError().orElseThrow())
          .isEqualTo("Redis at 127.0.0.1:" + port + "/0: ConnectException: Connection refused");

      redis = startRedis(port, dir);
      clock.advance(Duration.ofSeconds(5));
      r.publish(SYSTEM, new Reading(Map.of("system.cpu_percent", 2.0)));
      await().atMost(Duration.ofSeconds(10)).until(() -> component(r).health() == Health.OK);
      mirror.close();
      try (Jedis j = new Jedis("127.0.0.1", port)) {
        assertThat(j.xlen("fr-monitor:" + server + ":history"))
            .as("the entry kept while Redis was away, and the new one")
            .isEqualTo(2);
      }
    } finally {
      mirror.close();
      if (redis != null) {
        redis.destroy();
        redis.waitFor();
      }
    }
  }

  @Test
  void aRedisThatIsNotThereAtStartIsAFreshStart() throws IOException {
    MetricRegistry r = Readings.registry(clock);
    RedisStreamRestore.create(settings(freePort(), 0, "", ""), clock, Duration.ofMillis(500))
        .restoreInto(r);
    assertThat(r.seriesCount()).isZero();
    assertThat(r.provenance()).isEmpty();
  }

  private static Map<Long, Double> points(MetricRegistry r, String series) {
    TimeSeriesRing.SeriesPoints p = r.series(series).orElseThrow().since(Long.MIN_VALUE);
    TreeMap<Long, Double> out = new TreeMap<>();
    for (int i = 0; i < p.size(); i++) {
      out.put(p.time(i), p.value(i));
    }
    return out;
  }

  private List<AccessControlLogEntry> deniedToTheUser() {
    return admin.aclLog().stream().filter(e -> e.getUsername().equals(user)).toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** A private redis-server (the machine's binary) that this test may start and stop. */
  private static Process startRedis(int port, Path dir) throws IOException {
    Process p =
        new ProcessBuilder(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () -> {
              try (Jedis j = new Jedis("127.0.0.1", port)) {
                return "PONG".equals(j.ping());
              }
            });
    return p;
  }
}

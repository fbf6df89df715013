package io.frmonitor.collect.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.collect.CollectorRuntime;
import io.frmonitor.collect.PollOutcome;
import io.frmonitor.collect.RetryPolicy;
import io.frmonitor.config.RedisSettings;
import io.frmonitor.config.Secret;
import io.frmonitor.model.ClientFlag;
import io.frmonitor.model.ClientState;
import io.frmonitor.model.ClientsSnapshot;
import io.frmonitor.model.Health;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.schedule.ExecutorTaskScheduler;
import io.frmonitor.testing.PythonPickle;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The client-state collector against the machine's real Redis (127.0.0.1:6379, database 13, keys
 * under a unique prefix, removed afterwards), reading as a Redis ACL user that may only read.
 */
class ClientStateRedisIT {
  private static final int DB = 13;
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final String prefix = "fr-monitor-it:" + UUID.randomUUID() + ":";
  private final String key = prefix + "Clients_status";
  private final String user = "fr-monitor-it-" + UUID.randomUUID();
  private final MetricRegistry registry =
      new MetricRegistry(
          Clock.systemUTC(), Duration.ofMinutes(5), 60, 500, 2000, Duration.ofSeconds(10));
  private final PayloadDecoder decoder = new PayloadDecoder(DecodeLimits.DEFAULT);
  private Jedis admin;

  @BeforeEach
  void connect() {
    admin = new Jedis("127.0.0.1", 6379);
    admin.select(DB);
    // the user docs/operations.md prescribes: read commands, connection handling and INFO only
    admin.aclSetUser(
        user,
        "reset",
        "on",
        ">it-password",
        "~*",
        "&*",
        "-@all",
        "+@read",
        "+@connection",
        "+info");
  }

  @AfterEach
  void cleanUp() {
    for (String k : admin.keys(prefix + "*")) { // test cleanup only; the collector never uses KEYS
      admin.del(k);
    }
    admin.aclDelUser(user);
    admin.close();
  }

  private RedisSettings settings(int port, Map<String, String> stateKeys) {
    return new RedisSettings(
        "127.0.0.1", port, DB, user, new Secret("it-password"), key, stateKeys);
  }

  private ClientStatePoller poller(RedisSettings s) {
    return ClientStatePoller.create(s, decoder, Clock.systemUTC(), TIMEOUT);
  }

  private void field(ClientFlag flag, List<String> names) {
    admin.hset(
        key.getBytes(StandardCharsets.UTF_8),
        flag.field().getBytes(StandardCharsets.UTF_8),
        PythonPickle.listOfStrings(names));
  }

  private ClientsSnapshot snapshot() {
    return registry.latest(ClientsSnapshot.FAMILY).orElseThrow().value();
  }

  @Test
  void theAclUserCannotWriteSoTheCollectorCannotEither() {
    try (Jedis readOnly = new Jedis("127.0.0.1", 6379)) {
      readOnly.auth(user, "it-password");
      readOnly.select(DB);
      assertThatThrownBy(() -> readOnly.hset(key, "active_clients", "x"))
          .isInstanceOf(JedisDataException.class)
          .hasMessageContaining("NOPERM");
    }
  }

  @Test
  void readsTheHashAsTheFrServerWritesItAndLeavesItUnchanged() throws Exception {
    field(ClientFlag.ACTIVE, List.of("obama", "biden", "carter"));
    field(ClientFlag.BLOCKED, List.of("obama"));
    field(ClientFlag.PAUSED, List.of("carter"));
    field(ClientFlag.DEACTIVATED, List.of("bush", "obama"));
    field(ClientFlag.INTERNET_ERROR, List.of());
    field(ClientFlag.TO_CLOSE, List.of());
    byte[] before = admin.dump(key.getBytes(StandardCharsets.UTF_8));

    try (ClientStatePoller p = poller(settings(6379, Map.of()))) {
      assertThat(p.poll(registry)).isEqualTo(PollOutcome.ok());
      p.poll(registry);
    }

    ClientsSnapshot s = snapshot();
    assertThat(s.count(ClientFlag.ACTIVE)).isEqualTo(3);
    assertThat(s.count(ClientFlag.DEACTIVATED)).isEqualTo(2);
    assertThat(s.state(s.indexOf("obama"))).isEqualTo(ClientState.BLOCKED);
    assertThat(s.state(s.indexOf("carter"))).isEqualTo(ClientState.PAUSED);
    assertThat(s.state(s.indexOf("biden"))).isEqualTo(ClientState.ACTIVE);
    assertThat(s.state(s.indexOf("bush"))).isEqualTo(ClientState.DEACTIVATED);
    assertThat(s.anomalies().blockedAndActive()).containsExactly("obama");
    assertThat(admin.dump(key.getBytes(StandardCharsets.UTF_8))).isEqualTo(before);
  }

  @Test
  void recordsTransitionsBetweenCycles() throws Exception {
    field(ClientFlag.ACTIVE, List.of("obama"));
    try (ClientStatePoller p = poller(settings(6379, Map.of()))) {
      p.poll(registry);
      field(ClientFlag.BLOCKED, List.of("obama"));
      field(ClientFlag.ACTIVE, List.of());
      p.poll(registry);
    }
    assertThat(registry.events().newest(10, "client_state_change"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.fields())
                    .containsEntry("client", "obama")
                    .containsEntry("from", "active")
                    .containsEntry("to", "blocked"));
  }

  @Test
  void aMissingHashIsNoClientsAndAWrongTypeIsAClearFailure() throws Exception {
    try (ClientStatePoller p = poller(settings(6379, Map.of()))) {
      assertThat(p.poll(registry)).isEqualTo(PollOutcome.ok());
      assertThat(snapshot().size()).isZero();

      admin.set(key, "not a hash");
      assertThatThrownBy(() -> p.poll(registry))
          .hasMessageContaining(key + " is a string, expected a hash");
    }
  }

  @Test
  void aCorruptFieldDegradesAndTheOthersAreServed() throws Exception {
    field(ClientFlag.ACTIVE, List.of("obama", "biden"));
    admin.hset(
        key.getBytes(StandardCharsets.UTF_8),
        "paused_clients".getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0x80, 4, (byte) 0x95, 1});
    try (ClientStatePoller p = poller(settings(6379, Map.of()))) {
      PollOutcome outcome = p.poll(registry);
      assertThat(outcome.degradedReason().orElseThrow()).contains("paused_clients");
    }
    assertThat(snapshot().count(ClientFlag.ACTIVE)).isEqualTo(2);
  }

  @Test
  void separateKeysOfEachTypeCanReplaceTheHash() throws Exception {
    admin.sadd(prefix + "active", "obama", "biden");
    admin.rpush(prefix + "paused", "biden");
    admin.set(
        (prefix + "blocked").getBytes(StandardCharsets.UTF_8),
        PythonPickle.listOfStrings(List.of("carter")));
    admin.set(prefix + "internet", "[\"bush\"]");
    RedisSettings s =
        settings(
            6379,
            new java.util.LinkedHashMap<>(
                Map.of(
                    "active_clients", prefix + "active",
                    "paused_clients", prefix + "paused",
                    "blocked_clients", prefix + "blocked",
                    "connecting_internet_error", prefix + "internet",
                    "deactivate_clients", prefix + "absent")));
    try (ClientStatePoller p = poller(s)) {
      assertThat(p.poll(registry)).isEqualTo(PollOutcome.ok());
    }
    ClientsSnapshot snap = snapshot();
    assertThat(snap.size()).isEqualTo(4);
    assertThat(snap.state(snap.indexOf("biden"))).isEqualTo(ClientState.PAUSED);
    assertThat(snap.state(snap.indexOf("carter"))).isEqualTo(ClientState.BLOCKED);
    assertThat(snap.state(snap.indexOf("bush"))).isEqualTo(ClientState.INTERNET_ERROR);
  }

  @Test
  void handlesAHundredThousandClients() throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      names.add("ci_client_" + i);
    }
    field(ClientFlag.ACTIVE, names);
    field(ClientFlag.DEACTIVATED, names.subList(50_000, 100_000));
    try (ClientStatePoller p = poller(settings(6379, Map.of()))) {
      assertThat(p.poll(registry)).isEqualTo(PollOutcome.ok());
      field(ClientFlag.BLOCKED, names.subList(0, 10));
      p.poll(registry);
    }
    assertThat(snapshot().size()).isEqualTo(100_000);
    assertThat(snapshot().count(ClientState.ACTIVE)).isEqualTo(99_990);
    assertThat(registry.events().newest(100, "client_state_change")).hasSize(10);
  }

  @Test
  void redisGoingAwayMakesValuesStaleAndTheCollectorRecoversByItself() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path dir = Files.createTempDirectory("fr-monitor-redis");
    Process redis = startRedis(port, dir);
    try (ExecutorTaskScheduler scheduler = new ExecutorTaskScheduler()) {
      CollectorRuntime runtime =
          new CollectorRuntime(
              List.of(
                  ClientStatePoller.create(
                      new RedisSettings(
                          "127.0.0.1", port, 0, "", new Secret(""), "Clients_status", Map.of()),
                      decoder,
                      Clock.systemUTC(),
                      Duration.ofMillis(500))),
              registry,
              scheduler,
              new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 5),
              Duration.ofMillis(500),
              () -> 0.5,
              CollectorRuntime::threadPerPoller);
      runtime.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> health() == Health.OK);

      redis.destroy();
      redis.waitFor();
      await().atMost(Duration.ofSeconds(10)).until(() -> health() == Health.DOWN);
      assertThat(registry.latest(ClientsSnapshot.FAMILY).orElseThrow().stale()).isTrue();
      assertThat(registry.statuses().get("redis").lastError().orElseThrow())
          .contains("unreachable");

      redis = startRedis(port, dir);
      await().atMost(Duration.ofSeconds(15)).until(() -> health() == Health.OK);
      assertThat(registry.latest(ClientsSnapshot.FAMILY).orElseThrow().stale()).isFalse();
      runtime.close();
    } finally {
      redis.destroy();
      redis.waitFor();
    }
  }

  private Health health() {
    var s = registry.statuses().get("redis");
    return s == null ? Health.PENDING : s.health();
  }

  /** A private redis-server (the machine's binary) that this test may stop and start. */
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

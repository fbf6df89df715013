package io.frmonitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import io.frmonitor.testing.RabbitBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The simulator (its jar, as a user runs it) against a Redis database and a vhost prepared like a
 * live fr-server's: the gateway's {@code Clients_status} lists, a worker consuming its pipeline
 * queue, a frame waiting in {@code clients_data}. It refuses and changes nothing; with {@code
 * --force} it runs; on its own data it starts again by itself. Redis db 12, a key and a vhost of
 * the test's own.
 */
class TargetGuardIT {
  private static final Path SIMULATOR_JAR =
      Path.of(System.getProperty("frsimulator.jar", "target/fr-simulator.jar"));
  private static final int REDIS_DB = 12;

  private final String vhost = "fr-guard-" + System.nanoTime();
  private final String key = "guard-it:" + System.nanoTime() + ":Clients_status";
  private final Map<String, String> env = new HashMap<>();
  private @Nullable Connection server;

  @BeforeEach
  void setUp() throws Exception {
    RabbitBroker.createVhost(vhost);
    env.put("MONITORING_RMQ_URL", RabbitBroker.amqpUrl(vhost));
    env.put("MONITORING_REDIS_DB", Integer.toString(REDIS_DB));
    env.put("MONITORING_REDIS_CLIENTS_KEY", key);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (server != null) {
      server.abort();
    }
    try (Jedis redis = redis()) {
      redis.del(key, TargetGuard.redisMarker(key));
    }
    RabbitBroker.deleteVhost(vhost);
  }

  @Test
  void refusesALiveServersDataAndChangesNothing() throws Exception {
    gatewayWroteTheClientsHash();
    workerConsumesAndAFrameWaits();
    State before = state();

    JarRun sim = simulate("--duration", "0s");

    assertThat(sim.waitFor(60)).as(sim.log()).isEqualTo(2);
    assertThat(sim.log())
        .contains("refusing to start")
        .contains("db 12: " + key + ", a hash of 6 fields (active_clients, blocked_clients")
        .contains("without fr-simulator's marker (the key fr-simulator:" + key + ")")
        .contains("vhost " + vhost + ": queue PipeLine_0_face_data with 1 consumer and 0 messages")
        .contains("queue clients_data with 0 consumers and 1 message ready")
        .contains("never ran in this vhost")
        .contains("--force");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void refusesTheClientsHashAloneNamingOnlyIt() throws Exception {
    gatewayWroteTheClientsHash();
    State before = state();

    JarRun sim = simulate("--duration", "0s");

    assertThat(sim.waitFor(60)).as(sim.log()).isEqualTo(2);
    assertThat(sim.log()).contains(key + ", a hash of 6 fields").doesNotContain("queue ");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void withForceItRunsOverTheServersData() throws Exception {
    gatewayWroteTheClientsHash();
    workerConsumesAndAFrameWaits();

    JarRun sim = simulate("--duration", "0s", "--force", "--clients", "2");

    assertThat(sim.waitFor(60)).as(sim.log()).isZero();
    assertThat(sim.log()).contains("--force: writing over").contains("PipeLine_0_face_data");
    try (Jedis redis = redis()) {
      assertThat(field(redis, "deactivate_clients"))
          .isEqualTo(Pickle.dumps(List.of("ci_client_00000", "ci_client_00001")));
      assertThat(redis.exists(TargetGuard.redisMarker(key))).isTrue();
    }
    assertThat(state().exchanges()).contains(TargetGuard.EXCHANGE_MARKER);
  }

  @Test
  void startsAgainOnItsOwnDataWithoutForce() throws Exception {
    // a first run on a new vhost and db, leaving messages: worker 0's face consumer never acks
    JarRun first =
        simulate(
            "--duration", "2s", "--fps", "20", "--pipelines", "1", "--stuck-consumer", "face:0");
    assertThat(first.waitFor(60)).as(first.log()).isZero();
    String face = Topology.queue(0, "face");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(state().queues().get(face))
                    .startsWith("0 consumers, ")
                    .doesNotEndWith(", 0 ready"));
    assertThat(state().marker()).isTrue();

    JarRun second = simulate("--duration", "0s", "--pipelines", "1");

    assertThat(second.waitFor(60)).as(second.log()).isZero();
    assertThat(second.log()).doesNotContain("--force");
  }

  @Test
  void aMissingVhostIsReportedWithTheWayToCreateIt() throws Exception {
    String missing = vhost + "-missing";
    env.put("MONITORING_RMQ_URL", RabbitBroker.amqpUrl(missing));

    JarRun sim = simulate("--duration", "0s");

    assertThat(sim.waitFor(60)).as(sim.log()).isEqualTo(1);
    assertThat(sim.log())
        .contains("vhost " + missing)
        .contains("curl -u guest -X PUT http://127.0.0.1:15672/api/vhosts/" + missing)
        .contains("rabbitmqctl add_vhost " + missing);
    try (Jedis redis = redis()) {
      assertThat(redis.exists(key)).isFalse();
    }
  }

  private JarRun simulate(String... args) throws Exception {
    return JarRun.start(SIMULATOR_JAR, env, args);
  }

  /**
   * As the gateway primes the hash (all six fields; facts §3.3) and then registers two sessions:
   * each field a pickled {@code list[str]}.
   */
  private void gatewayWroteTheClientsHash() {
    try (Jedis redis = redis()) {
      for (String f :
          List.of(
              "paused_clients",
              "blocked_clients",
              "connecting_internet_error",
              "clients_to_close",
              "deactivate_clients")) {
        redis.hset(bytes(key), bytes(f), Pickle.dumps(List.of()));
      }
      redis.hset(bytes(key), bytes("active_clients"), Pickle.dumps(List.of("obama", "biden")));
    }
  }

  /**
   * As a worker and the gateway declare and use their queues (facts §1.3): worker 0 consuming its
   * face queue with manual ack, a frame in {@code clients_data} the pipelines manager has not
   * taken.
   */
  private void workerConsumesAndAFrameWaits() throws Exception {
    ConnectionFactory f = new ConnectionFactory();
    f.setUri(RabbitBroker.amqpUrl(vhost));
    Connection c = f.newConnection();
    server = c;
    Channel ch = c.createChannel();
    ch.exchangeDeclare(Topology.ROUTING_EXCHANGE, BuiltinExchangeType.DIRECT, true);
    String face = Topology.queue(0, "face");
    ch.queueDeclare(face, true, false, false, null);
    ch.queueBind(face, Topology.ROUTING_EXCHANGE, Topology.routingKey(0));
    ch.basicConsume(face, false, new DefaultConsumer(ch));
    ch.queueDeclare(Topology.FRAMES, true, false, false, null);
    ch.confirmSelect();
    ch.basicPublish("", Topology.FRAMES, Topology.TRANSIENT, Pickle.dumps(List.of("a frame")));
    ch.waitForConfirmsOrDie(5000);
  }

  /**
   * What the simulator could change: the hash's {@code DUMP} (hex), its marker, each queue's
   * consumers and ready messages, the exchanges.
   */
  record State(String dump, boolean marker, Map<String, String> queues, Set<String> exchanges) {}

  /** The hash's {@code DUMP}, the queues' consumers and ready messages, the exchanges' names. */
  private State state() throws Exception {
    String dump;
    boolean marker;
    try (Jedis redis = redis()) {
      byte[] raw = redis.dump(bytes(key));
      dump = raw == null ? "none" : HexFormat.of().formatHex(raw);
      marker = redis.exists(TargetGuard.redisMarker(key));
    }
    Map<String, String> queues = new TreeMap<>();
    ConnectionFactory f = new ConnectionFactory();
    f.setUri(RabbitBroker.amqpUrl(vhost));
    try (Connection c = f.newConnection()) {
      for (JsonNode q : RabbitBroker.get("/api/queues/" + RabbitBroker.enc(vhost))) {
        String name = q.path("name").asText();
        try (Channel ch = c.createChannel()) {
          AMQP.Queue.DeclareOk ok = ch.queueDeclarePassive(name);
          queues.put(
              name, ok.getConsumerCount() + " consumers, " + ok.getMessageCount() + " ready");
        }
      }
    }
    TreeSet<String> exchanges = new TreeSet<>();
    for (JsonNode e : RabbitBroker.get("/api/exchanges/" + RabbitBroker.enc(vhost))) {
      exchanges.add(e.path("name").asText());
    }
    return new State(dump, marker, queues, exchanges);
  }

  private byte @Nullable [] field(Jedis redis, String name) {
    return redis.hget(bytes(key), bytes(name));
  }

  private static Jedis redis() {
    Jedis r = new Jedis("127.0.0.1", 6379);
    r.select(REDIS_DB);
    return r;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

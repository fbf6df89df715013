package io.frmonitor.simulator;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.Jedis;

/**
 * Keeps the simulator off a live fr-server. Before the simulator writes anything it looks, with
 * reads only ({@code TYPE}, {@code EXISTS}, {@code HKEYS} in Redis; passive declares on the
 * broker), for fr-server data it did not write:
 *
 * <ul>
 *   <li>the clients hash without the simulator's marker key ({@code fr-simulator:<key>}, written
 *       beside the hash when the simulator takes the database);
 *   <li>any of the fr-server queues it would use with a consumer (the simulator has none of its own
 *       before it starts), or with messages ready in a vhost where the simulator never ran (no
 *       {@value #EXCHANGE_MARKER} exchange: messages left by a former run of its own, a stuck
 *       consumer's for example, are its own).
 * </ul>
 *
 * <p>Found any, it refuses ({@link Refusal}) unless {@code --force}; then, or when nothing was
 * found, it marks the target as its own. Thread safety: used once, on the simulation's thread,
 * before any stage starts.
 */
final class TargetGuard {
  /** A durable fanout exchange, no bindings: the vhost is the simulator's. */
  static final String EXCHANGE_MARKER = "fr-simulator";

  private final SimOptions o;
  private final String broker;

  /** {@code broker} says where the connection goes (host, port, vhost), for the messages. */
  TargetGuard(SimOptions options, String broker) {
    this.o = options;
    this.broker = broker;
  }

  /** The key that says the clients hash {@code clientsKey} in its database is the simulator's. */
  static String redisMarker(String clientsKey) {
    return "fr-simulator:" + clientsKey;
  }

  /**
   * Refuses when the target holds data the simulator did not write (unless {@code --force}, then
   * says so on {@code out}), and marks it as the simulator's.
   */
  void clear(Jedis redis, Connection connection, PrintStream out) throws Refusal, IOException {
    List<String> found = new ArrayList<>();
    String db = "Redis " + o.redisHost() + ":" + o.redisPort() + " db " + o.redisDb() + ": ";
    inRedis(redis, o.clientsKey()).forEach(f -> found.add(db + f));
    inBroker(connection, Topology.queues(o.pipelines())).forEach(f -> found.add(broker + ": " + f));
    if (!found.isEmpty()) {
      if (!o.force()) {
        throw new Refusal(refusal(found));
      }
      out.println("fr-simulator: --force: writing over " + String.join("; ", found));
    }
    mark(redis, connection);
  }

  /** What {@code key} holds that the simulator did not write; empty when nothing or its own. */
  static List<String> inRedis(Jedis redis, String key) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    String type = redis.type(k);
    if (type.equals("none") || redis.exists(redisMarker(key))) {
      return List.of();
    }
    String mark = " without fr-simulator's marker (the key " + redisMarker(key) + ")";
    if (!type.equals("hash")) {
      return List.of(key + ", a " + type + mark);
    }
    Set<String> fields = new TreeSet<>();
    redis.hkeys(k).forEach(f -> fields.add(new String(f, StandardCharsets.UTF_8)));
    return List.of(
        key
            + ", a hash of "
            + fields.size()
            + " fields ("
            + String.join(", ", fields)
            + ")"
            + mark);
  }

  /** The queues among {@code queues} in use by others; empty when none. */
  static List<String> inBroker(Connection connection, List<String> queues) throws IOException {
    boolean ours = passive(connection, ch -> ch.exchangeDeclarePassive(EXCHANGE_MARKER)) != null;
    List<String> out = new ArrayList<>();
    for (String q : queues) {
      AMQP.Queue.DeclareOk ok = passive(connection, ch -> ch.queueDeclarePassive(q));
      if (ok != null && (ok.getConsumerCount() > 0 || (!ours && ok.getMessageCount() > 0))) {
        out.add(
            "queue "
                + q
                + " with "
                + count(ok.getConsumerCount(), "consumer")
                + " and "
                + count(ok.getMessageCount(), "message")
                + " ready");
      }
    }
    if (!ours && !out.isEmpty()) {
      out.add("fr-simulator never ran in this vhost (it has no exchange " + EXCHANGE_MARKER + ")");
    }
    return out;
  }

  private void mark(Jedis redis, Connection connection) throws IOException {
    redis.set(
        redisMarker(o.clientsKey()),
        "fr-simulator writes "
            + o.clientsKey()
            + " in this database (since "
            + Instant.now()
            + "); delete both keys to give the database back");
    Channel ch = connection.createChannel();
    try {
      ch.exchangeDeclare(EXCHANGE_MARKER, BuiltinExchangeType.FANOUT, true);
    } finally {
      ch.abort();
    }
  }

  static String refusal(List<String> found) {
    return "refusing to start: the target holds data fr-simulator did not write, as a live"
        + " fr-server's:\n  "
        + String.join("\n  ", found)
        + "\nRunning would overwrite its client lists and publish fake frames into its queues. Give"
        + " the simulator a vhost and a Redis database of its own (MONITORING_RMQ_URL,"
        + " MONITORING_REDIS_DB; by default vhost fr-sim and db 15), or, if this data is"
        + " disposable, pass --force (docs/simulator.md).";
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** A passive declare. */
  private interface Passive<T> {
    T declare(Channel ch) throws IOException;
  }

  /** The answer of a passive declare on a channel of its own; {@code null} when not found. */
  private static <T> @Nullable T passive(Connection connection, Passive<T> declare)
      throws IOException {
    Channel ch = connection.createChannel();
    try {
      return declare.declare(ch);
    } catch (IOException e) {
      if (e.getCause() instanceof ShutdownSignalException s
          && s.getReason() instanceof AMQP.Channel.Close close
          && close.getReplyCode() == 404) {
        return null; // the broker closed the channel: nothing of that name
      }
      throw e;
    } finally {
      ch.abort();
    }
  }

  /** The target holds data the simulator did not write; the message names it. */
  static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message);
    }
  }
}

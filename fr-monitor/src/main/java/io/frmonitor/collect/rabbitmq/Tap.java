package io.frmonitor.collect.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.frmonitor.collect.CollectorLogTag;
import io.frmonitor.config.RabbitSettings;
import io.frmonitor.schedule.NamedThreads;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A copy of one of the system's streams without taking a message from it: fr-monitor's own
 * exclusive, auto-delete, length-capped queue {@code monitoring.tap.<name>.<id>} bound to a system
 * exchange with the stream's routing keys (a direct exchange has no wildcards). The system's queues
 * and exchanges are never declared — the exchange is only checked passively — so the real consumers
 * are unaffected. The connection recovers by itself after a broker restart or a cut, queue and
 * bindings included. Every message is handed to the {@link Handler} and acked, whatever happens:
 * nothing is ever requeued.
 *
 * <p>Thread safety: {@link #ensureStarted()} and {@link #close()} from the poller's thread;
 * deliveries arrive on the client library's consumer thread.
 */
final class Tap implements TapLink {
  static final int MAX_LENGTH = 10_000;

  /**
   * The most a copy's queue may hold in the broker's memory: a traced face result carries a 173 KB
   * face crop, and 10,000 of them would be 1.7 GB — enough to trip the broker's memory alarm, which
   * blocks every publisher of the fr-server. Past it the oldest copies are dropped.
   */
  static final int MAX_BYTES = 128 * 1024 * 1024;

  static final int TTL_MS = 60_000;
  static final int PREFETCH = 256;

  private static final Logger LOG = LoggerFactory.getLogger(Tap.class);

  /** Receives each message of the tap; must not throw (a throw counts as a malformed message). */
  interface Handler {
    /** One message; {@code headers} are its AMQP headers (never null, often empty). */
    void message(String routingKey, Map<String, Object> headers, byte[] body);

    void failed();
  }

  /**
   * Where a tap reads from. A copy of a system stream uses an exclusive, auto-delete queue and only
   * checks the system's exchange passively; an inbox of fr-monitor's own (gateway events) is a
   * durable queue on an exchange fr-monitor declares itself ({@code ownExchangeType}; null for a
   * copy).
   */
  record Spec(
      String queue,
      boolean durable,
      String exchange,
      @Nullable String ownExchangeType,
      List<String> keys,
      Map<String, Object> queueArgs) {
    Spec {
      keys = List.copyOf(keys);
      queueArgs = Map.copyOf(queueArgs);
    }

    /** A copy of the system exchange {@code exchange}'s messages with these routing keys. */
    static Spec copyOf(String name, String exchange, List<String> keys) {
      return new Spec(
          "monitoring.tap." + name + "." + UUID.randomUUID(),
          false,
          exchange,
          null,
          keys,
          Map.of(
              "x-max-length",
              MAX_LENGTH,
              "x-max-length-bytes",
              MAX_BYTES,
              "x-overflow",
              "drop-head",
              "x-message-ttl",
              TTL_MS));
    }
  }

  private final RabbitSettings settings;
  private final ConnectionFactory factory;
  private final Spec spec;
  private final Handler handler;
  private @Nullable Connection connection;
  private java.util.concurrent.@Nullable ExecutorService dispatch;
  private @Nullable Channel channel;

  Tap(RabbitSettings settings, Spec spec, Handler handler, Duration timeout) {
    this.spec = spec;
    this.handler = handler;
    this.settings = settings;
    this.factory = Connections.factory(settings, timeout);
  }

  String queue() {
    return spec.queue();
  }

  /** Opens the connection and the tap unless they are up (or recovering by themselves). */
  @Override
  public synchronized void ensureStarted() throws IOException, TimeoutException {
    if (connection != null && channel != null && channel.isOpen()) {
      return;
    }
    close();
    // one dispatch thread per tap instead of the client library's default of two per core; its
    // lines are tagged with the collector that opened the tap (called from its poll)
    ThreadFactory threads = NamedThreads.daemon("fr-amqp-" + spec.exchange());
    String collector = CollectorLogTag.current();
    dispatch =
        java.util.concurrent.Executors.newSingleThreadExecutor(
            collector == null
                ? threads
                : r -> threads.newThread(CollectorLogTag.wrap(collector, r)));
    connection = Connections.open(factory, settings, dispatch);
    try {
      channel = connection.createChannel();
      if (spec.ownExchangeType() == null) {
        channel.exchangeDeclarePassive(spec.exchange());
      } else {
        channel.exchangeDeclare(spec.exchange(), spec.ownExchangeType(), true);
      }
    } catch (IOException e) {
      close();
      throw new IOException(
          "exchange " + spec.exchange() + " does not exist (yet): the fr-server declares it", e);
    }
    channel.basicQos(PREFETCH);
    channel.queueDeclare(
        spec.queue(), spec.durable(), !spec.durable(), !spec.durable(), spec.queueArgs());
    for (String key : spec.keys()) {
      channel.queueBind(spec.queue(), spec.exchange(), key);
    }
    channel.basicConsume(spec.queue(), false, "fr-monitor-tap", new TapConsumer(channel));
    LOG.info("tap {} bound to {} with {}", spec.queue(), spec.exchange(), spec.keys());
  }

  /** Whether pipeline {@code n} has a worker queue (a passive declare, on a throw-away channel). */
  @Override
  public synchronized Optional<Boolean> hasWorker(int n) {
    if (connection == null || !connection.isOpen()) {
      return Optional.empty();
    }
    for (String suffix : new String[] {"_face_data", "_phone_data"}) {
      try (Channel probe = connection.createChannel()) {
        probe.queueDeclarePassive("PipeLine_" + n + suffix);
        return Optional.of(true);
      } catch (IOException | TimeoutException | RuntimeException e) {
        // 404: the broker closed the probe channel; try the other queue
      }
    }
    return Optional.of(false);
  }

  private final class TapConsumer extends DefaultConsumer {
    TapConsumer(Channel channel) {
      super(channel);
    }

    @Override
    public void handleDelivery(
        String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
        throws IOException {
      try {
        Map<String, Object> headers = properties.getHeaders();
        handler.message(envelope.getRoutingKey(), headers == null ? Map.of() : headers, body);
      } catch (RuntimeException e) { // a bug must not stop the tap
        handler.failed();
        LOG.debug("tap {} could not handle a message", spec.queue(), e);
      } finally {
        getChannel().basicAck(envelope.getDeliveryTag(), false);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      try {
        connection.close(); // the exclusive, auto-delete tap queue goes with it
      } catch (IOException | RuntimeException e) {
        // already broken
      }
    }
    if (dispatch != null) {
      dispatch.shutdownNow();
    }
    connection = null;
    dispatch = null;
    channel = null;
  }
}

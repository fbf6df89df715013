package io.frmonitor.collect.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.frmonitor.codec.DecodeResult;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.config.RabbitSettings;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fr-monitor's own copy of the frames the pipelines manager routes to the GPU workers: an
 * exclusive, auto-delete, length-capped queue {@code monitoring.tap.frames.<id>} bound to the
 * {@code received_clients_data} exchange with every {@code PipeLine_<N>} key (a direct exchange has
 * no wildcards). The system's queues and exchange are never declared — the exchange is only checked
 * passively — so the real consumers are unaffected. The connection recovers by itself after a
 * broker restart or a cut, queue and bindings included.
 *
 * <p>Thread safety: {@link #ensureStarted()} and {@link #close()} from the poller's thread;
 * deliveries arrive on the client library's consumer thread.
 */
final class FrameTap implements AutoCloseable {
  static final String EXCHANGE = "received_clients_data";
  static final int MAX_LENGTH = 10_000;
  static final int TTL_MS = 60_000;
  static final int PREFETCH = 256;

  private static final Logger LOG = LoggerFactory.getLogger(FrameTap.class);

  private final ConnectionFactory factory;
  private final PayloadDecoder decoder;
  private final FrameAggregator aggregator;
  private final Clock clock;
  private final String queue = "monitoring.tap.frames." + UUID.randomUUID();
  private Connection connection;
  private Channel channel;

  FrameTap(
      RabbitSettings settings,
      PayloadDecoder decoder,
      FrameAggregator aggregator,
      Clock clock,
      Duration timeout) {
    this.decoder = decoder;
    this.aggregator = aggregator;
    this.clock = clock;
    this.factory = Connections.factory(settings, timeout);
  }

  String queue() {
    return queue;
  }

  /** Opens the connection and the tap unless they are up (or recovering by themselves). */
  synchronized void ensureStarted() throws IOException, TimeoutException {
    if (connection != null && channel != null && channel.isOpen()) {
      return;
    }
    close();
    connection = factory.newConnection("fr-monitor");
    try {
      channel = connection.createChannel();
      channel.exchangeDeclarePassive(EXCHANGE);
    } catch (IOException e) {
      close();
      throw new IOException(
          "exchange " + EXCHANGE + " does not exist (yet): the pipelines manager declares it", e);
    }
    channel.basicQos(PREFETCH);
    channel.queueDeclare(
        queue,
        false,
        true,
        true,
        Map.of("x-max-length", MAX_LENGTH, "x-overflow", "drop-head", "x-message-ttl", TTL_MS));
    for (int n = 0; n < aggregator.pipelines(); n++) {
      channel.queueBind(queue, EXCHANGE, "PipeLine_" + n);
    }
    channel.basicConsume(queue, false, "fr-monitor-frame-tap", new TapConsumer(channel));
    LOG.info(
        "frame tap {} bound to {} for PipeLine_0..{}", queue, EXCHANGE, aggregator.pipelines() - 1);
  }

  /** Whether pipeline {@code n} has a worker queue (a passive declare, on a throw-away channel). */
  synchronized Optional<Boolean> hasWorker(int n) {
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
        record(envelope.getRoutingKey(), body);
      } catch (RuntimeException e) { // a bug must not stop the tap
        aggregator.malformed();
        LOG.debug("frame tap could not handle a message", e);
      } finally {
        getChannel().basicAck(envelope.getDeliveryTag(), false);
      }
    }
  }

  private void record(String routingKey, byte[] body) {
    DecodeResult decoded = decoder.decode(body);
    Optional<FrameFacts> facts =
        decoded instanceof DecodeResult.Decoded d ? FrameFacts.of(d.value()) : Optional.empty();
    if (facts.isEmpty()) {
      aggregator.malformed();
      return;
    }
    Instant now = clock.instant();
    long latencyMs =
        facts
            .get()
            .ingestedAt()
            .map(t -> Math.max(0, Duration.between(t, now).toMillis()))
            .orElse(-1L);
    aggregator.frame(pipelineId(routingKey), facts.get(), latencyMs);
  }

  static int pipelineId(String routingKey) {
    if (routingKey.startsWith("PipeLine_")) {
      try {
        return Integer.parseInt(routingKey.substring("PipeLine_".length()));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
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
    connection = null;
    channel = null;
  }
}

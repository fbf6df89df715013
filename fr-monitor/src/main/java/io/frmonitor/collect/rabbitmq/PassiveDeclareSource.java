package io.frmonitor.collect.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.frmonitor.config.RabbitSettings;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The fallback when the management API cannot be reached: a passive {@code queue.declare} per
 * configured plain queue name, which reports ready messages and consumers only, and never creates
 * or changes a queue. A queue that does not exist is left out.
 *
 * <p>Thread safety: used by one poller thread.
 */
final class PassiveDeclareSource implements AutoCloseable {
  private final RabbitSettings settings;
  private final ConnectionFactory factory;
  private final List<String> names;
  private final int maxQueues;
  private @Nullable Connection connection;

  PassiveDeclareSource(RabbitSettings settings, List<String> names, Duration timeout) {
    this.names = List.copyOf(names);
    this.maxQueues = settings.maxQueues();
    this.settings = settings;
    this.factory = Connections.factory(settings, timeout);
  }

  QueuesSnapshot read() throws IOException, TimeoutException {
    Connection c = connection();
    List<QueueStats> queues = new ArrayList<>();
    for (String name : names.subList(0, Math.min(names.size(), maxQueues))) {
      try (Channel channel = c.createChannel()) {
        AMQP.Queue.DeclareOk ok = channel.queueDeclarePassive(name);
        queues.add(
            new QueueStats(
                name,
                ok.getMessageCount(),
                OptionalLong.empty(),
                OptionalLong.empty(),
                ok.getConsumerCount(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty()));
      } catch (IOException e) {
        // 404 NOT_FOUND: the broker closed the channel; the queue does not exist
      } catch (com.rabbitmq.client.AlreadyClosedException e) {
        // the channel was closed by the 404 before close() ran
      }
    }
    return new QueuesSnapshot("amqp_passive", names.size() > maxQueues, names.size(), queues);
  }

  private Connection connection() throws IOException, TimeoutException {
    if (connection == null || !connection.isOpen()) {
      close();
      connection = Connections.open(factory, settings, null);
    }
    return connection;
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (IOException | RuntimeException e) {
        // closing a broken connection
      }
      connection = null;
    }
  }
}

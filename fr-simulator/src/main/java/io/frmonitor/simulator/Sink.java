package io.frmonitor.simulator;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;

/**
 * A consumer at the end of a stream that only takes and acks its messages: the gateway's {@code
 * actions} consumer (which forwards each action to its WebSocket client) and the server manager's
 * {@code saved_actions} consumer (which saves an image only when there is one, and there usually is
 * none; §2.7).
 */
final class Sink {
  private Sink() {}

  static void start(Channel channel, String queue, Truth truth, String counter) throws IOException {
    channel.basicConsume(
        queue,
        false,
        new DefaultConsumer(channel) {
          @Override
          public void handleDelivery(
              String tag, Envelope envelope, AMQP.BasicProperties p, byte[] body)
              throws IOException {
            truth.count(counter);
            channel.basicAck(envelope.getDeliveryTag(), false);
          }
        });
  }
}

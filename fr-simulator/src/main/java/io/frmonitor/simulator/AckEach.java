package io.frmonitor.simulator;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;

/**
 * Consumes a queue the way the fr-server's services do (manual ack, no prefetch limit; §1.5): each
 * message is handled on the channel's consumer thread, then acked.
 */
final class AckEach {
  /** What to do with one message body before it is acked. */
  interface Handler {
    void handle(byte[] body) throws IOException;
  }

  private AckEach() {}

  static void consume(Channel channel, String queue, Handler handler) throws IOException {
    channel.basicConsume(
        queue,
        false,
        new DefaultConsumer(channel) {
          @Override
          public void handleDelivery(
              String tag, Envelope envelope, AMQP.BasicProperties p, byte[] body)
              throws IOException {
            handler.handle(body);
            channel.basicAck(envelope.getDeliveryTag(), false);
          }
        });
  }
}

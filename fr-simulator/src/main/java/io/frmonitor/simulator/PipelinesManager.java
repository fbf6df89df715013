package io.frmonitor.simulator;

import com.rabbitmq.client.Channel;
import java.io.IOException;

/**
 * The pipelines manager: consumes {@code clients_data} (manual ack, no prefetch limit) and
 * publishes each frame unchanged to {@code received_clients_data} with {@code PipeLine_<N>},
 * round-robin per message over all pipelines, mandatory (a frame for a pipeline without queues is
 * returned and dropped, as aio-pika does; §1.4).
 */
final class PipelinesManager {
  private final Channel channel;
  private final int pipelines;
  private final int workers;
  private final Ledger ledger;
  private final Truth truth;
  private int next;

  /**
   * @param workers pipelines {@code 0 .. workers-1} have a worker; frames routed beyond are lost
   */
  PipelinesManager(Channel channel, int pipelines, int workers, Ledger ledger, Truth truth) {
    this.channel = channel;
    this.pipelines = pipelines;
    this.workers = workers;
    this.ledger = ledger;
    this.truth = truth;
  }

  void start() throws IOException {
    channel.addReturnListener(
        r -> {
          truth.count("frames.unroutable");
          truth.count("frames.unroutable_per_pipeline." + r.getRoutingKey().substring(9));
        });
    AckEach.consume(channel, Topology.FRAMES, this::route);
  }

  private void route(byte[] body) throws IOException {
    int pipeline = next++ % pipelines;
    channel.basicPublish(
        Topology.ROUTING_EXCHANGE, Topology.routingKey(pipeline), true, Topology.TRANSIENT, body);
    if (pipeline >= workers) {
      ledger.forget(Topology.frameKey(body));
    } else {
      truth.published(Topology.queue(pipeline, "face"));
      truth.published(Topology.queue(pipeline, "phone"));
    }
    truth.count("broker.acked." + Topology.FRAMES); // AckEach acks once this returns
    truth.count("frames.routed.total");
    truth.count("frames.routed.per_pipeline." + pipeline);
  }
}

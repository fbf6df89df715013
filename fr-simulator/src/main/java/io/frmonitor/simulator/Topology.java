package io.frmonitor.simulator;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fr-server's exchanges and queues (fr-server-facts.md §1.2, §1.3): durable, classic, no
 * arguments, declared the way its services declare them.
 */
final class Topology {
  static final String FRAMES = "clients_data";
  static final String ROUTING_EXCHANGE = "received_clients_data";
  static final String RESULTS_EXCHANGE = "pipeline_results";
  static final String FACE_RESULTS = "face_pipeline_results";
  static final String PHONE_RESULTS = "phone_pipeline_results";
  static final String ACTIONS = "actions";
  static final String SAVED_ACTIONS = "saved_actions";
  static final String MONITORING_EXCHANGE = "monitoring";

  /** Transient delivery and no properties, as {@code Async_RMQ.publish_data} sends (§1.4). */
  static final AMQP.BasicProperties TRANSIENT = MessageProperties.MINIMAL_BASIC;

  private Topology() {}

  static String routingKey(int pipeline) {
    return "PipeLine_" + pipeline;
  }

  static String queue(int pipeline, String type) {
    return "PipeLine_" + pipeline + "_" + type + "_data";
  }

  /**
   * Every fr-server queue the simulator would declare, consume or publish into with {@code
   * pipelines} pipelines (the worker-less one's included: its frames would reach a real worker's
   * queue).
   */
  static List<String> queues(int pipelines) {
    List<String> out = new ArrayList<>(List.of(FRAMES));
    for (int n = 0; n < pipelines; n++) {
      out.add(queue(n, "face"));
      out.add(queue(n, "phone"));
    }
    out.addAll(List.of(FACE_RESULTS, PHONE_RESULTS, ACTIONS, SAVED_ACTIONS));
    return List.copyOf(out);
  }

  /** Declares everything; queues exist only for the pipelines that have a worker. */
  static void declare(Channel ch, int workers, boolean improved) throws IOException {
    ch.exchangeDeclare(ROUTING_EXCHANGE, BuiltinExchangeType.DIRECT, true);
    ch.exchangeDeclare(RESULTS_EXCHANGE, BuiltinExchangeType.DIRECT, true);
    durable(ch, FRAMES);
    for (int n = 0; n < workers; n++) {
      for (String type : new String[] {"face", "phone"}) {
        durable(ch, queue(n, type));
        ch.queueBind(queue(n, type), ROUTING_EXCHANGE, routingKey(n));
      }
    }
    durable(ch, FACE_RESULTS);
    ch.queueBind(FACE_RESULTS, RESULTS_EXCHANGE, "face_results");
    durable(ch, PHONE_RESULTS);
    ch.queueBind(PHONE_RESULTS, RESULTS_EXCHANGE, "phone_results");
    durable(ch, ACTIONS);
    durable(ch, SAVED_ACTIONS);
    if (improved) {
      ch.exchangeDeclare(MONITORING_EXCHANGE, BuiltinExchangeType.TOPIC, true);
    }
  }

  private static void durable(Channel ch, String queue) throws IOException {
    ch.queueDeclare(queue, true, false, false, null);
  }

  /**
   * The frame key inside a pickled body: the simulator's stages find their bookkeeping by it, as
   * the fr-server's join results to frames by it. The key is a short string that starts with {@code
   * frames/}, preceded by its length byte.
   */
  static String frameKey(byte[] body) {
    byte[] marker = "frames/".getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 1; i + marker.length <= body.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (body[i + j] != marker[j]) {
          continue outer;
        }
      }
      int length = body[i - 1] & 0xff;
      return new String(body, i, Math.min(length, body.length - i), StandardCharsets.UTF_8);
    }
    throw new IllegalArgumentException("no frame key in the message");
  }
}

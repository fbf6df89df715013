package io.frmonitor.simulator;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Pipeline worker N: consumes {@code PipeLine_<N>_face_data} and {@code _phone_data} with manual
 * ack and no prefetch limit (so a backlog shows as unacked, §1.5), "infers" for the configured
 * latency, publishes the result — on the default exchange as today, or through {@code
 * pipeline_results} with {@code processed_ts} with the improved producers — and then acks. A stuck
 * consumer takes deliveries and never acks them.
 */
final class Worker {
  private final int pipeline;
  private final Channel channel;
  private final SimOptions options;
  private final Ledger ledger;
  private final Truth truth;
  private final RandomGenerator random;
  private final ScheduledExecutorService inference;
  private final Clock clock;

  Worker(
      int pipeline,
      Channel channel,
      SimOptions options,
      Ledger ledger,
      Truth truth,
      RandomGenerator random,
      ScheduledExecutorService inference,
      Clock clock) {
    this.pipeline = pipeline;
    this.channel = channel;
    this.options = options;
    this.ledger = ledger;
    this.truth = truth;
    this.random = random;
    this.inference = inference;
    this.clock = clock;
  }

  void start() throws IOException {
    for (String type : new String[] {"face", "phone"}) {
      boolean stuck = options.stuckConsumer().map((type + ":" + pipeline)::equals).orElse(false);
      channel.basicConsume(
          Topology.queue(pipeline, type),
          false,
          new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(
                String tag, Envelope envelope, AMQP.BasicProperties p, byte[] body) {
              truth.count("deliveries." + type + "." + pipeline);
              String key = Topology.frameKey(body);
              if (stuck) {
                ledger.frameFor(key); // held by the broker, never processed: release its share
                truth.count("stuck." + type + "." + pipeline);
                return;
              }
              long delay = latency();
              truth.latency("injected_" + type, delay / 1000);
              var unused =
                  inference.schedule(
                      () -> finish(type, key, envelope.getDeliveryTag()),
                      delay,
                      TimeUnit.MICROSECONDS);
            }
          });
    }
  }

  private long latency() {
    double ms = options.latencyMeanMs() + options.latencyStddevMs() * synchronizedGaussian();
    return (long) (Math.max(0, ms) * 1000);
  }

  private double synchronizedGaussian() {
    synchronized (random) {
      return random.nextGaussian();
    }
  }

  /** The inference is done: the result goes out, then the delivery is acked. */
  private void finish(String type, String key, long deliveryTag) {
    // the worker took the delivery, so the gateway recorded the frame and its share is still held
    Map<String, Object> frame = Objects.requireNonNull(ledger.frameFor(key), key);
    Ledger.Result r = infer(type, frame);
    long now = clock.millis();
    if (options.improvedProducers()) {
      r.payload().put("processed_ts", now);
    }
    ledger.result(key, type, r);
    publishAndAck(type, r.payload(), deliveryTag);
    truth.count("results." + type + ".total");
    truth.published(type.equals("face") ? Topology.FACE_RESULTS : Topology.PHONE_RESULTS);
    truth.count("results." + type + ".outcomes." + outcome(type, r));
    truth.count("results." + type + ".per_pipeline." + pipeline);
    truth.latency(type, now - Payloads.ingestMillis(frame));
  }

  private Ledger.Result infer(String type, Map<String, Object> frame) {
    boolean failed;
    OutcomeMix.Face verdict;
    boolean phone;
    synchronized (random) {
      failed = random.nextDouble() < options.errorRate();
      verdict = options.mix().face(random);
      phone = options.mix().phoneSeen(random);
    }
    Map<String, Object> payload;
    if (failed) {
      payload = Payloads.failure(frame, type);
    } else if (type.equals("face")) {
      payload = Payloads.faceResult(frame, verdict);
    } else {
      payload = Payloads.phoneResult(frame, phone);
    }
    return new Ledger.Result(payload, verdict, phone, failed);
  }

  /** The outcome name fr-monitor gives the result (docs/api.md, {@code pipelines[].outcomes}). */
  private static String outcome(String type, Ledger.Result r) {
    if (r.failed()) {
      return "processing_error";
    }
    if (type.equals("face")) {
      return r.verdict().name().toLowerCase(Locale.ROOT);
    }
    return r.phone() ? "phone_detected" : "pass";
  }

  /** Today on the default exchange; with the improved producers through pipeline_results. */
  private void publishAndAck(String type, Map<String, Object> result, long deliveryTag) {
    byte[] body = Pickle.dumps(result);
    try {
      synchronized (channel) {
        if (options.improvedProducers()) {
          channel.basicPublish(
              Topology.RESULTS_EXCHANGE, type + "_results", Topology.TRANSIENT, body);
        } else {
          String queue = type.equals("face") ? Topology.FACE_RESULTS : Topology.PHONE_RESULTS;
          channel.basicPublish("", queue, Topology.TRANSIENT, body);
        }
        channel.basicAck(deliveryTag, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

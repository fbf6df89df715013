package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.collect.PollOutcome;
import io.frmonitor.config.RabbitSettings;
import io.frmonitor.config.Toggle;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.Fixtures;
import io.frmonitor.testing.RabbitBroker;
import io.frmonitor.testing.Registries;
import io.frmonitor.testing.TestVhost;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queue statistics against the machine's real RabbitMQ, in a vhost of the test's own with the
 * fr-server's topology, read by a user with the {@code monitoring} tag and no permission on any
 * queue.
 */
class QueueStatsRabbitIT {
  private static final List<String> SYSTEM_QUEUES =
      List.of(
          "clients_data",
          "PipeLine_0_face_data",
          "PipeLine_0_phone_data",
          "face_pipeline_results",
          "phone_pipeline_results",
          "actions",
          "saved_actions");
  private static final List<String> PATTERNS =
      List.of(
          "clients_data",
          "PipeLine_*_face_data",
          "PipeLine_*_phone_data",
          "face_pipeline_results",
          "phone_pipeline_results",
          "actions",
          "saved_actions",
          "monitoring.*");

  private final MetricRegistry registry = Registries.forCollectorTests();
  private TestVhost vhost;
  private Connection holder;

  @BeforeEach
  void topology() throws Exception {
    vhost = TestVhost.create("^$", "^$", "^$"); // no permission on any queue
    try (Channel ch = vhost.admin().createChannel()) {
      // exactly as the fr-server declares them (facts §1.2, §1.3)
      for (String q : SYSTEM_QUEUES) {
        ch.queueDeclare(q, true, false, false, null);
      }
      ch.exchangeDeclare("received_clients_data", "direct", true);
      ch.exchangeDeclare("pipeline_results", "direct", true);
      ch.queueBind("PipeLine_0_face_data", "received_clients_data", "PipeLine_0");
      ch.queueBind("PipeLine_0_phone_data", "received_clients_data", "PipeLine_0");
      byte[] frame = fixture("frame.p4.pkl");
      for (int i = 0; i < 30; i++) {
        ch.basicPublish("", "clients_data", null, frame); // the default-exchange publish
      }
      for (int i = 0; i < 20; i++) {
        ch.basicPublish("received_clients_data", "PipeLine_0", null, frame);
      }
    }
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (holder != null) {
      holder.close();
    }
    vhost.close();
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/pickle/" + name)) {
      return in.readAllBytes();
    }
  }

  private RabbitSettings settings(URI management, int maxQueues) {
    return new RabbitSettings(
        vhost.amqpUri(), management, PATTERNS, maxQueues, 16, Duration.ofSeconds(30), Toggle.OFF);
  }

  private URI management() {
    return vhost.managementUri();
  }

  private QueueStatsPoller poller(RabbitSettings s) {
    return QueueStatsPoller.create(
        s, new PayloadDecoder(DecodeLimits.DEFAULT), Duration.ofSeconds(5));
  }

  private QueuesSnapshot snapshot() {
    return registry.latest(QueuesSnapshot.FAMILY).orElseThrow().value();
  }

  private QueueStats queue(String name) {
    return snapshot().queues().stream()
        .filter(q -> q.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** A worker-like consumer: manual ack, no prefetch limit, never acks. */
  private void holdUnacked(String queue) throws Exception {
    holder = vhost.connect("guest", "guest");
    Channel ch = holder.createChannel();
    ch.basicConsume(queue, false, new DefaultConsumer(ch));
  }

  @Test
  void backlogHeldByAConsumerWithoutPrefetchShowsAsUnackedDepth() throws Exception {
    holdUnacked("PipeLine_0_face_data");
    try (QueueStatsPoller p = poller(settings(management(), 200))) {
      // the management API refreshes queue counters every few seconds
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                p.poll(registry);
                // the broker's statistics of one queue do not all refresh at once
                return queue("PipeLine_0_face_data").unacked().orElse(0) == 20
                    && queue("PipeLine_0_face_data").consumers() == 1
                    && queue("clients_data").ready() == 30;
              });
      assertThat(p.poll(registry)).isEqualTo(PollOutcome.ok());
    }
    QueueStats face = queue("PipeLine_0_face_data");
    assertThat(face.ready()).isZero();
    assertThat(face.depth()).hasValue(20);
    assertThat(face.consumers()).isEqualTo(1);
    assertThat(queue("PipeLine_0_phone_data").depth()).hasValue(20);
    assertThat(queue("clients_data").depth()).hasValue(30);
    assertThat(queue("clients_data").consumers()).isZero();
    assertThat(snapshot().source()).isEqualTo("management_api");
    assertThat(snapshot().truncated()).isFalse();
    assertThat(snapshot().queues()).hasSize(SYSTEM_QUEUES.size());
  }

  @Test
  void ratesAndDrainEtaComeFromTheBrokersOwnStatistics() throws Exception {
    // a backlog on actions, a slow publisher and a faster acking consumer: the queue drains
    try (Channel ch = vhost.admin().createChannel()) {
      for (int i = 0; i < 400; i++) {
        ch.basicPublish("", "actions", null, fixture("frame.p4.pkl"));
      }
    }
    holder = vhost.connect("guest", "guest");
    Channel consumer = holder.createChannel();
    consumer.basicQos(1);
    consumer.basicConsume(
        "actions",
        false,
        new DefaultConsumer(consumer) {
          @Override
          public void handleDelivery(
              String tag,
              com.rabbitmq.client.Envelope envelope,
              com.rabbitmq.client.AMQP.BasicProperties props,
              byte[] body)
              throws IOException {
            try {
              Thread.sleep(20); // pace the consumer at about 50 acks/s: real traffic, not logic
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            getChannel().basicAck(envelope.getDeliveryTag(), false);
          }
        });
    Channel publisher = holder.createChannel();
    try (QueueStatsPoller p = poller(settings(management(), 200))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                publisher.basicPublish("", "actions", null, fixture("frame.p4.pkl")); // ~1/s
                p.poll(registry);
                QueueStats a = queue("actions");
                return a.ackPerSec().orElse(0) > 5
                    && a.drainEtaSeconds().isPresent()
                    && a.consumers() == 1;
              });
    }
    QueueStats actions = queue("actions");
    double net = actions.ackPerSec().getAsDouble() - actions.publishPerSec().orElse(0);
    assertThat(actions.publishPerSec()).isPresent();
    assertThat(actions.deliverPerSec()).isPresent();
    assertThat(actions.drainEtaSeconds().getAsDouble())
        .isCloseTo(actions.depth().getAsLong() / net, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(actions.consumers()).isEqualTo(1);
  }

  @Test
  void countsWhatWentThroughSinceWatchingAcrossARecreatedQueueAndReadsTheVhostsTracing()
      throws Exception {
    // as on a running fr-server, the broker has reported the traffic before fr-monitor starts (its
    // statistics come every 5 s, later on a loaded machine: seen past 20 s once)
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                RabbitBroker.get("/api/queues/" + RabbitBroker.enc(vhost.name()) + "/clients_data")
                        .path("message_stats")
                        .path("publish")
                        .asLong()
                    == 30);
    try (QueueStatsPoller p = poller(settings(management(), 200));
        Channel ch = vhost.admin().createChannel()) {
      assertThat(p.poll(registry))
          .as("the monitoring tag may read it all")
          .isEqualTo(PollOutcome.ok());
      assertThat(queue("clients_data").counters().published())
          .as("the 30 published before fr-monitor watched are not its to count")
          .hasValue(0);
      assertThat(snapshot().tracing()).contains(false);

      byte[] frame = fixture("frame.p4.pkl");
      for (int i = 0; i < 25; i++) {
        ch.basicPublish("", "clients_data", null, frame);
      }
      awaitPublished(p, "clients_data", 25);

      // the queue re-created (as after a broker restart): the broker counts from 0 again
      ch.queueDelete("clients_data");
      ch.queueDeclare("clients_data", true, false, false, null);
      for (int i = 0; i < 4; i++) {
        ch.basicPublish("", "clients_data", null, frame);
      }
      awaitPublished(p, "clients_data", 29);

      RabbitBroker.put("/api/vhosts/" + RabbitBroker.enc(vhost.name()), "{\"tracing\": true}");
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                p.poll(registry);
                return snapshot().tracing().equals(java.util.Optional.of(true));
              });
    }
  }

  private void awaitPublished(QueueStatsPoller p, String name, long expected) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              p.poll(registry);
              assertThat(queue(name).counters().published()).hasValue(expected);
            });
  }

  @Test
  void moreMatchesThanTheCapAreFlaggedNotDropped() throws Exception {
    try (QueueStatsPoller p = poller(settings(management(), 3))) {
      p.poll(registry);
    }
    assertThat(snapshot().queues()).hasSize(3);
    assertThat(snapshot().truncated()).isTrue();
    assertThat(snapshot().matched()).isEqualTo(SYSTEM_QUEUES.size());
  }

  @Test
  void anUnreachableApiFallsBackToPassiveDeclares() throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    URI dead =
        URI.create("http://" + vhost.user() + ":" + TestVhost.PASSWORD + "@127.0.0.1:" + deadPort);
    PollOutcome outcome;
    try (QueueStatsPoller p = poller(settings(dead, 200))) {
      outcome = p.poll(registry);
    }
    // the reason names the endpoint and the kind of failure, never "null" (a refused connection
    // has no message of its own) and never the password
    assertThat(outcome.degradedReason().orElseThrow())
        .startsWith(
            "management API http://127.0.0.1:" + deadPort + " unreachable: ConnectException")
        .contains("passive queue.declare")
        .doesNotContain("null")
        .doesNotContain(TestVhost.PASSWORD);
    assertThat(snapshot().source()).isEqualTo("amqp_passive");
    assertThat(queue("clients_data").ready()).isEqualTo(30);
    assertThat(queue("clients_data").unacked()).isEmpty();
    assertThat(queue("actions").ready()).isZero();
  }

  @Test
  void readingChangesNothingAndTheUserCouldNotTakeAMessageIfItTried() throws Exception {
    Map<String, Long> before = counts();
    try (QueueStatsPoller p = poller(settings(management(), 200))) {
      for (int i = 0; i < 3; i++) {
        p.poll(registry);
      }
    }
    try (Connection monitor = vhost.connect(vhost.user(), TestVhost.PASSWORD)) {
      Channel ch = monitor.createChannel(); // closed by the broker on the refusal
      assertThatThrownBy(() -> ch.basicGet("clients_data", false))
          .hasStackTraceContaining("ACCESS_REFUSED");
    }
    assertThat(counts()).isEqualTo(before);
  }

  /** Messages per system queue, read as the admin with passive declares (live counts). */
  private Map<String, Long> counts() throws Exception {
    Map<String, Long> out = new java.util.TreeMap<>();
    try (Channel ch = vhost.admin().createChannel()) {
      for (String q : SYSTEM_QUEUES) {
        out.put(q, ch.queueDeclarePassive(q).getMessageCount() * 1L);
      }
    }
    return out;
  }
}

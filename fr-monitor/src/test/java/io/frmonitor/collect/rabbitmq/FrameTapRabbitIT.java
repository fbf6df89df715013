package io.frmonitor.collect.rabbitmq;

import static io.frmonitor.testing.RabbitBroker.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.config.RabbitSettings;
import io.frmonitor.config.Toggle;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.Fixtures;
import io.frmonitor.testing.RabbitBroker;
import io.frmonitor.testing.Registries;
import io.frmonitor.testing.TestVhost;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The frame tap against the machine's real RabbitMQ, in a vhost of the test's own with the
 * fr-server's routing topology, as a user that may only create, bind and read {@code monitoring.*}
 * queues and read the {@code received_clients_data} exchange.
 */
class FrameTapRabbitIT {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSSSSS").withZone(ZoneOffset.UTC);

  private final MetricRegistry registry = Registries.forCollectorTests();
  private TestVhost vhost;
  private Channel publisher;
  private byte[] frame;

  @BeforeEach
  void topology() throws Exception {
    vhost =
        TestVhost.create(
            "^monitoring\\..*", "^monitoring\\..*", "^(monitoring\\..*|received_clients_data)$");
    publisher = vhost.admin().createChannel();
    publisher.exchangeDeclare("received_clients_data", "direct", true);
    for (String q :
        List.of("PipeLine_0_face_data", "PipeLine_0_phone_data", "PipeLine_1_face_data")) {
      publisher.queueDeclare(q, true, false, false, null);
      publisher.queueBind(q, "received_clients_data", q.substring(0, q.indexOf("_", 9)));
    }
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/pickle/frame.p4.pkl")) {
      frame = in.readAllBytes();
    }
  }

  @AfterEach
  void cleanUp() throws Exception {
    vhost.close();
  }

  private FrameTapPoller poller() {
    RabbitSettings s =
        new RabbitSettings(
            vhost.amqpUri(),
            vhost.managementUri(),
            List.of("PipeLine_*_face_data"),
            200,
            4,
            java.time.Duration.ofSeconds(30),
            Toggle.OFF);
    return FrameTapPoller.create(
        s, new PayloadDecoder(DecodeLimits.DEFAULT), Clock.systemUTC(), Duration.ofSeconds(5));
  }

  /** The real pickled frame, re-stamped and re-named in place (same lengths: still valid). */
  private byte[] frameOf(String client, Instant ingested) {
    String text = new String(frame, StandardCharsets.ISO_8859_1);
    text = text.replace("20251103T120307123456", STAMP.format(ingested)).replace("obama", client);
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private void publish(int pipeline, byte[] body) throws Exception {
    publisher.basicPublish("received_clients_data", "PipeLine_" + pipeline, null, body);
  }

  private PipelinesSnapshot snapshot() {
    return registry.latest(PipelinesSnapshot.FAMILY).orElseThrow().value();
  }

  private long frames(int pipeline) {
    return snapshot().routing().stream()
        .filter(r -> r.pipelineId() == pipeline)
        .mapToLong(PipelinesSnapshot.Routing::framesTotal)
        .sum();
  }

  @Test
  void countsFramesPerPipelineAndClientWithIngestLatencyAndFindsPipelinesWithoutWorkers()
      throws Exception {
    try (FrameTapPoller p = poller()) {
      p.poll(registry); // starts the tap
      // its queue is bounded in messages, in bytes and in age: it cannot swell the broker
      JsonNode tapQueue = null;
      for (JsonNode q : RabbitBroker.get("/api/queues/" + enc(vhost.name()))) {
        if (q.path("name").asText().startsWith("monitoring.tap.frames.")) {
          tapQueue = q;
        }
      }
      assertThat(tapQueue).isNotNull();
      JsonNode args = tapQueue.path("arguments");
      assertThat(args.path("x-max-length").asInt()).isEqualTo(10_000);
      assertThat(args.path("x-max-length-bytes").asLong()).isEqualTo(128L * 1024 * 1024);
      assertThat(args.path("x-overflow").asText()).isEqualTo("drop-head");
      assertThat(tapQueue.path("exclusive").asBoolean()).isTrue();
      Instant now = Instant.now();
      for (int i = 0; i < 30; i++) {
        publish(i % 2, frameOf(i < 20 ? "obama" : "biden", now.minusMillis(400)));
      }
      for (int i = 0; i < 5; i++) {
        publish(2, frameOf("obama", now.minusMillis(400))); // PipeLine_2 has no worker
      }
      publish(0, "not a pickle".getBytes(StandardCharsets.US_ASCII));
      publish(1, new byte[] {(byte) 0x80, 4, 'N', '.'}); // a pickle, but no frame
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                p.poll(registry);
                return snapshot().framesTotal() == 35 && snapshot().malformed() == 2;
              });
      p.poll(registry);
    }
    PipelinesSnapshot s = snapshot();
    assertThat(frames(0)).isEqualTo(15);
    assertThat(frames(1)).isEqualTo(15);
    assertThat(frames(2)).isEqualTo(5);
    assertThat(s.routing())
        .filteredOn(r -> r.pipelineId() == 2)
        .singleElement()
        .satisfies(r -> assertThat(r.hasWorker()).contains(false));
    assertThat(s.routing())
        .filteredOn(r -> r.pipelineId() == 1)
        .singleElement()
        .satisfies(r -> assertThat(r.hasWorker()).contains(true));
    assertThat(s.clients())
        .extracting(c -> c.name() + "=" + c.framesTotal())
        .containsExactly("biden=10", "obama=25");
    assertThat(s.jpegBytesTotal()).isEqualTo(35L * 18342);
    // every frame was stamped 400 ms before publishing; the tap adds its own few milliseconds
    assertThat(s.ingestToRouting().count()).isEqualTo(35);
    assertThat(s.ingestToRouting().p50Ms()).isBetween(400.0, 600.0);
    assertThat(s.ingestToRouting().maxMs()).isLessThan(1000.0);
    // the system's own queues still got every frame: the tap took a copy, not a message
    assertThat(publisher.queueDeclarePassive("PipeLine_0_face_data").getMessageCount())
        .isEqualTo(16);
    assertThat(publisher.queueDeclarePassive("PipeLine_1_face_data").getMessageCount())
        .isEqualTo(16);
  }

  @Test
  void theTapComesBackByItselfAfterItsConnectionIsCut() throws Exception {
    try (FrameTapPoller p = poller()) {
      p.poll(registry);
      publish(0, frameOf("obama", Instant.now()));
      await().atMost(Duration.ofSeconds(10)).until(() -> poll(p) && snapshot().framesTotal() == 1);

      cutConnectionsOf(vhost.user());
      // automatic recovery re-declares the tap queue and its bindings; frames published while
      // the tap is down are not copied, so keep publishing until copies arrive again
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                publish(0, frameOf("obama", Instant.now()));
                return poll(p) && snapshot().framesTotal() >= 2;
              });
    }
  }

  private boolean poll(FrameTapPoller p) {
    try {
      p.poll(registry);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** Closes, from the broker's side, every connection of {@code name} (the tap's). */
  private void cutConnectionsOf(String name) throws Exception {
    // the management API lists a new connection after its next stats round
    await().atMost(Duration.ofSeconds(15)).until(() -> !connectionsOf(name).isEmpty());
    List<String> cut = connectionsOf(name);
    for (String connection : cut) {
      RabbitBroker.delete("/api/connections/" + enc(connection));
    }
    assertThat(cut).isNotEmpty();
  }

  private static List<String> connectionsOf(String name) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode c : RabbitBroker.get("/api/connections")) {
      if (name.equals(c.path("user").asText())) {
        out.add(c.path("name").asText());
      }
    }
    return out;
  }
}

package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.config.RabbitSettings;
import io.frmonitor.config.Toggle;
import io.frmonitor.model.ResultsSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.Fixtures;
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
 * The result tap against the machine's real RabbitMQ: the fr-server's {@code pipeline_results}
 * exchange and result queues in a vhost of the test's own, real pickled results published the way
 * the one-line producer change would publish them.
 */
class ResultTapRabbitIT {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSSSSS").withZone(ZoneOffset.UTC);

  private final MetricRegistry registry = Registries.forCollectorTests();
  private TestVhost vhost;
  private Channel publisher;

  @BeforeEach
  void topology() throws Exception {
    vhost =
        TestVhost.create(
            "^monitoring\\..*", "^monitoring\\..*", "^(monitoring\\..*|pipeline_results)$");
    publisher = vhost.admin().createChannel();
    publisher.exchangeDeclare("pipeline_results", "direct", true);
    publisher.queueDeclare("face_pipeline_results", true, false, false, null);
    publisher.queueDeclare("phone_pipeline_results", true, false, false, null);
    publisher.queueBind("face_pipeline_results", "pipeline_results", "face_results");
    publisher.queueBind("phone_pipeline_results", "pipeline_results", "phone_results");
  }

  @AfterEach
  void cleanUp() throws Exception {
    vhost.close();
  }

  private static byte[] restamped(String fixture, Instant ingested) throws Exception {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/pickle/" + fixture)) {
      String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return text.replace("20251103T120307123456", STAMP.format(ingested))
          .getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  private ResultsSnapshot.Pipeline pipeline(String id) {
    return registry.latest(ResultsSnapshot.FAMILY).orElseThrow().value().pipelines().stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void countsOutcomesPerPipelineTypeWithIngestToResultLatency() throws Exception {
    RabbitSettings s =
        new RabbitSettings(
            vhost.amqpUri(),
            vhost.managementUri(),
            List.of("face_pipeline_results"),
            200,
            4,
            java.time.Duration.ofSeconds(30),
            Toggle.OFF);
    try (ResultTapPoller p =
        ResultTapPoller.create(
            s,
            new PayloadDecoder(DecodeLimits.DEFAULT),
            Clock.systemUTC(),
            Duration.ofSeconds(5))) {
      p.poll(registry);
      Instant ingested = Instant.now().minusMillis(800);
      for (int i = 0; i < 6; i++) {
        publisher.basicPublish(
            "pipeline_results",
            "face_results",
            null,
            restamped("face_result_float64.p4.pkl", ingested));
      }
      publisher.basicPublish(
          "pipeline_results",
          "face_results",
          null,
          restamped("face_result_no_face.p4.pkl", ingested));
      publisher.basicPublish(
          "pipeline_results",
          "face_results",
          null,
          restamped("face_result_failure.p5.pkl", ingested));
      publisher.basicPublish(
          "pipeline_results", "phone_results", null, restamped("phone_result.p2.pkl", ingested));
      publisher.basicPublish(
          "pipeline_results", "phone_results", null, "garbage".getBytes(StandardCharsets.US_ASCII));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                p.poll(registry);
                return pipeline("face").resultsTotal() == 8
                    && pipeline("phone").resultsTotal() == 1;
              });
    }
    ResultsSnapshot.Pipeline face = pipeline("face");
    assertThat(face.outcomes())
        .containsEntry("pass", 6L)
        .containsEntry("no_face", 1L)
        .containsEntry("processing_error", 1L);
    assertThat(face.successTotal()).isEqualTo(7);
    assertThat(face.errorTotal()).isEqualTo(1);
    assertThat(face.ingestToResult().count()).isEqualTo(8);
    assertThat(face.ingestToResult().p50Ms()).isBetween(800.0, 1100.0);
    assertThat(pipeline("phone").outcomes()).containsEntry("phone_detected", 1L);
    assertThat(registry.latest(ResultsSnapshot.FAMILY).orElseThrow().value().malformed())
        .isEqualTo(1);
    // the decision manager's queues got every result: the tap took copies
    assertThat(publisher.queueDeclarePassive("face_pipeline_results").getMessageCount())
        .isEqualTo(8);
  }
}

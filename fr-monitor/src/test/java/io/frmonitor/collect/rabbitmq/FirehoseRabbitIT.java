package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.config.RabbitSettings;
import io.frmonitor.config.Toggle;
import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.model.ResultsSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.Fixtures;
import io.frmonitor.testing.Registries;
import io.frmonitor.testing.TestVhost;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The opt-in firehose on the machine's real RabbitMQ: tracing switched on for a vhost of the test's
 * own, today's default-exchange publishes of results, actions and saved actions.
 */
class FirehoseRabbitIT {
  private final MetricRegistry registry = Registries.forCollectorTests();
  private TestVhost vhost;

  @BeforeEach
  void tracing() throws Exception {
    vhost =
        TestVhost.create(
            "^monitoring\\..*",
            "^monitoring\\..*",
            "^(monitoring\\..*|pipeline_results|amq\\.rabbitmq\\.trace)$");
    try (Channel ch = vhost.admin().createChannel()) {
      for (String q :
          List.of("face_pipeline_results", "phone_pipeline_results", "actions", "saved_actions")) {
        ch.queueDeclare(q, true, false, false, null);
      }
      ch.exchangeDeclare("pipeline_results", "direct", true);
    }
    rabbitmqctl("trace_on");
  }

  @AfterEach
  void cleanUp() throws Exception {
    rabbitmqctl("trace_off");
    vhost.close();
  }

  private void rabbitmqctl(String command) throws Exception {
    Process p =
        new ProcessBuilder("rabbitmqctl", command, "-p", vhost.name())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }

  private static byte[] fixture(String name) throws Exception {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/pickle/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void seesDefaultExchangeResultsActionsAndSavedActions() throws Exception {
    RabbitSettings s =
        new RabbitSettings(
            vhost.amqpUri(),
            vhost.managementUri(),
            List.of("actions"),
            200,
            4,
            Duration.ofSeconds(30),
            Toggle.ON);
    PayloadDecoder decoder = new PayloadDecoder(DecodeLimits.DEFAULT);
    try (ResultTapPoller results =
            ResultTapPoller.create(s, decoder, Clock.systemUTC(), Duration.ofSeconds(5));
        FirehosePoller firehose =
            results.firehose(s, decoder, Clock.systemUTC(), Duration.ofSeconds(5))) {
      results.poll(registry);
      firehose.poll(registry);
      try (Channel ch = vhost.admin().createChannel()) {
        // exactly how the fr-server publishes today: the default exchange, rk = queue name
        ch.basicPublish("", "face_pipeline_results", null, fixture("face_result_no_face.p4.pkl"));
        ch.basicPublish("", "face_pipeline_results", null, fixture("face_result_float64.p4.pkl"));
        ch.basicPublish("", "actions", null, fixture("action_lock_screen.p4.pkl"));
        ch.basicPublish("", "actions", null, fixture("action_none.p4.pkl"));
        ch.basicPublish("", "saved_actions", null, fixture("saved_action_no_image.p4.pkl"));
        ch.basicPublish("", "saved_actions", null, fixture("saved_action_no_image.p4.pkl"));
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                firehose.poll(registry);
                results.poll(registry);
                DecisionsSnapshot a =
                    registry.latest(DecisionsSnapshot.FAMILY).orElseThrow().value();
                return a.savedActions() == 2
                    && registry
                            .latest(ResultsSnapshot.FAMILY)
                            .orElseThrow()
                            .value()
                            .pipelines()
                            .stream()
                            .filter(p -> p.id().equals("face"))
                            .mapToLong(p -> p.resultsTotal())
                            .sum()
                        == 2;
              });
    }
    DecisionsSnapshot a = registry.latest(DecisionsSnapshot.FAMILY).orElseThrow().value();
    assertThat(a.actions().get("lock_screen")).containsEntry("no_face", 1L);
    assertThat(a.actions().get("no_action")).containsEntry("empty_reason", 1L);
    assertThat(registry.events().newest(10, "action"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.fields())
                    .containsEntry("client", "obama")
                    .containsEntry("action", "lock_screen")
                    .containsEntry("reason", "no_face"));
    // the decision manager's queues still hold every message: the firehose only copies
    try (Channel ch = vhost.admin().createChannel()) {
      assertThat(ch.queueDeclarePassive("actions").getMessageCount()).isEqualTo(2);
    }
  }
}

package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.config.RabbitSettings;
import io.frmonitor.config.Toggle;
import io.frmonitor.model.GatewaysSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.Registries;
import io.frmonitor.testing.TestVhost;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gateway events through fr-monitor's own inbox on the machine's real RabbitMQ. */
class GatewayEventsRabbitIT {
  private final MetricRegistry registry = Registries.forCollectorTests();
  private TestVhost vhost;

  @BeforeEach
  void vhost() throws Exception {
    // exactly the permissions docs/operations.md gives fr-monitor
    vhost =
        TestVhost.create(
            "^monitoring(\\..*)?$",
            "^monitoring(\\..*)?$",
            "^(monitoring(\\..*)?|received_clients_data|pipeline_results)$");
  }

  @AfterEach
  void cleanUp() throws Exception {
    vhost.close();
  }

  private void send(Channel ch, String gw, String json) throws Exception {
    ch.basicPublish(
        "monitoring", "gateway." + gw + ".event", null, json.getBytes(StandardCharsets.UTF_8));
  }

  private GatewaysSnapshot.Gateway gw(String name) {
    return registry.latest(GatewaysSnapshot.FAMILY).orElseThrow().value().gateways().stream()
        .filter(g -> g.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aGatewayIsUpWhileItBeatsAndDownOnceItStops() throws Exception {
    RabbitSettings s =
        new RabbitSettings(
            vhost.amqpUri(),
            vhost.managementUri(),
            List.of("actions"),
            200,
            4,
            Duration.ofSeconds(2),
            Toggle.OFF);
    try (GatewayEventsPoller p =
        GatewayEventsPoller.create(
            s,
            new PayloadDecoder(DecodeLimits.DEFAULT),
            Clock.systemUTC(),
            Duration.ofSeconds(5))) {
      p.poll(registry); // declares fr-monitor's exchange and inbox
      Channel ch = vhost.admin().createChannel();
      send(
          ch,
          "gw-1",
          "{\"type\": \"heartbeat\", \"gateway\": \"gw-1\", \"ts\": 1795830500000, \"clients\": 12}");
      send(
          ch,
          "gw-1",
          "{\"type\": \"session_opened\", \"gateway\": \"gw-1\", \"client\": \"obama\"}");
      send(
          ch,
          "gw-1",
          "{\"type\": \"session_opened\", \"gateway\": \"gw-1\", \"client\": \"biden\"}");
      send(
          ch,
          "gw-1",
          "{\"type\": \"session_closed\", \"gateway\": \"gw-1\", \"client\": \"biden\"}");
      send(
          ch,
          "gw-1",
          "{\"type\": \"frame_rejected\", \"gateway\": \"gw-1\", \"client\": \"carter\", \"reason\": \"blocked\"}");
      send(ch, "gw-1", "{\"type\": \"teleported\", \"gateway\": \"gw-1\"}");
      send(ch, "gw-1", "not json");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                p.poll(registry);
                return registry.latest(GatewaysSnapshot.FAMILY).orElseThrow().value().eventsTotal()
                    == 5;
              });
      GatewaysSnapshot.Gateway g = gw("gw-1");
      assertThat(g.up()).isTrue();
      assertThat(g.clients()).hasValue(12);
      assertThat(g.sessionsOpened()).isEqualTo(2);
      assertThat(g.sessionsClosed()).isEqualTo(1);
      assertThat(g.rejections()).containsEntry("blocked", 1L);
      assertThat(registry.latest(GatewaysSnapshot.FAMILY).orElseThrow().value().malformed())
          .isEqualTo(2);

      // silence: after the 2 s heartbeat timeout the gateway is down, and that is logged
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                p.poll(registry);
                return !gw("gw-1").up();
              });
      assertThat(registry.events().newest(10, "gateway_status_change"))
          .singleElement()
          .satisfies(e -> assertThat(e.fields()).containsEntry("to", "down"));
    }
  }
}

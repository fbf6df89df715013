package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.collect.PollOutcome;
import io.frmonitor.config.RabbitSettings;
import io.frmonitor.config.Toggle;
import io.frmonitor.model.RabbitNodesSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.RabbitBroker;
import io.frmonitor.testing.Registries;
import io.frmonitor.testing.TestVhost;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The node-health collector against the machine's real RabbitMQ management API, as a user with the
 * {@code monitoring} tag and no permission on any queue.
 */
class NodesPollerIT {
  private final MetricRegistry registry = Registries.forCollectorTests();
  private TestVhost vhost;

  @BeforeEach
  void vhost() throws Exception {
    vhost = TestVhost.create("^$", "^$", "^$");
  }

  @AfterEach
  void cleanUp() throws Exception {
    vhost.close();
  }

  private NodesPoller poller(URI management) {
    return NodesPoller.create(
        new RabbitSettings(
            vhost.amqpUri(), management, List.of(), 10, 4, Duration.ofSeconds(30), Toggle.OFF),
        new PayloadDecoder(DecodeLimits.DEFAULT),
        Duration.ofSeconds(5));
  }

  @Test
  void readsTheBrokersNodesAsAMonitoringUserWithoutQueuePermissions() throws Exception {
    String expected = RabbitBroker.get("/api/overview").path("node").asText();

    assertThat(poller(vhost.managementUri()).poll(registry)).isEqualTo(PollOutcome.ok());

    RabbitNodesSnapshot s = registry.latest(RabbitNodesSnapshot.FAMILY).orElseThrow().value();
    assertThat(s.nodes()).extracting(RabbitNodesSnapshot.Node::name).contains(expected);
    RabbitNodesSnapshot.Node n = s.nodes().get(0);
    assertThat(n.running()).isTrue();
    assertThat(n.memoryUsedBytes().getAsLong()).isPositive();
    assertThat(n.memoryLimitBytes().getAsLong()).isGreaterThan(n.memoryUsedBytes().getAsLong());
    assertThat(n.memoryAlarm()).contains(false);
    assertThat(n.diskFreeAlarm()).contains(false);
    assertThat(n.fdUsed().getAsLong()).isPositive();
    assertThat(n.uptimeSeconds().getAsLong()).isPositive();
    assertThat(registry.allSeries()).containsKey("rabbitmq_nodes.memory_used_bytes:" + n.name());
  }

  @Test
  void anUnreachableApiIsNamedWithTheKindOfFailure() {
    URI closed = URI.create("http://" + vhost.user() + ":" + TestVhost.PASSWORD + "@127.0.0.1:9");

    assertThatThrownBy(() -> poller(closed).poll(registry))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("management API http://127.0.0.1:9 unreachable")
        .hasMessageContaining("ConnectException")
        .hasMessageNotContaining(TestVhost.PASSWORD);
  }

  @Test
  void aUserWithoutTheMonitoringTagIsToldToCheckItsRights() throws Exception {
    URI guestless = URI.create("http://nobody-" + System.nanoTime() + ":wrong@127.0.0.1:15672");

    assertThatThrownBy(() -> poller(guestless).poll(registry))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("answered 401");
  }
}

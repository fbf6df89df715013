package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.model.Event;
import io.frmonitor.model.GatewaysSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gateway events through the handler seam, with a manual clock and no broker. */
class GatewayEventsPollerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ManualClock clock = new ManualClock();
  private final MetricRegistry registry = Registries.forApiTests(clock);
  private final GatewayHandler handler =
      new GatewayHandler(new PayloadDecoder(DecodeLimits.DEFAULT), clock);
  private final GatewayEventsPoller poller =
      new GatewayEventsPoller(new FakeTap(), handler, clock, TIMEOUT);

  private void event(String json) {
    handler.message("gateway.gw-1", Map.of(), json.getBytes(StandardCharsets.UTF_8));
  }

  private GatewaysSnapshot.Gateway gw1() throws Exception {
    poller.poll(registry);
    return registry.latest(GatewaysSnapshot.FAMILY).orElseThrow().value().gateways().get(0);
  }

  @Test
  void aGatewayIsUpWhileItsHeartbeatsArriveAndDownOnceTheyStop() throws Exception {
    event("{\"type\": \"heartbeat\", \"gateway\": \"gw-1\", \"clients\": 12}");
    assertThat(gw1().up()).isTrue();
    assertThat(gw1().clients()).hasValue(12);

    clock.advance(TIMEOUT);
    assertThat(gw1().up()).as("exactly the timeout is still up").isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(gw1().up()).isFalse();

    event("{\"type\": \"heartbeat\", \"gateway\": \"gw-1\", \"clients\": 3}");
    assertThat(gw1().up()).isTrue();
    assertThat(registry.events().newest(10, "gateway_status_change"))
        .extracting(e -> e.fields().get("to"))
        .containsExactly("up", "down");
  }

  @Test
  void theHeartbeatTimeIsTheMonitorsReceiptNotTheGatewaysClaim() throws Exception {
    // a gateway whose clock is an hour ahead cannot look alive for an hour
    event(
        "{\"type\": \"heartbeat\", \"gateway\": \"gw-1\", \"ts\": "
            + (clock.millis() + 3_600_000)
            + "}");
    clock.advance(TIMEOUT.plusSeconds(1));
    assertThat(gw1().up()).isFalse();
  }

  @Test
  void sessionsAndRejectionsAreCountedAndMalformedEventsSkipped() throws Exception {
    event("{\"type\": \"session_opened\", \"gateway\": \"gw-1\", \"client\": \"obama\"}");
    event("{\"type\": \"session_opened\", \"gateway\": \"gw-1\", \"client\": \"biden\"}");
    event("{\"type\": \"session_closed\", \"gateway\": \"gw-1\", \"client\": \"obama\"}");
    event("{\"type\": \"frame_rejected\", \"gateway\": \"gw-1\", \"reason\": \"paused\"}");
    event("{\"type\": \"frame_rejected\", \"gateway\": \"gw-1\", \"reason\": \"paused\"}");
    event("{\"type\": \"teleport\", \"gateway\": \"gw-1\"}");
    event("{\"type\": \"heartbeat\"}");

    GatewaysSnapshot.Gateway g = gw1();
    assertThat(g.sessionsOpened()).isEqualTo(2);
    assertThat(g.sessionsClosed()).isEqualTo(1);
    assertThat(g.rejections()).containsExactly(Map.entry("paused", 2L));
    assertThat(g.up()).as("no heartbeat yet").isFalse();
    assertThat(g.clients()).as("unknown until a heartbeat says").isEmpty();
    GatewaysSnapshot s = registry.latest(GatewaysSnapshot.FAMILY).orElseThrow().value();
    assertThat(s.eventsTotal()).isEqualTo(5);
    assertThat(s.malformed()).isEqualTo(2);
  }

  @Test
  void rejectionReasonsBeyondTheLimitAreCountedAsOther() throws Exception {
    for (int i = 0; i < GatewayHandler.MAX_REASONS + 5; i++) {
      event("{\"type\": \"frame_rejected\", \"gateway\": \"gw-1\", \"reason\": \"r" + i + "\"}");
    }
    GatewaysSnapshot.Gateway g = gw1();
    assertThat(g.rejections()).hasSize(GatewayHandler.MAX_REASONS + 1);
    assertThat(g.rejections()).containsEntry("other", 5L);
  }

  @Test
  void noEventIsLoggedForAGatewaySeenForTheFirstTime() throws Exception {
    event("{\"type\": \"heartbeat\", \"gateway\": \"gw-1\"}");
    gw1();
    assertThat(registry.events().newest(10, null)).extracting(Event::kind).isEmpty();
  }
}

package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayEventTest {
  @Test
  void readsTheDocumentedSchema() {
    GatewayEvent e =
        GatewayEvent.of(
                Map.of(
                    "type", "heartbeat", "gateway", "gw-1", "ts", 1795830500000L, "clients", 12L))
            .orElseThrow();
    assertThat(e.type()).isEqualTo("heartbeat");
    assertThat(e.gateway()).isEqualTo("gw-1");
    assertThat(e.time()).contains(Instant.ofEpochMilli(1795830500000L));
    assertThat(e.clients()).hasValue(12);
  }

  @Test
  void unknownTypesMissingGatewaysAndNonDictsAreNotEvents() {
    assertThat(GatewayEvent.of(Map.of("type", "teleported", "gateway", "gw-1"))).isEmpty();
    assertThat(GatewayEvent.of(Map.of("type", "heartbeat"))).isEmpty();
    assertThat(GatewayEvent.of(Map.of("type", "heartbeat", "gateway", ""))).isEmpty();
    assertThat(GatewayEvent.of(java.util.List.of("heartbeat"))).isEmpty();
  }

  @Test
  void aRejectionWithoutReasonIsUnspecified() {
    assertThat(
            GatewayEvent.of(Map.of("type", "frame_rejected", "gateway", "gw-1"))
                .orElseThrow()
                .reason())
        .isEqualTo("unspecified");
  }
}

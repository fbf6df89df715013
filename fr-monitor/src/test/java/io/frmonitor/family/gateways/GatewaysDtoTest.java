package io.frmonitor.family.gateways;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.model.GatewaysSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewaysDtoTest {
  private final MetricRegistry registry = Registries.forApiTests(new ManualClock());

  private GatewaysDto body() {
    return GatewaysDto.of(registry.latest(GatewaysSnapshot.FAMILY));
  }

  @Test
  void untilAGatewayReportsItsFiguresAreUnknownWithTheReason() {
    registry.publish(GatewaysSnapshot.FAMILY, new GatewaysSnapshot(List.of(), 0, 0));
    GatewaysDto b = body();
    assertThat(b.stale()).isFalse();
    assertThat(b.reporting()).isFalse();
    assertThat(b.reason()).contains("docs/producers.md#3-gateway-events");
    assertThat(b.up()).as("not 0: unknown").isNull();
    assertThat(b.down()).isNull();
    assertThat(b.gateways()).as("not an empty list that looks healthy").isNull();
  }

  @Test
  void onceOneHasReportedTheCountsAreTrue() {
    registry.publish(GatewaysSnapshot.FAMILY, GatewaysFamily.example());
    GatewaysDto b = body();
    assertThat(b.reporting()).isTrue();
    assertThat(b.reason()).isNull();
    assertThat(b.up()).isEqualTo(1);
    assertThat(b.down()).isZero();
  }

  @Test
  void beforeTheFirstRunItIsStaleAndUnknown() {
    assertThat(body().stale()).isTrue();
    assertThat(body().reporting()).isFalse();
    assertThat(body().up()).isNull();
  }
}
